// POST /v1/batch: JSON records or CSV → merged PDF, zip, or report; bad records listed.
#include <gtest/gtest.h>

#include "common/Json.h"
#include "server/ServerFixture.h"
#include "support/Process.h"

namespace gongwen::test {
namespace {

Poco::JSON::Object::Ptr json(const HttpResponse& r) { return parseJsonObject(r.body, "response"); }

Poco::JSON::Array::Ptr failuresHeader(const HttpResponse& r) {
  return parseJson(r.header("x-gongwen-failures"), "header").extract<Poco::JSON::Array::Ptr>();
}

const char* const kThreeRecords = R"({"layout": "article", "records": [
  {"title": "关于表彰先进集体的决定", "body": "经研究决定，对以下集体予以表彰。"},
  {"title": "缺正文"},
  {"title": "关于召开年度工作会议的通知", "body": "定于六月十三日召开会议。"}]})";

class ServerBatch : public ::testing::Test {
 protected:
  HttpResponse post(const std::string& query, const std::string& type, const std::string& body) {
    return httpPost(server_.port(), "/v1/batch" + query, type, body);
  }
  RunningServer server_;
};

TEST_F(ServerBatch, JsonRecordsMergeIntoOnePdfAndTheBadOneIsListed) {
  auto r = post("", "application/json", kThreeRecords);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/pdf");
  EXPECT_EQ(r.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(r.header("content-disposition"),
            "attachment; filename=\"article-batch.pdf\"; filename*=UTF-8''article-batch.pdf");
  EXPECT_EQ(r.header("x-gongwen-records"), "3");
  EXPECT_EQ(r.header("x-gongwen-failed-records"), "1");
  EXPECT_EQ(r.header("x-gongwen-pages"), "2");
  EXPECT_EQ(r.header("x-gongwen-failures-truncated"), "");
  auto failures = failuresHeader(r);
  ASSERT_EQ(failures->size(), 1u);
  auto f = failures->getObject(0);
  EXPECT_EQ(f->getValue<int>("index"), 1);
  EXPECT_EQ(f->getValue<std::string>("record"), "$.records[1]");
  EXPECT_EQ(f->getValue<std::string>("field"), "$.records[1].body");
  EXPECT_EQ(f->getValue<std::string>("message"), "required field \"body\" (正文) is missing");
}

TEST_F(ServerBatch, DryRunReportsGoodAndBadRecords) {
  auto r = post("?dry_run=1", "application/json", kThreeRecords);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, R"({"layout":"article","total":3,"good":2,"failed":1,"pages":2,"failures":[)"
                    R"({"index":1,"record":"$.records[1]","field":"$.records[1].body",)"
                    R"("message":"required field \"body\" (正文) is missing"}]})"
                    "\n");
}

TEST_F(ServerBatch, GB18030CsvWithTheLayoutInTheQuery) {
  std::string csv =
      "title,body\r\n关于表彰先进集体的决定,经研究决定，对以下集体予以表彰。\r\n,没有标题\r\n";
  auto gb = runShell("iconv -f UTF-8 -t GB18030", csv);
  ASSERT_EQ(gb.exitCode, 0);
  ASSERT_NE(gb.out, csv);
  auto r = post("?layout=article&dry_run=1", "text/csv; charset=gb18030", gb.out);
  ASSERT_EQ(r.status, 200) << r.body;
  auto report = json(r);
  EXPECT_EQ(report->getValue<int>("total"), 2);
  EXPECT_EQ(report->getValue<int>("good"), 1);
  auto f = report->getArray("failures")->getObject(0);
  EXPECT_EQ(f->getValue<std::string>("record"), "row 3");
  EXPECT_EQ(f->getValue<std::string>("field"), "row 3, field title");
  EXPECT_EQ(f->getValue<std::string>("message"), "required field \"title\" (标题) is missing");
}

TEST_F(ServerBatch, SplitGivesAZipOfOnePdfPerRecordAndTheFailures) {
  auto r = post("?split=1", "application/json", kThreeRecords);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/zip");
  EXPECT_EQ(r.header("content-disposition"),
            "attachment; filename=\"article-batch.zip\"; filename*=UTF-8''article-batch.zip");
  TempDir dir;
  writeText(dir.file("batch.zip"), r.body);
  auto listing = runShell(
      "python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
      "[print(n, z.read(n)[:5]) for n in z.namelist()]' " +
      shellQuote(dir.file("batch.zip")));
  ASSERT_EQ(listing.exitCode, 0) << listing.err;
  EXPECT_EQ(listing.out,
            "failures.json b'[{\"in'\n"
            "row-1.pdf b'%PDF-'\n"
            "row-3.pdf b'%PDF-'\n");
}

TEST_F(ServerBatch, DuplexStartsEachRecordOnAnOddPage) {
  std::string sample = sampleJson();
  std::string body = R"({"layout": "article", "records": [)" + sample + "," + sample + "]}";
  auto single = engine().layout(parseJsonObject(sample, "sample"), RenderOptions{});
  size_t pages = single.list.pages.size();
  auto plain = post("?dry_run=0", "application/json", body);
  ASSERT_EQ(plain.status, 200) << plain.body;
  EXPECT_EQ(plain.header("x-gongwen-pages"), std::to_string(2 * pages));
  auto duplex = post("?duplex=1", "application/json", body);
  ASSERT_EQ(duplex.status, 200);
  EXPECT_EQ(duplex.header("x-gongwen-pages"), std::to_string(2 * pages + pages % 2));
}

