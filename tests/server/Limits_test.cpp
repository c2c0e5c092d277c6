// Limits: body size (413), records per batch (413), pages per document (422), time (422).
#include <gtest/gtest.h>

#include "common/Json.h"
#include "server/ServerFixture.h"

namespace gongwen::test {
namespace {

Poco::JSON::Object::Ptr json(const HttpResponse& r) { return parseJsonObject(r.body, "response"); }

std::string recordsJson(size_t count, const std::string& extra = "") {
  std::string out = R"({"layout": "article", "records": [)";
  for (size_t i = 0; i < count; ++i) {
    out += (i ? "," : "") + std::string(R"({"title": "通知)") + std::to_string(i) +
           R"(", "body": "定于六月十三日召开会议。)" + extra + R"("})";
  }
  return out + "]}";
}

TEST(ServerLimits, BodyOverTheLimitIs413ByContentLength) {
  auto settings = testSettings();
  settings.limits.maxBodyBytes = 1000;
  RunningServer s(settings);
  std::string body = sampleJson();
  ASSERT_GT(body.size(), 1000u);
  auto r = httpPost(s.port(), "/v1/render", "application/json", body);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.header("connection"), "close");  // the body was not read: the connection ends
  EXPECT_EQ(json(r)->getValue<std::string>("error"), "payload too large");
  EXPECT_EQ(json(r)->getValue<std::string>("detail"),
            "the request body is larger than the limit of 1000 bytes");
  // Just under the limit is fine.
  EXPECT_EQ(
      httpPost(s.port(), "/v1/render", "application/json", articleJson("标题", "正文")).status,
      200);
}

TEST(ServerLimits, ChunkedBodyOverTheLimitIs413) {
  auto settings = testSettings();
  settings.limits.maxBodyBytes = 1000;
  RunningServer s(settings);
  HttpRequest req;
  req.method = "POST";
  req.path = "/v1/render";
  req.contentType = "application/json";
  req.body = sampleJson();
  req.chunked = true;
  auto r = http(s.port(), req);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(json(r)->getValue<std::string>("error"), "payload too large");
}

TEST(ServerLimits, TooManyRecordsIs413) {
  auto settings = testSettings();
  settings.limits.maxRecords = 2;
  RunningServer s(settings);
  auto r = httpPost(s.port(), "/v1/batch", "application/json", recordsJson(3));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(json(r)->getValue<std::string>("error"), "too many records");
  EXPECT_EQ(json(r)->getValue<std::string>("field"), "$.records");
  // Counted while the JSON is read, before anything is built.
  EXPECT_EQ(json(r)->getValue<std::string>("detail").substr(0, 50),
            "more than 2 records in one batch, the limit (count");
  auto csv = httpPost(s.port(), "/v1/batch?layout=article", "text/csv",
                      "title,body\n甲,一\n乙,二\n丙,三\n");
  EXPECT_EQ(csv.status, 413);
  EXPECT_EQ(json(csv)->getValue<std::string>("field"), "CSV");
  EXPECT_EQ(httpPost(s.port(), "/v1/batch", "application/json", recordsJson(2)).status, 200);
}

TEST(ServerLimits, TooManyPagesIs422) {
  auto pages = engine().layout(parseJsonObject(sampleJson(), "sample"), RenderOptions{});
  ASSERT_GE(pages.list.pages.size(), 2u);
  auto settings = testSettings();
  settings.limits.maxPages = pages.list.pages.size() - 1;
  RunningServer s(settings);
  auto r = httpPost(s.port(), "/v1/render", "application/json", sampleJson());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json(r)->getValue<std::string>("error"), "too many pages");
  // Refused when the page over the limit is begun, not after the whole document.
  EXPECT_EQ(json(r)->getValue<std::string>("detail"),
            "the document needs more than the limit of " +
                std::to_string(settings.limits.maxPages) +
                " pages; shorten it or split it into several documents");
}

TEST(ServerLimits, InABatchARecordOverThePageLimitIsABadRecord) {
  auto settings = testSettings();
  settings.limits.maxPages = 1;
  RunningServer s(settings);
  auto sample = parseJsonObject(sampleJson(), "sample");
  std::string body =
      std::string(R"({"layout": "article", "records": [{"title": "短", "body": "一页。"}, )") +
      R"({"title": "长", "body": ")" + sample->getValue<std::string>("body") + R"("}]})";
  // The sample's body holds no characters that need escaping in JSON but newlines.
  std::string escaped;
  for (char c : body) escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
  auto r = httpPost(s.port(), "/v1/batch", "application/json", escaped);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("x-gongwen-failed-records"), "1");
  auto failures =
      parseJson(r.header("x-gongwen-failures"), "header").extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(failures->size(), 1u);
  EXPECT_EQ(failures->getObject(0)->getValue<std::string>("record"), "$.records[1]");
  EXPECT_NE(
      failures->getObject(0)->getValue<std::string>("message").find("more than the limit of 1"),
      std::string::npos);
}

TEST(ServerLimits, RenderingLongerThanTheTimeLimitIs422) {
  auto settings = testSettings();
  settings.limits.timeLimit = std::chrono::milliseconds(1);
  RunningServer s(settings);
  auto r = httpPost(s.port(), "/v1/batch", "application/json", recordsJson(2000));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json(r)->getValue<std::string>("error"), "time limit exceeded");
  EXPECT_EQ(json(r)->getValue<std::string>("detail"),
            "rendering took longer than the limit of 1 ms; send fewer records or shorter "
            "documents");
}

}  // namespace
}  // namespace gongwen::test
