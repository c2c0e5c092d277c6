// `gongwen batch`: a GB18030 spreadsheet into one merged PDF; bad rows listed with row and
// field while the others print (exit 3); --strict writes nothing (exit 2); --split names
// files safely and uniquely; --duplex starts every record on an odd page.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/Process.h"

namespace gongwen::test {
namespace {

const std::string kSamples = std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples";

int pdfPages(const std::string& pdf) {
  auto r = runShell("pdfinfo " + shellQuote(pdf));
  auto pos = r.out.find("Pages:");
  if (pos == std::string::npos) return -1;
  return std::stoi(r.out.substr(pos + 6));
}

std::string pdfText(const std::string& pdf, int page = 0) {
  std::string range = page ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
  return runShell("pdftotext -layout" + range + " " + shellQuote(pdf) + " -").out;
}

std::string csvOf(const std::vector<std::string>& rows) {
  std::string out = "recipient,citation,issuer,date,serial\n";
  for (const auto& r : rows) out += r + "\n";
  return out;
}

TEST(BatchCommand, Gb18030SpreadsheetIntoOneMergedPdf) {
  TempDir dir;
  auto r = runShell(cli() + " batch --layout certificate " + kSamples +
                    "/quality-award-2011.csv -o " + dir.file("out.pdf"));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(pdfPages(dir.file("out.pdf")), 19);
  EXPECT_NE(pdfText(dir.file("out.pdf"), 1).find("南京长江涂料有限公司"), std::string::npos);
  EXPECT_NE(r.err.find("printed 19 of 19 records, 19 pages"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos);  // no progress bar when not a terminal
  // Fonts, the border and the seal embedded once for all 19 pages.
  auto fonts = runShell("pdffonts " + dir.file("out.pdf")).out;
  EXPECT_EQ(std::count(fonts.begin(), fonts.end(), '\n'), 2 + 3) << fonts;
  auto check = runShell("qpdf --check " + dir.file("out.pdf"));
  EXPECT_EQ(check.exitCode, 0) << check.out;
}

TEST(BatchCommand, BadRowsAreListedAndTheOthersPrint) {
  TempDir dir;
  std::string tooLong;
  for (int i = 0; i < 40; ++i) tooLong += "在质量管理方面成绩显著。";
  writeText(
      dir.file("in.csv"),
      csvOf({"张三,荣获先进个人。,南京市人民政府,2012-06-13,",
             ",荣获先进个人。,南京市人民政府,2012-06-13,",       // row 3: no recipient
             "李四," + tooLong + ",南京市人民政府,2012-06-13,",  // row 4: cannot fit
             "王五,荣获先进个人。,南京市人民政府,2012-02-30,",   // row 5: no such date
             "赵\xF0\x96\xA9\x80六,荣获先进个人。,南京市人民政府,2012-06-13,",  // row 6: U+16A40
             "钱七,荣获先进个人。,南京市人民政府,2012-06-13,NJ-7"}));
  auto r = runShell(cli() + " batch --layout certificate " + dir.file("in.csv") + " -o " +
                    dir.file("out.pdf"));
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_EQ(pdfPages(dir.file("out.pdf")), 2);
  EXPECT_NE(r.err.find("row 3, field recipient: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("row 4, field citation: too long for its box (citation)"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("row 5, field date: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("row 6, field recipient: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("U+16A40"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("printed 2 of 6 records"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("4 bad records listed above"), std::string::npos) << r.err;
}

TEST(BatchCommand, StrictStopsAtTheFirstBadRowAndWritesNothing) {
  TempDir dir;
  writeText(dir.file("in.csv"), csvOf({"张三,荣获先进个人。,南京市人民政府,2012-06-13,",
                                       ",荣获先进个人。,南京市人民政府,2012-06-13,"}));
  auto r = runShell(cli() + " batch --strict --layout certificate " + dir.file("in.csv") + " -o " +
                    dir.file("out.pdf"));
  EXPECT_EQ(r.exitCode, 2) << r.err;
  EXPECT_FALSE(fileExists(dir.file("out.pdf")));
  EXPECT_NE(r.err.find("row 3, field recipient"), std::string::npos) << r.err;
}

TEST(BatchCommand, SplitNamesFilesByAFieldSafelyAndUniquely) {
  TempDir dir;
  writeText(dir.file("in.csv"), csvOf({"张三,荣获先进个人。,南京市人民政府,2012-06-13,",
                                       "张三,荣获先进个人。,南京市人民政府,2012-06-13,",
                                       "../李四,荣获先进个人。,南京市人民政府,2012-06-13,"}));
  auto r = runShell(cli() + " batch --layout certificate " + dir.file("in.csv") + " --split " +
                    dir.file("out") + " --name-by recipient");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(fileExists(dir.file("out/张三.pdf")));
  EXPECT_TRUE(fileExists(dir.file("out/张三-2.pdf")));
  EXPECT_TRUE(fileExists(dir.file("out/李四.pdf")));
  EXPECT_FALSE(fileExists(dir.file("李四.pdf")));
  EXPECT_EQ(pdfPages(dir.file("out/张三-2.pdf")), 1);
}

TEST(BatchCommand, JsonArrayOfDocumentsWithDuplex) {
  TempDir dir;
  // Three articles of one page each: with --duplex each starts on an odd page.
  writeText(dir.file("in.json"), R"([
    {"layout": "article", "title": "第一篇", "body": "一段正文。"},
    {"layout": "article", "title": "第二篇", "body": "一段正文。"},
    {"layout": "article", "title": "第三篇", "body": "一段正文。"}])");
  auto r =
      runShell(cli() + " batch --duplex " + dir.file("in.json") + " -o " + dir.file("out.pdf"));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  ASSERT_EQ(pdfPages(dir.file("out.pdf")), 5);
  EXPECT_NE(pdfText(dir.file("out.pdf"), 3).find("第二篇"), std::string::npos);
  EXPECT_NE(pdfText(dir.file("out.pdf"), 5).find("第三篇"), std::string::npos);
  // The inserted pages are blank: no page number either.
  EXPECT_EQ(pdfText(dir.file("out.pdf"), 2).find_first_not_of(" \n\f"), std::string::npos);
}

TEST(BatchCommand, CommendationListsOnePerDepartment) {
  TempDir dir;
  writeText(dir.file("in.json"), R"({"layout": "commendation-list", "records": [
    {"title": "质监局先进个人名单", "sort": "strokes", "groups": [{"names": ["张三", "李四五", "欧阳明"]}]},
    {"title": "经信委先进个人名单", "groups": [{"entries": [{"unit": "经信委", "name": "王五", "position": "处长"}]}]}]})");
  auto r =
      runShell(cli() + " batch --duplex " + dir.file("in.json") + " -o " + dir.file("out.pdf"));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  ASSERT_EQ(pdfPages(dir.file("out.pdf")), 3);
  EXPECT_NE(pdfText(dir.file("out.pdf"), 1).find("质监局先进个人名单"), std::string::npos);
  EXPECT_NE(pdfText(dir.file("out.pdf"), 3).find("经信委先进个人名单"), std::string::npos);
}

TEST(BatchCommand, JsonRecordsNamedByTheirIndex) {
  TempDir dir;
  writeText(dir.file("in.json"), R"([{"layout": "article", "title": "好", "body": "正文。"},
    {"layout": "article", "body": "正文。"}, 42])");
  auto r = runShell(cli() + " batch " + dir.file("in.json") + " -o " + dir.file("out.pdf"));
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("$[1].title: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("$[2]: must be an object (a record), found a number"), std::string::npos)
      << r.err;
  EXPECT_EQ(pdfPages(dir.file("out.pdf")), 1);
}

TEST(BatchCommand, InputErrorsAsAWhole) {
  TempDir dir;
  writeText(dir.file("in.csv"), csvOf({"张三,荣获先进个人。,南京市人民政府,2012-06-13,"}));
  auto r = runShell(cli() + " batch " + dir.file("in.csv") + " -o " + dir.file("out.pdf"));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("a spreadsheet batch (CSV, xlsx) needs its layout named (--layout NAME"),
            std::string::npos)
      << r.err;
  r = runShell(cli() + " batch --layout nosuch " + dir.file("in.csv") + " -o " +
               dir.file("out.pdf"));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("unknown layout \"nosuch\""), std::string::npos) << r.err;
  writeText(dir.file("bad.json"), "[{\"layout\": \"article\",}");
  r = runShell(cli() + " batch " + dir.file("bad.json") + " -o " + dir.file("out.pdf"));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("invalid JSON at line 1"), std::string::npos) << r.err;
  r = runShell(cli() + " batch --layout certificate " + dir.file("nosuch.csv") + " -o " +
               dir.file("out.pdf"));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_FALSE(fileExists(dir.file("out.pdf")));
}

}  // namespace
}  // namespace gongwen::test