TEST_F(ServerBatch, NothingPrintableIs422WithTheFailures) {
  auto r = post("", "application/json", R"({"layout": "article", "records": [{"title": "t"}, 7]})");
  EXPECT_EQ(r.status, 422);
  auto e = json(r);
  EXPECT_EQ(e->getValue<std::string>("error"), "no printable records");
  EXPECT_EQ(e->getValue<std::string>("detail"), "all 2 records have errors; nothing was printed");
  auto failures = e->getArray("failures");
  ASSERT_EQ(failures->size(), 2u);
  EXPECT_EQ(failures->getObject(1)->getValue<std::string>("message"),
            "must be an object (a record), found a number");
  auto empty = post("", "application/json", R"({"layout": "article", "records": []})");
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(json(empty)->getValue<std::string>("detail"), "the list of records is empty");
  EXPECT_EQ(json(empty)->getValue<std::string>("field"), "$.records");
}

TEST_F(ServerBatch, RequestShapeErrors) {
  auto noLayout = post("", "application/json", R"({"records": []})");
  EXPECT_EQ(noLayout.status, 422);
  EXPECT_EQ(json(noLayout)->getValue<std::string>("field"), "$.layout");
  auto unknown = post("", "application/json", R"({"layout": "nosuch", "records": []})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(json(unknown)->getValue<std::string>("field"), "$.layout");
  auto notList = post("", "application/json", R"({"layout": "article", "records": {}})");
  EXPECT_EQ(notList.status, 422);
  EXPECT_EQ(json(notList)->getValue<std::string>("field"), "$.records");
  EXPECT_EQ(json(notList)->getValue<std::string>("detail"),
            "must be a list of records, found an object");
  auto csvNoLayout = post("", "text/csv", "title,body\n甲,一\n");
  EXPECT_EQ(csvNoLayout.status, 422);
  EXPECT_EQ(json(csvNoLayout)->getValue<std::string>("field"), "layout");
  auto badCsv = post("?layout=article", "text/csv", "title,body\n\"甲,一\n");
  EXPECT_EQ(badCsv.status, 400);
  EXPECT_EQ(json(badCsv)->getValue<std::string>("error"), "malformed CSV");
  auto badJson = post("", "application/json", "{\"layout\": ");
  EXPECT_EQ(badJson.status, 400);
  EXPECT_EQ(json(badJson)->getValue<std::string>("error"), "malformed JSON");
  EXPECT_EQ(post("", "application/xml", "<batch/>").status, 415);
}

TEST_F(ServerBatch, ManyFailuresAreCutToFitTheHeader) {
  std::string body = R"({"layout": "article", "records": [{"title": "好", "body": "正文"})";
  for (int i = 0; i < 200; ++i) body += R"(, {"title": "缺正文"})";
  body += "]}";
  auto r = post("", "application/json", body);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("x-gongwen-failed-records"), "200");
  EXPECT_EQ(r.header("x-gongwen-failures-truncated"), "1");
  EXPECT_LE(r.header("x-gongwen-failures").size(), 4000u);
  auto listed = failuresHeader(r);
  EXPECT_GT(listed->size(), 5u);
  EXPECT_LT(listed->size(), 200u);
}

}  // namespace
}  // namespace gongwen::test

namespace gongwen::test {
namespace {

class ServerBatchParts : public ::testing::Test {
 protected:
  RunningServer server_;
};

TEST_F(ServerBatchParts, AcceptMultipartGivesThePdfAndEveryFailure) {
  HttpRequest request;
  request.method = "POST";
  request.path = "/v1/batch";
  request.contentType = "application/json";
  request.body = kThreeRecords;
  request.headers = {{"Accept", "multipart/mixed"}};
  auto r = http(server_.port(), request);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string type = r.header("content-type");
  ASSERT_EQ(type.rfind("multipart/mixed; boundary=", 0), 0u) << type;
  const std::string boundary = "--" + type.substr(type.find('=') + 1);
  // Two parts: the merged PDF, then failures.json with the bad record.
  const size_t first = r.body.find(boundary + "\r\nContent-Type: application/pdf");
  const size_t second = r.body.find(boundary + "\r\nContent-Type: application/json");
  ASSERT_NE(first, std::string::npos) << r.body.substr(0, 300);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_NE(r.body.find("%PDF-"), std::string::npos);
  EXPECT_NE(r.body.find("\"field\":\"$.records[1].body\""), std::string::npos);
  EXPECT_NE(r.body.find(boundary + "--"), std::string::npos);
  // Without it, existing clients still get the PDF alone.
  EXPECT_EQ(httpPost(server_.port(), "/v1/batch", "application/json", kThreeRecords)
                .header("content-type"),
            "application/pdf");
}

}  // namespace
}  // namespace gongwen::test
