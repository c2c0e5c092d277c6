// Excel workbooks as batches: written by openpyxl and XlsxWriter (tests/batch/
// make_workbooks.py, run once per test binary), read by readXlsx/itemsFromSheet and by
// `gongwen batch`: merged title rows skipped, dates in both systems, text kept as typed,
// trailing formatted columns ignored, formulas by their cached value; each bad workbook a
// clear message naming sheet, row and column.
#include <gtest/gtest.h>

#include <chrono>

#include "batch/SheetTable.h"
#include "batch/XlsxReader.h"
#include "common/Errors.h"
#include "model/LayoutCatalog.h"
#include "support/Process.h"
#include "support/TestEngine.h"

namespace gongwen::test {
namespace {

class Xlsx : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    makeWorkbooks(dir_->path(), "");
  }
  // Runs tests/batch/make_workbooks.py into `dir` (`extra`: "--big" for the large ones).
  static void makeWorkbooks(const std::string& dir, const std::string& extra) {
    auto r = runShell(
        "/usr/bin/python3 " +
        shellQuote(std::string(GONGWEN_SOURCE_DATA_DIR) + "/tests/batch/make_workbooks.py") + " " +
        shellQuote(dir) + " " + extra);
    ASSERT_EQ(r.exitCode, 0) << r.err;
  }
  // The large workbooks (a million rows, a zip bomb), made once per process when asked.
  static std::string bigBook(const std::string& name) {
    static TempDir big;
    static bool made = false;
    if (!made) {
      makeWorkbooks(big.path(), "--big");
      made = true;
    }
    return readFile(big.file(name));
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string book(const std::string& name) { return readFile(dir_->file(name)); }
  static const Layout& certificate() { return engine().layouts().get("certificate"); }
  static std::string text(const BatchItem& item, const std::string& field) {
    return item.record->has(field) ? item.record->get(field).toString() : "<none>";
  }
  // The message of the InputError reading `name` throws ("" when none).
  static std::string failure(const std::string& name, const SheetOptions& options = {}) {
    try {
      const bool big = name == "bomb.xlsx" || name == "million-rows.xlsx";
      itemsFromSheet(big ? bigBook(name) : book(name), name, certificate(), options);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }
  static TempDir* dir_;
};
TempDir* Xlsx::dir_ = nullptr;

TEST_F(Xlsx, OpenpyxlTitleRowDatesTextNumbersBooleans) {
  SheetItems s = itemsFromSheet(book("openpyxl.xlsx"), "in.xlsx", certificate());
  EXPECT_EQ(s.format, "xlsx");
  EXPECT_EQ(s.headerRow, 2u);  // the merged title row above it skipped
  EXPECT_TRUE(s.warnings.empty()) << s.warnings[0].english();
  ASSERT_EQ(s.items.size(), 3u);
  EXPECT_EQ(s.items[0].label, "sheet \"名单\", row 3");
  EXPECT_EQ(text(s.items[0], "recipient"), "南京长江涂料有限公司");
  EXPECT_EQ(text(s.items[0], "date"), "2012-06-13");
  EXPECT_EQ(text(s.items[0], "serial"), "000123");       // a text cell as typed
  EXPECT_EQ(text(s.items[1], "date"), "1900-02-28");     // serial 59, before the leap-year bug
  EXPECT_EQ(text(s.items[1], "serial"), "42");           // a whole number without ".0"
  EXPECT_EQ(text(s.items[2], "date"), "2012年6月13日");  // typed as text
  EXPECT_EQ(text(s.items[2], "serial"), "TRUE");
}

TEST_F(Xlsx, XlsxWriterSharedAndInlineStrings1900And1904) {
  for (const char* name : {"xlsxwriter.xlsx", "xlsxwriter-1904-inline.xlsx"}) {
    SCOPED_TRACE(name);
    SheetItems s = itemsFromSheet(book(name), name, certificate());
    EXPECT_EQ(s.headerRow, 1u);
    EXPECT_TRUE(s.warnings.empty())
        << s.warnings[0].english();  // formatted empty columns F–H ignored
    ASSERT_EQ(s.items.size(), 3u);
    EXPECT_EQ(text(s.items[0], "recipient"), "南京长江涂料有限公司");
    EXPECT_EQ(text(s.items[0], "date"), "2012-06-13");
    EXPECT_EQ(text(s.items[0], "serial"), "000123");
    EXPECT_EQ(text(s.items[1], "date"), "1904-01-01");
    EXPECT_EQ(text(s.items[1], "serial"), "NJ-7");  // a formula's cached value
    EXPECT_EQ(text(s.items[2], "date"), "2000-02-29");
    EXPECT_EQ(text(s.items[2], "serial"), "123");
    EXPECT_EQ(s.items[2].record->size(), 5u);
  }
}

TEST_F(Xlsx, ANamedSheetAndHeadersByAlias) {
  EXPECT_NE(failure("two-sheets.xlsx").find("no header row found"), std::string::npos);
  SheetOptions options;
  options.sheet = "名单";
  SheetItems s = itemsFromSheet(book("two-sheets.xlsx"), "in.xlsx", certificate(), options);
  ASSERT_EQ(s.items.size(), 1u);
  EXPECT_EQ(text(s.items[0], "recipient"), "王五");           // 姓名
  EXPECT_EQ(text(s.items[0], "citation"), "荣获先进个人。");  // 事由
  EXPECT_EQ(text(s.items[0], "issuer"), "南京市人民政府");    // 颁发单位
  EXPECT_EQ(text(s.items[0], "date"), "2012-06-13");          // 日期
  options.sheet = "Sheet9";
  EXPECT_NE(
      failure("two-sheets.xlsx", options).find("has no sheet named \"Sheet9\"; it has: 说明, 名单"),
      std::string::npos);
}

TEST_F(Xlsx, BadWorkbooksNameSheetRowAndColumn) {
  EXPECT_NE(failure("formula-no-value.xlsx")
                .find("sheet \"Sheet\", cell E2: the formula =1+1 has no cached value"),
            std::string::npos)
      << failure("formula-no-value.xlsx");
  EXPECT_NE(
      failure("merged-data.xlsx").find("sheet \"Sheet1\", row 3, column B: cells B3:C3 are merged"),
      std::string::npos)
      << failure("merged-data.xlsx");
  EXPECT_NE(failure("no-header.xlsx").find("no header row found"), std::string::npos);
  SheetOptions small;
  small.maxInflatedBytes = 1 << 20;
  EXPECT_NE(
      failure("bomb.xlsx", small).find("xl/worksheets/sheet1.xml inflates to more than 1 MiB"),
      std::string::npos)
      << failure("bomb.xlsx", small);
  const std::string ole =
      std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0');
  try {
    itemsFromSheet(ole, "old.xls", certificate());
    ADD_FAILURE() << "an OLE file was read";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("save it as Excel Workbook (.xlsx) or CSV"),
              std::string::npos);
  }
  try {
    itemsFromSheet(std::string("PK\x03\x04") + std::string(100, 'x'), "broken.xlsx", certificate());
    ADD_FAILURE() << "a broken zip was read";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("broken.xlsx: is not a readable .xlsx workbook"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(Xlsx, AMillionRowsStopAtTheBatchLimit) {
  SheetOptions options;
  options.maxRows = 5000;
  const std::string bytes = bigBook("million-rows.xlsx");
  const auto started = std::chrono::steady_clock::now();
  try {
    itemsFromSheet(bytes, "big.xlsx", certificate(), options);
    ADD_FAILURE() << "a million rows were taken";
  } catch (const TooManyRows& e) {
    EXPECT_NE(std::string(e.what()).find("sheet \"Big\" has more than 5000 rows of records"),
              std::string::npos)
        << e.what();
  }
  // Streamed: it stops after the limit instead of reading the whole sheet.
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), 5);
}

TEST_F(Xlsx, BatchCommandTakesAWorkbookByItsContent) {
  TempDir out;
  // Named .dat: the reader is chosen by the bytes (PK), not the name.
  runShell("cp " + shellQuote(dir_->file("xlsxwriter.xlsx")) + " " +
           shellQuote(out.file("in.dat")));
  auto r = runShell(cli() + " batch --layout certificate " + out.file("in.dat") + " -o " +
                    out.file("out.pdf"));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("printed 3 of 3 records"), std::string::npos) << r.err;
  auto bad = runShell(cli() + " batch --layout certificate " + dir_->file("merged-data.xlsx") +
                      " -o " + out.file("bad.pdf"));
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_NE(bad.err.find("cells B3:C3 are merged"), std::string::npos) << bad.err;
  EXPECT_FALSE(fileExists(out.file("bad.pdf")));
}

// A fuzzer found the first: a number past every integer, cast to one (undefined behaviour).
TEST_F(Xlsx, ADateCellPastTheLastDayIsRefusedNamingTheCell) {
  for (const std::string name : {"far-date.xlsx", "date-10000.xlsx"}) {
    const std::string message = failure(name);
    EXPECT_NE(message.find("cell D2"), std::string::npos) << name << ": " << message;
    EXPECT_NE(message.find("is after 9999-12-31, the last day a workbook holds"), std::string::npos)
        << name << ": " << message;
  }
}

TEST(ExcelSerial, The1900LeapYearBugAndThe1904System) {
  auto iso = [](SerialDate d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return std::string(buf);
  };
  EXPECT_EQ(iso(excelSerialToDate(1, false)), "1900-01-01");
  EXPECT_EQ(iso(excelSerialToDate(59, false)), "1900-02-28");
  EXPECT_THROW(excelSerialToDate(60, false), std::out_of_range);  // 1900-02-29 never was
  EXPECT_EQ(iso(excelSerialToDate(61, false)), "1900-03-01");
  EXPECT_EQ(iso(excelSerialToDate(41073, false)), "2012-06-13");
  EXPECT_EQ(iso(excelSerialToDate(0, true)), "1904-01-01");
  EXPECT_EQ(iso(excelSerialToDate(39611, true)), "2012-06-13");
}

TEST(ExcelSerial, WhichNumberFormatsAreDates) {
  EXPECT_TRUE(isDateFormat(14, ""));
  EXPECT_TRUE(isDateFormat(31, ""));  // yyyy"年"m"月"d"日" in the Chinese locale
  EXPECT_FALSE(isDateFormat(0, "General"));
  EXPECT_FALSE(isDateFormat(49, "@"));
  EXPECT_TRUE(isDateFormat(176, "yyyy\"年\"m\"月\"d\"日\""));
  EXPECT_TRUE(isDateFormat(177, "[$-804]yyyy/m/d"));
  EXPECT_FALSE(isDateFormat(178, "\"day \"0"));  // y, m, d only inside quotes
  EXPECT_FALSE(isDateFormat(179, "[Red]0.00"));
  EXPECT_FALSE(isDateFormat(180, "000000"));
}

}  // namespace
}  // namespace gongwen::test
