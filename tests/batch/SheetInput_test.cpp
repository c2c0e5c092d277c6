// Spreadsheets as offices fill them in: Chinese headers (labels, aliases, full-width and
// spaced), an unknown header reported once, trailing empty header cells, the dates offices
// type, values every row shares, and a 表彰名单 from a register of one row per person.
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "batch/ListFromRows.h"
#include "batch/SharedValues.h"
#include "batch/SheetTable.h"
#include "common/Errors.h"
#include "model/Record.h"
#include "support/KeptPdfs.h"
#include "support/Process.h"
#include "support/TestEngine.h"

namespace gongwen::test {
namespace {

const Layout& certificate() { return engine().layouts().get("certificate"); }

std::string text(const BatchItem& item, const std::string& field) {
  return item.record->has(field) ? item.record->get(field).toString() : "<none>";
}

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(SheetHeaders, ChineseLabelsAliasesAndWidthsMatchFields) {
  const std::string csv =
      "２０１１年度质量奖,,,,,,\n"                                // a title row above the header
      "获奖单位或个人, 奖励 事由 ,颁奖单位：,日期,证书编号*,,\n"  // trailing empty header cells
      "南京长江涂料有限公司,荣获质量奖。,南京市人民政府,2012/6/13,000123,,\n";
  SheetItems s = itemsFromSheet(csv, "in.csv", certificate());
  EXPECT_EQ(s.headerRow, 2u);
  EXPECT_TRUE(s.warnings.empty()) << s.warnings[0].english();
  ASSERT_EQ(s.items.size(), 1u);
  EXPECT_EQ(s.items[0].label, "row 3");
  EXPECT_EQ(text(s.items[0], "recipient"), "南京长江涂料有限公司");
  EXPECT_EQ(text(s.items[0], "citation"), "荣获质量奖。");
  EXPECT_EQ(text(s.items[0], "issuer"), "南京市人民政府");
  EXPECT_EQ(text(s.items[0], "date"), "2012/6/13");
  EXPECT_EQ(text(s.items[0], "serial"), "000123");
  EXPECT_EQ(headerKey("ＲＥＣＩＰＩＥＮＴ　"), "recipient");
}

TEST(SheetHeaders, AnUnknownHeaderIsReportedOnceWithTheFieldsItCouldBe) {
  const std::string csv =
      "获奖单位或个人,奖励事由,颁奖单位,颁奖日期,备注,获奖人\n"
      "张三,荣获先进个人。,南京市人民政府,2012-06-13,甲,乙\n"
      "李四,荣获先进个人。,南京市人民政府,2012-06-13,丙,丁\n";
  SheetItems s = itemsFromSheet(csv, "in.csv", certificate());
  ASSERT_EQ(s.warnings.size(), 2u);
  EXPECT_EQ(s.warnings[1].english(),
            "row 1, column F: \"获奖人\" is not a field of layout certificate (its cells are "
            "ignored); it could be: 印章 (seal), 证书编号 (serial), 标题 (title)");
  ASSERT_EQ(s.items.size(), 2u);
  EXPECT_EQ(s.items[0].record->size(), 4u);
  // A required field left without a column refuses the table.
  const std::string noRecipient =
      "获奖人,奖励事由,颁奖单位,颁奖日期\n张三,荣获。,南京市人民政府,2012-06-13\n";
  EXPECT_NE(errorOf([&] { itemsFromSheet(noRecipient, "in.csv", certificate()); })
                .find("row 1: no column for the required field 获奖单位或个人 (recipient); name a "
                      "column 获奖单位或个人 (or 姓名)"),
            std::string::npos);
  // … unless every row shares it.
  SheetOptions options;
  options.defaults = new Poco::JSON::Object;
  options.defaults->set("recipient", "全体员工");
  EXPECT_EQ(
      text(itemsFromSheet(noRecipient, "in.csv", certificate(), options).items[0], "recipient"),
      "全体员工");
  EXPECT_NE(errorOf([&] {
              itemsFromSheet("姓名,名称\n甲,乙\n", "in.csv", certificate());
            }).find("columns A and B both name the field 获奖单位或个人 (recipient)"),
            std::string::npos);
}

TEST(SheetHeaders, SharedValuesFillRowsWithoutTheirOwn) {
  const std::string csv = "姓名,事由,颁奖单位\n张三,荣获。,\n李四,荣获。,南京市质量技术监督局\n";
  auto defaults = defaultsFromSettings(
      {"颁奖单位=南京市人民政府", "date=2012年6月13日", "seal=印章.png"}, certificate(), "/office");
  SheetOptions options;
  options.defaults = defaults;
  SheetItems s = itemsFromSheet(csv, "in.csv", certificate(), options);
  ASSERT_EQ(s.items.size(), 2u);
  EXPECT_EQ(text(s.items[0], "issuer"), "南京市人民政府");
  EXPECT_EQ(text(s.items[1], "issuer"), "南京市质量技术监督局");  // its own value wins
  EXPECT_EQ(text(s.items[0], "date"), "2012年6月13日");
  EXPECT_EQ(text(s.items[0], "seal"), "/office/印章.png");  // relative to the working directory
  EXPECT_NE(
      errorOf([&] { defaultsFromSettings({"issuer"}, certificate(), "."); }).find("FIELD=VALUE"),
      std::string::npos);
  EXPECT_NE(errorOf([&] {
              defaultsFromSettings({"颁奖人=甲"}, certificate(), ".");
            }).find("\"颁奖人\" is not a field of layout certificate"),
            std::string::npos);
}

TEST(SheetDates, AsOfficesTypeThem) {
  for (const char* typed :
       {"2012-06-13", "2012-6-13", "2012/6/13", "2012.6.13", "2012年6月13日", "2012 年 6 月 13 日",
        "二〇一二年六月十三日", "二零一二年六月十三日", "２０１２－０６－１３", "2012/6/13 0:00"}) {
    SCOPED_TRACE(typed);
    Date d{0, 0, 0};
    EXPECT_NO_THROW(d = parseDate(typed, "row 2, field date"));
    EXPECT_EQ(d.year, 2012);
    EXPECT_EQ(d.month, 6);
    EXPECT_EQ(d.day, 13);
  }
  EXPECT_EQ(parseDate("二〇二〇年十月三十一日", "d").day, 31);
  EXPECT_EQ(parseDate("二〇二〇年十月三十一日", "d").month, 10);
  EXPECT_EQ(parseDate("二〇二〇年十二月二十日", "d").day, 20);
  EXPECT_EQ(parseDate("二〇二〇年十二月二十日", "d").month, 12);
  const std::pair<const char*, const char*> bad[] = {
      {"6/13/2012", "the order of day and month is ambiguous"},
      {"13/6/2012", "the order of day and month is ambiguous"},
      {"12-6-13", "the year must have four digits"},
      {"2012年2月30日", "2012-02 has 29 days"},
      {"2012/13/6", "there is no month 13"},
      {"2012-06", "write it as 2012-06-13"},
      {"明天", "write it as 2012-06-13"},
      {"2012-6/13", "write it as 2012-06-13"},
  };
  for (const auto& [typedText, why] : bad) {
    const std::string typed = typedText;  // a named variable: lambdas capture it (clang 14)
    SCOPED_TRACE(typed);
    const std::string message = errorOf([&] { parseDate(typed, "row 5, field date"); });
    EXPECT_NE(
        message.find(std::string("row 5, field date: \"") + typed + "\" is not a date: " + why),
        std::string::npos)
        << message;
  }
}

TEST(SheetDates, ABatchRowWithABadDateNamesRowFieldAndValue) {
  const std::string csv =
      "获奖单位或个人,奖励事由,颁奖单位,颁奖日期\n张三,荣获。,南京市人民政府,2012/6/13\n"
      "李四,荣获。,南京市人民政府,6/13/2012\n";
  auto items = itemsFromSheet(csv, "in.csv", certificate()).items;
  BatchOptions options;
  options.render.layout = "certificate";
  BatchResult result = layoutBatch(engine(), items, options);
  EXPECT_EQ(result.documents.size(), 1u);
  ASSERT_EQ(result.failures.size(), 1u);
  EXPECT_EQ(result.failures[0].where, "row 3, field date");
  EXPECT_NE(result.failures[0].message.english().find("\"6/13/2012\" is not a date"),
            std::string::npos);
}

TEST(ListFromRows, GroupsInFirstAppearanceOrderNamesOrEntries) {
  ListOptions options;
  options.title = "2011年度先进个人名单";
  options.sort = "strokes";
  const std::string names =
      "2011年度先进个人名单,,\n序号,奖项,姓名\n1,先进个人,张三\n2,优秀党员,李四\n3,,王五\n4,"
      "先进个人,赵六\n";
  ListRecord list = listFromRows(names, "in.csv", options);
  EXPECT_EQ(list.rows, 4u);
  EXPECT_EQ(list.groups, 2u);
  auto groups = list.record->getArray("groups");
  ASSERT_EQ(groups->size(), 2u);
  EXPECT_EQ(groups->getObject(0)->getValue<std::string>("heading"), "先进个人");
  EXPECT_EQ(groups->getObject(0)->getArray("names")->size(), 2u);
  EXPECT_EQ(groups->getObject(1)->getValue<std::string>("heading"), "优秀党员");
  EXPECT_EQ(groups->getObject(1)->getArray("names")->get(1).toString(), "王五");  // blank = above
  EXPECT_EQ(list.record->getValue<std::string>("sort"), "strokes");

  const std::string entries =
      "分组,单位,姓名,职务\n先进工作者,南京市质监局,张三,科长\n先进工作者,南京市统计局,李四,\n";
  ListRecord table = listFromRows(entries, "in.csv", options);
  auto group = table.record->getArray("groups")->getObject(0);
  ASSERT_TRUE(group->has("entries"));
  EXPECT_EQ(group->getArray("entries")->getObject(0)->getValue<std::string>("position"), "科长");
  EXPECT_EQ(group->getArray("columns")->size(), 4u);
  // It renders: one list, both groups' headings in it.
  auto pdf = engine().renderPdf(list.record, RenderOptions{});
  const std::string bytes(pdf.begin(), pdf.end());
  keepPdf(bytes);
  TempDir dir;
  writeText(dir.file("list.pdf"), bytes);
  const std::string textOut = runShell("pdftotext " + dir.file("list.pdf") + " -").out;
  EXPECT_NE(textOut.find("先进个人"), std::string::npos);
  EXPECT_NE(textOut.find("优秀党员"), std::string::npos);

  EXPECT_NE(
      errorOf([&] { listFromRows("甲,乙\n1,2\n", "in.csv", options); }).find("no header row found"),
      std::string::npos);
  options.title.clear();
  EXPECT_NE(errorOf([&] { listFromRows(names, "in.csv", options); }).find("needs a title"),
            std::string::npos);
}

TEST(ListFromRows, TheListCommandWritesOnePdf) {
  TempDir dir;
  writeText(dir.file("名单.csv"), "类别,姓名\n先进个人,张三\n先进个人,李四\n优秀党员,王五\n");
  auto r = runShell(cli() + " list " + dir.file("名单.csv") +
                    " --title 表彰名单 --sort pinyin -o " + dir.file("out.pdf"));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("listed 3 names in 2 groups"), std::string::npos) << r.err;
  EXPECT_TRUE(fileExists(dir.file("out.pdf")));
  auto bad = runShell(cli() + " list " + dir.file("名单.csv") + " -o " + dir.file("bad.pdf"));
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_FALSE(fileExists(dir.file("bad.pdf")));
}

}  // namespace
}  // namespace gongwen::test
