// --token-file: /v1/ needs "Authorization: Bearer TOKEN"; health, metrics and the page
// do not.
#include <gtest/gtest.h>

#include "common/Errors.h"
#include "common/Json.h"
#include "server/BearerToken.h"
#include "server/ServerFixture.h"
#include "support/Process.h"

namespace gongwen::test {
namespace {

HttpResponse withAuthorization(unsigned port, const std::string& path, const std::string& value) {
  HttpRequest req;
  req.method = path == "/v1/layouts" ? "GET" : "POST";
  req.path = path;
  if (req.method == "POST") {
    req.contentType = "application/json";
    req.body = articleJson("标题", "正文");
  }
  if (!value.empty()) req.headers.emplace_back("Authorization", value);
  return http(port, req);
}

TEST(ServerAuth, TokenIsNeededOnV1Only) {
  auto settings = testSettings();
  settings.token = "s3cret-Token_1";
  RunningServer s(settings);
  auto none = withAuthorization(s.port(), "/v1/render", "");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.header("www-authenticate"), "Bearer");
  auto e = parseJsonObject(none.body, "response");
  EXPECT_EQ(e->getValue<std::string>("error"), "unauthorized");
  EXPECT_EQ(e->getValue<std::string>("detail"),
            "this server needs \"Authorization: Bearer TOKEN\"");

  for (const char* wrong :
       {"Bearer s3cret-Token_", "Bearer s3cret-Token_12", "Bearer S3CRET-TOKEN_1",
        "Basic s3cret-Token_1", "s3cret-Token_1", "Bearer"}) {
    auto r = withAuthorization(s.port(), "/v1/render", wrong);
    EXPECT_EQ(r.status, 401) << wrong;
  }
  EXPECT_EQ(parseJsonObject(withAuthorization(s.port(), "/v1/render", "Bearer nope").body, "r")
                ->getValue<std::string>("detail"),
            "the token is wrong");
  EXPECT_EQ(withAuthorization(s.port(), "/v1/batch", "").status, 401);
  EXPECT_EQ(withAuthorization(s.port(), "/v1/layouts", "").status, 401);

  EXPECT_EQ(withAuthorization(s.port(), "/v1/render", "Bearer s3cret-Token_1").status, 200);
  EXPECT_EQ(withAuthorization(s.port(), "/v1/render", "bearer s3cret-Token_1").status, 200);
  EXPECT_EQ(withAuthorization(s.port(), "/v1/layouts", "Bearer s3cret-Token_1").status, 200);
  EXPECT_EQ(httpGet(s.port(), "/healthz").status, 200);
  EXPECT_EQ(httpGet(s.port(), "/metrics").status, 200);
  EXPECT_EQ(httpGet(s.port(), "/").status, 200);
}

TEST(BearerToken, MatchesOnlyTheWholeToken) {
  using server::bearerMatches;
  EXPECT_TRUE(bearerMatches("Bearer abc", "abc"));
  EXPECT_TRUE(bearerMatches("BEARER abc ", "abc"));
  EXPECT_FALSE(bearerMatches("Bearer ab", "abc"));
  EXPECT_FALSE(bearerMatches("Bearer abcd", "abc"));
  EXPECT_FALSE(bearerMatches("Bearer abd", "abc"));
  EXPECT_FALSE(bearerMatches("Bearer ", "abc"));
  EXPECT_FALSE(bearerMatches("", "abc"));
  EXPECT_FALSE(bearerMatches("Token abc", "abc"));
}

TEST(BearerToken, TokenFileIsTrimmedAndMustHoldOneToken) {
  TempDir dir;
  writeText(dir.file("token"), "  abc-123\n");
  EXPECT_EQ(server::readTokenFile(dir.file("token")), "abc-123");
  writeText(dir.file("empty"), "\n");
  EXPECT_THROW(server::readTokenFile(dir.file("empty")), InputError);
  writeText(dir.file("two"), "abc def\n");
  EXPECT_THROW(server::readTokenFile(dir.file("two")), InputError);
  EXPECT_THROW(server::readTokenFile(dir.file("missing")), InputError);
}

}  // namespace
}  // namespace gongwen::test
