// Workbooks written by LibreOffice (a third writer besides openpyxl and XlsxWriter: its
// own styles, date formats, shared strings and many attributes per element), made at test
// time with `soffice --headless --convert-to xlsx` from a CSV whose column types the
// import filter sets (dates typed as dates, the serial as text) and from a flat ODS (a
// merged title, 年月日 dates in the 1904 system), and read as a batch.
// Skipped, saying so, where LibreOffice is not installed (Debian's libreoffice-calc-nogui,
// in scripts/install-deps.sh).
#include <gtest/gtest.h>

#include "batch/SheetTable.h"
#include "model/LayoutCatalog.h"
#include "support/Process.h"
#include "support/TestEngine.h"

namespace gongwen::test {
namespace {

std::string text(const BatchItem& item, const std::string& field) {
  return item.record->has(field) ? item.record->get(field).toString() : "<none>";
}

// Converts `name` (written with `content`) to an .xlsx with LibreOffice, through the
// import filter `filter` when there is one. "" when soffice is absent.
std::string libreOfficeWorkbook(const TempDir& dir, const std::string& name,
                                const std::string& content, const std::string& filter = "") {
  if (runShell("command -v soffice").exitCode != 0) return "";
  writeText(dir.file(name), content);
  // Its own profile in the temporary folder: no $HOME, and runs in parallel do not share one.
  auto r = runShell("cd " + shellQuote(dir.path()) +
                    " && timeout 300 soffice --headless --norestore -env:UserInstallation=file://" +
                    dir.path() + "/profile" +
                    (filter.empty() ? "" : " --infilter=" + shellQuote(filter)) +
                    " --convert-to xlsx --outdir " + shellQuote(dir.path()) + " " + name);
  const std::string xlsx = dir.file(name.substr(0, name.rfind('.')) + ".xlsx");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(fileExists(xlsx)) << r.out << r.err;
  return readFile(xlsx);
}

constexpr const char* kNoLibreOffice =
    "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui "
    "(scripts/install-deps.sh installs it)";

TEST(XlsxLibreOffice, DatesTextWithLeadingZerosAndChineseHeaders) {
  TempDir dir;
  const std::string csv =
      "2011年度南京市质量奖获奖名单,,,,\n"
      "获奖单位或个人,奖励事由,颁奖单位,颁奖日期,证书编号\n"
      "南京长江涂料有限公司,荣获2011年度南京市质量奖。,南京市人民政府,2012-06-13,000123\n"
      "张三,\"荣获先进个人，\"\"特此表彰\"\"。\",南京市人民政府,1999-12-31,000045\n"
      "李四 & 王五,荣获先进集体。,南京市人民政府,2000-02-29,9\n";
  // The CSV filter: comma, quote, UTF-8, from line 1; column types (column/type: 1
  // standard, 2 text, 5 date Y-M-D): 颁奖日期 a date, 证书编号 text.
  const std::string book =
      libreOfficeWorkbook(dir, "rows.csv", csv, "CSV:44,34,76,1,1/1/2/1/3/1/4/5/5/2");
  if (book.empty()) GTEST_SKIP() << kNoLibreOffice;
  // What LibreOffice wrote: the dates as numbers under a date format, the serial as text.
  const std::string sheet =
      runShell("unzip -p " + shellQuote(dir.file("rows.xlsx")) + " xl/worksheets/sheet1.xml").out;
  EXPECT_NE(sheet.find("<v>41073</v>"), std::string::npos) << sheet.substr(0, 2000);

  SheetItems s =
      itemsFromSheet(book, "rows.xlsx", engine().layouts().get("certificate"), SheetOptions{});
  EXPECT_EQ(s.format, "xlsx");
  EXPECT_EQ(s.headerRow, 2u);  // the title row above it skipped
  EXPECT_TRUE(s.warnings.empty()) << s.warnings[0].english();
  ASSERT_EQ(s.items.size(), 3u);
  EXPECT_EQ(text(s.items[0], "recipient"), "南京长江涂料有限公司");
  EXPECT_EQ(text(s.items[0], "citation"), "荣获2011年度南京市质量奖。");
  EXPECT_EQ(text(s.items[0], "issuer"), "南京市人民政府");
  EXPECT_EQ(text(s.items[0], "date"), "2012-06-13");
  EXPECT_EQ(text(s.items[0], "serial"), "000123");
  EXPECT_EQ(text(s.items[1], "citation"), "荣获先进个人，\"特此表彰\"。");
  EXPECT_EQ(text(s.items[1], "date"), "1999-12-31");
  EXPECT_EQ(text(s.items[1], "serial"), "000045");
  EXPECT_EQ(text(s.items[2], "recipient"), "李四 & 王五");  // &amp; in the XML
  EXPECT_EQ(text(s.items[2], "date"), "2000-02-29");
  EXPECT_EQ(text(s.items[2], "serial"), "9");

  // And the command line prints them.
  auto r = runShell(cli() + " batch --layout certificate " + shellQuote(dir.file("rows.xlsx")) +
                    " -o " + shellQuote(dir.file("out.pdf")));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("printed 3 of 3 records"), std::string::npos) << r.err;
}

// A spreadsheet made in LibreOffice's own format (flat ODS) and saved as .xlsx: a title
// merged across the columns, dates shown as 2012年6月13日 in the 1904 date system (the
// document's null date: LibreOffice writes date1904="true"), the serial as a text cell.
TEST(XlsxLibreOffice, MergedTitle1904DatesAndAChineseDateFormat) {
  auto cell = [](const std::string& text) {
    return "<table:table-cell office:value-type=\"string\"><text:p>" + text +
           "</text:p></table:table-cell>";
  };
  auto row = [](const std::string& cells) {
    return "<table:table-row>" + cells + "</table:table-row>";
  };
  auto date = [](const std::string& iso) {
    return "<table:table-cell table:style-name=\"ce1\" office:value-type=\"date\" "
           "office:date-value=\"" +
           iso + "\"><text:p>" + iso + "</text:p></table:table-cell>";
  };
  const std::string fods =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
      "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
      "xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\" "
      "office:version=\"1.2\" office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">"
      "<office:automatic-styles><number:date-style style:name=\"N1\">"
      "<number:year number:style=\"long\"/><number:text>年</number:text><number:month/>"
      "<number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>"
      "<style:style style:name=\"ce1\" style:family=\"table-cell\" style:data-style-name=\"N1\"/>"
      "</office:automatic-styles><office:body><office:spreadsheet>"
      "<table:calculation-settings><table:null-date table:date-value=\"1904-01-01\"/>"
      "</table:calculation-settings><table:table table:name=\"名单\">" +
      row("<table:table-cell table:number-columns-spanned=\"5\" table:number-rows-spanned=\"1\" "
          "office:value-type=\"string\"><text:p>2011年度南京市质量奖获奖名单</text:p>"
          "</table:table-cell><table:covered-table-cell table:number-columns-repeated=\"4\"/>") +
      row(cell("获奖单位或个人") + cell("奖励事由") + cell("颁奖单位") + cell("颁奖日期") +
          cell("证书编号")) +
      row(cell("南京长江涂料有限公司") + cell("荣获2011年度南京市质量奖。") +
          cell("南京市人民政府") + date("2012-06-13") + cell("000123")) +
      row(cell("张三") + cell("荣获先进个人。") + cell("南京市人民政府") + date("1904-01-01") +
          cell("007")) +
      "</table:table></office:spreadsheet></office:body></office:document>";
  TempDir dir;
  const std::string book = libreOfficeWorkbook(dir, "book.fods", fods);
  if (book.empty()) GTEST_SKIP() << kNoLibreOffice;
  const std::string workbook =
      runShell("unzip -p " + shellQuote(dir.file("book.xlsx")) + " xl/workbook.xml").out;
  EXPECT_NE(workbook.find("date1904=\"true\""), std::string::npos) << workbook;
  const std::string sheet =
      runShell("unzip -p " + shellQuote(dir.file("book.xlsx")) + " xl/worksheets/sheet1.xml").out;
  EXPECT_NE(sheet.find("<mergeCell ref=\"A1:E1\"/>"), std::string::npos);

  SheetItems s =
      itemsFromSheet(book, "book.xlsx", engine().layouts().get("certificate"), SheetOptions{});
  EXPECT_EQ(s.headerRow, 2u);  // the merged title row above it skipped
  EXPECT_TRUE(s.warnings.empty()) << s.warnings[0].english();
  ASSERT_EQ(s.items.size(), 2u);
  EXPECT_EQ(s.items[0].label, "sheet \"名单\", row 3");
  EXPECT_EQ(text(s.items[0], "recipient"), "南京长江涂料有限公司");
  EXPECT_EQ(text(s.items[0], "date"), "2012-06-13");
  EXPECT_EQ(text(s.items[0], "serial"), "000123");
  EXPECT_EQ(text(s.items[1], "date"), "1904-01-01");  // serial 0 of the 1904 system
  EXPECT_EQ(text(s.items[1], "serial"), "007");
}

}  // namespace
}  // namespace gongwen::test
