// POST /v1/batch with spreadsheets: an .xlsx body (written by XlsxWriter) with the values
// every row shares as query fields, a JSON body carrying the spreadsheet and "defaults", and
// ?list=1 making one 表彰名单 from a register.
#include <gtest/gtest.h>

#include "common/Json.h"
#include "server/ServerFixture.h"
#include "support/DataUri.h"
#include "support/Process.h"
#include "support/TestEngine.h"

namespace gongwen::test {
namespace {

const char* const kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

class ServerSheets : public ::testing::Test {
 protected:
  HttpResponse post(const std::string& query, const std::string& type, const std::string& body) {
    return httpPost(server_.port(), "/v1/batch" + query, type, body);
  }
  // Two certificates without issuer and date columns, from XlsxWriter.
  static std::string workbook() {
    TempDir dir;
    auto r = runShell(
        "/usr/bin/python3 -c \"import sys, xlsxwriter\n"
        "wb = xlsxwriter.Workbook(sys.argv[1]); ws = wb.add_worksheet('名单')\n"
        "ws.write_row(0, 0, ['姓名', '事由'])\n"
        "ws.write_row(1, 0, ['张三', '荣获先进个人。'])\n"
        "ws.write_row(2, 0, ['李四', '荣获先进个人。'])\n"
        "wb.close()\" " +
        dir.file("in.xlsx"));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return readText(dir.file("in.xlsx"));
  }
  RunningServer server_;
};

TEST_F(ServerSheets, AnXlsxBodyWithSharedValuesInTheQuery) {
  auto r = post("?layout=certificate&dry_run=1&issuer=%E5%8D%97%E4%BA%AC%E5%B8%82&date=2012/6/13",
                kXlsx, workbook());
  ASSERT_EQ(r.status, 200) << r.body;
  auto report = parseJsonObject(r.body, "report");
  EXPECT_EQ(report->getValue<int>("good"), 2) << r.body;
  // Without them the required issuer has no column: the whole table is refused.
  auto bad = post("?layout=certificate", kXlsx, workbook());
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("no column for the required field 颁奖单位 (issuer)"), std::string::npos)
      << bad.body;
}

TEST_F(ServerSheets, AJsonBodyCarriesTheSpreadsheetAndDefaults) {
  const std::string uri =
      "data:application/octet-stream;base64," +
      pngDataUri(workbook()).substr(std::string("data:image/png;base64,").size());
  const std::string body = R"({"layout": "certificate", "defaults": {"issuer": "南京市人民政府",
    "date": "二〇一二年六月十三日", "seal": ")" +
                           specimenSealDataUri() + R"("}, "spreadsheet": ")" + uri + R"("})";
  auto r = post("", "application/json", body);
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 400);
  EXPECT_EQ(r.header("x-gongwen-pages"), "2");
  EXPECT_EQ(r.header("x-gongwen-failed-records"), "0");
}

TEST_F(ServerSheets, AListFromARegister) {
  const std::string csv =
      "序号,类别,姓名,单位\n1,先进工作者,张三,南京市质监局\n2,先进工作者,李四,南京市统计局\n";
  auto r = post("?list=1&title=%E8%A1%A8%E5%BD%B0%E5%90%8D%E5%8D%95&sort=strokes", "text/csv", csv);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.substr(0, 5), "%PDF-");
  auto noTitle = post("?list=1", "text/csv", csv);
  EXPECT_EQ(noTitle.status, 422);
  EXPECT_NE(noTitle.body.find("title"), std::string::npos);
}

}  // namespace
}  // namespace gongwen::test
