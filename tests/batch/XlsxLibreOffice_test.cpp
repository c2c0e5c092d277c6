// Workbooks written by LibreOffice (a third writer besides openpyxl and XlsxWriter: its
// own styles, date formats, shared strings and many attributes per element), made at test
// time with `soffice --headless --convert-to xlsx` from a CSV whose column types the
// import filter sets (dates typed as dates, the serial as text), and read as a batch.
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

// Converts `csv` (UTF-8) to an .xlsx with LibreOffice; `columns` is the CSV filter's column
// types (column/type pairs: 1 standard, 2 text, 5 date Y-M-D). "" when soffice is absent.
std::string libreOfficeWorkbook(const TempDir& dir, const std::string& csv,
                                const std::string& columns) {
  if (runShell("command -v soffice").exitCode != 0) return "";
  writeText(dir.file("rows.csv"), csv);
  // Its own profile in the temporary folder: no $HOME, and runs in parallel do not share one.
  const std::string filter = "CSV:44,34,76,1," + columns;  // comma, quote, UTF-8, from line 1
  auto r = runShell("cd " + shellQuote(dir.path()) +
                    " && timeout 300 soffice --headless --norestore -env:UserInstallation=file://" +
                    dir.path() + "/profile --infilter=" + shellQuote(filter) +
                    " --convert-to xlsx --outdir " + shellQuote(dir.path()) + " rows.csv");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(fileExists(dir.file("rows.xlsx"))) << r.out << r.err;
  return readFile(dir.file("rows.xlsx"));
}

TEST(XlsxLibreOffice, DatesTextWithLeadingZerosAndChineseHeaders) {
  TempDir dir;
  const std::string csv =
      "2011年度南京市质量奖获奖名单,,,,\n"
      "获奖单位或个人,奖励事由,颁奖单位,颁奖日期,证书编号\n"
      "南京长江涂料有限公司,荣获2011年度南京市质量奖。,南京市人民政府,2012-06-13,000123\n"
      "张三,\"荣获先进个人，\"\"特此表彰\"\"。\",南京市人民政府,1999-12-31,000045\n"
      "李四 & 王五,荣获先进集体。,南京市人民政府,2000-02-29,9\n";
  const std::string book = libreOfficeWorkbook(dir, csv, "1/1/2/1/3/1/4/5/5/2");
  if (book.empty()) {
    GTEST_SKIP() << "LibreOffice (soffice) is not installed: apt-get install "
                    "libreoffice-calc-nogui (scripts/install-deps.sh installs it)";
  }
  // What LibreOffice wrote: the dates as numbers under a date format, the serial as text.
  const std::string sheet =
      runShell("unzip -p " + shellQuote(dir.file("rows.xlsx")) + " xl/worksheets/sheet1.xml").out;
  EXPECT_NE(sheet.find("<v>41073</v>"), std::string::npos) << sheet.substr(0, 2000);

  SheetItems s =
      itemsFromSheet(book, "rows.xlsx", engine().layouts().get("certificate"), SheetOptions{});
  EXPECT_EQ(s.format, "xlsx");
  EXPECT_EQ(s.headerRow, 2u);  // the title row above it skipped
  EXPECT_TRUE(s.warnings.empty()) << s.warnings[0];
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

}  // namespace
}  // namespace gongwen::test
