// Every error is JSON {"error", "field", "detail"} with the right status.
#include <gtest/gtest.h>

#include "common/Json.h"
#include "server/ServerFixture.h"

namespace gongwen::test {
namespace {

struct ErrorBody {
  std::string error, field, detail;
};

ErrorBody errorOf(const HttpResponse& r) {
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
  auto o = parseJsonObject(r.body, "response");
  return {o->optValue<std::string>("error", ""), o->optValue<std::string>("field", ""),
          o->optValue<std::string>("detail", "")};
}

class ServerErrors : public ::testing::Test {
 protected:
  HttpResponse render(const std::string& body, const std::string& type = "application/json") {
    return httpPost(server_.port(), "/v1/render", type, body);
  }
  RunningServer server_;
};

TEST_F(ServerErrors, MalformedJsonIs400WithLineAndColumn) {
  auto r = render("{\"layout\": \"article\",\n  \"title\": }");
  EXPECT_EQ(r.status, 400);
  auto e = errorOf(r);
  EXPECT_EQ(e.error, "malformed JSON");
  EXPECT_EQ(e.field, "$");
  EXPECT_EQ(e.detail,
            "invalid JSON at line 2, column 12: unexpected character '}', a value was expected");
}

TEST_F(ServerErrors, NotAnObjectIs400) {
  auto r = render(R"([{"layout": "article"}])");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(errorOf(r).detail, "expected a JSON object at the top, found an array");
}

TEST_F(ServerErrors, WrongContentTypeIs415) {
  auto r = render(articleJson("标题", "正文"), "text/plain");
  EXPECT_EQ(r.status, 415);
  auto e = errorOf(r);
  EXPECT_EQ(e.error, "unsupported content type");
  EXPECT_EQ(e.field, "Content-Type");
  EXPECT_EQ(e.detail, "send application/json, not \"text/plain\"");
  EXPECT_EQ(render(articleJson("标题", "正文"), "").status, 415);
}

TEST_F(ServerErrors, MissingFieldIs422NamingIt) {
  auto r = render(R"({"layout": "article", "title": "标题"})");
  EXPECT_EQ(r.status, 422);
  auto e = errorOf(r);
  EXPECT_EQ(e.error, "invalid field");
  EXPECT_EQ(e.field, "$.body");
  EXPECT_EQ(e.detail, "required field \"body\" (正文) is missing");
}

TEST_F(ServerErrors, WrongTypeIs422) {
  auto e = errorOf(render(R"({"layout": "article", "title": ["a"], "body": "b"})"));
  EXPECT_EQ(e.field, "$.title");
  EXPECT_EQ(e.detail, "must be a string, found an array");
}

TEST_F(ServerErrors, ControlCharacterIs422) {
  auto r = render(R"({"layout": "article", "title": "标题", "body": "甲\u0007乙"})");
  EXPECT_EQ(r.status, 422);
  auto e = errorOf(r);
  EXPECT_EQ(e.field, "$.body");
  EXPECT_NE(e.detail.find("U+0007"), std::string::npos) << e.detail;
}

TEST_F(ServerErrors, CharacterNoFontHasIs422Unprintable) {
  auto r = render(R"({"layout": "article", "title": "标题", "body": "甲\udbff\udffd"})");
  EXPECT_EQ(r.status, 422);
  auto e = errorOf(r);
  EXPECT_EQ(e.error, "unprintable character");
  EXPECT_EQ(e.field.rfind("$.body", 0), 0u) << e.field;
  EXPECT_NE(e.detail.find("U+10FFFD"), std::string::npos) << e.detail;
}

TEST_F(ServerErrors, UnknownLayoutIs422ListingTheLayouts) {
  auto r = render(R"({"layout": "nosuch", "title": "t", "body": "b"})");
  EXPECT_EQ(r.status, 422);
  auto e = errorOf(r);
  EXPECT_EQ(e.field, "$.layout");
  EXPECT_EQ(e.detail.rfind("unknown layout \"nosuch\"; the layouts are: ", 0), 0u) << e.detail;
  EXPECT_NE(e.detail.find("article"), std::string::npos);
}

TEST_F(ServerErrors, BadQueryFlagIs400) {
  auto r = httpPost(server_.port(), "/v1/render?normalize=perhaps", "application/json",
                    articleJson("标题", "正文"));
  EXPECT_EQ(r.status, 400);
  auto e = errorOf(r);
  EXPECT_EQ(e.field, "normalize");
  EXPECT_EQ(e.detail, "must be 1 or 0, found \"perhaps\"");
}

TEST_F(ServerErrors, UnknownRouteIs404) {
  auto r = httpGet(server_.port(), "/v2/render");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(errorOf(r).detail, "no such route: /v2/render");
}

TEST_F(ServerErrors, WrongMethodIs405WithAllow) {
  auto r = httpGet(server_.port(), "/v1/render");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "POST");
  EXPECT_EQ(errorOf(r).error, "method not allowed");
  auto p = httpPost(server_.port(), "/healthz", "application/json", "{}");
  EXPECT_EQ(p.status, 405);
  EXPECT_EQ(p.header("allow"), "GET");
}

TEST_F(ServerErrors, TheConnectionKeepsWorkingAfterAnError) {
  // A 422 is a normal answer: the next request on the server is served as usual.
  EXPECT_EQ(render(R"({"layout": "article"})").status, 422);
  EXPECT_EQ(render(articleJson("标题", "正文")).status, 200);
}

}  // namespace
}  // namespace gongwen::test
