// The engine's messages in Chinese (issue 11): the places of a spreadsheet (第12行C列), a
// record's errors and warnings, a sheet's warnings, a batch's failures, JSON syntax errors
// and `gongwen layouts` — each checked whole, so that a lost or broken translation fails;
// their English stays what it always was.
#include <gtest/gtest.h>

#include "batch/BatchRenderer.h"
#include "batch/SheetTable.h"
#include "common/Errors.h"
#include "common/Json.h"
#include "common/Place.h"
#include "fonts/FontConfig.h"
#include "model/ValidateRecord.h"
#include "render/EngineReports.h"
#include "support/TestEngine.h"

namespace gongwen::test {
namespace {

const Layout& certificate() { return engine().layouts().get("certificate"); }

template <class F>
InputError inputErrorOf(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError";
  return InputError("", Message("none"));
}

TEST(PlacesInChinese, SpreadsheetPlacesAreTranslatedAndTheirEnglishIsKept) {
  const std::pair<const char*, const char*> places[] = {
      {"row 12", "第12行"},
      {"row 12, column C", "第12行C列"},
      {"row 3, field date", "第3行的字段 date"},
      {"row 3, field body[2]", "第3行的字段 body[2]"},
      {"sheet \"名单\", row 3", "工作表“名单”第3行"},
      {"sheet \"名单\", row 3, column AB", "工作表“名单”第3行AB列"},
      {"sheet \"a\", b\", row 4, field title", "工作表“a\", b”第4行的字段 title"},
  };
  for (const auto& [english, chinese] : places) {
    const Message m = placeMessage(english);
    EXPECT_EQ(m.english(), english);
    EXPECT_EQ(m.text(Language::Chinese), chinese) << english;
  }
  // Anything else is a path or a file name, the same in both languages.
  for (const char* verbatim :
       {"$.body", "$[3].recipient", "in.csv", "row x", "rows 3", "row 3, col"}) {
    EXPECT_EQ(placeMessage(verbatim).text(Language::Chinese), verbatim);
    EXPECT_TRUE(placeMessage(verbatim).id().empty()) << verbatim;
  }
  EXPECT_EQ(cellPlace("", 1, "F").text(Language::Chinese), "第1行F列");
}

TEST(RecordMessagesInChinese, AMissingFieldIsNamedByItsLabel) {
  Poco::JSON::Object::Ptr r = record(R"({"citation": "荣获质量奖。", "issuer": "南京市人民政府",
                                         "date": "2012-06-13", "junk": 1})");
  const InputError e = inputErrorOf([&] { validateRecord(r, certificate()); });
  EXPECT_EQ(e.what(),
            std::string("$.recipient: required field \"recipient\" (获奖单位或个人) is missing"));
  EXPECT_EQ(e.text(Language::Chinese), "$.recipient：缺少必填字段“获奖单位或个人”（recipient）");

  r->set("recipient", "张三");
  const Record ok = validateRecord(r, certificate());
  ASSERT_EQ(ok.warnings.size(), 1u);
  EXPECT_EQ(ok.warnings[0].english(),
            "$.junk: unknown field \"junk\" for layout certificate is ignored");
  EXPECT_EQ(ok.warnings[0].text(Language::Chinese),
            "$.junk：版式 certificate 没有字段“junk”，已忽略");
}

TEST(RecordMessagesInChinese, ABadDateInARowNamesTheRowAndField) {
  const InputError e = inputErrorOf([] { parseDate("2012-02-30", "row 3, field date"); });
  EXPECT_EQ(e.where(), "row 3, field date");  // machine-readable, English
  EXPECT_EQ(e.message(), "\"2012-02-30\" is not a date: 2012-02 has 29 days");
  EXPECT_EQ(e.text(Language::Chinese),
            "第3行的字段 date：“2012-02-30”不是日期：2012-02 只有 29 天");
}

TEST(SheetMessagesInChinese, AnUnknownHeaderSaysWhatItCouldBe) {
  const std::string csv =
      "获奖单位或个人,奖励事由,颁奖单位,颁奖日期,获奖人\n"
      "张三,荣获先进个人。,南京市人民政府,2012-06-13,乙\n";
  SheetItems s = itemsFromSheet(csv, "in.csv", certificate());
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_EQ(
      s.warnings[0].text(Language::Chinese),
      "第1行E列：“获奖人”不是版式 certificate 的字段（该列内容将被忽略）；可用：印章（seal）、"
      "证书编号（serial）、标题（title）");
}

TEST(SheetMessagesInChinese, NoColumnForARequiredField) {
  const std::string csv = "获奖单位或个人,奖励事由,颁奖单位\n张三,荣获先进个人。,南京市人民政府\n";
  const InputError e = inputErrorOf([&] { itemsFromSheet(csv, "in.csv", certificate()); });
  EXPECT_EQ(
      e.text(Language::Chinese),
      "in.csv：第1行：没有必填字段颁奖日期（date）的列；请添加一列“颁奖日期”（或“日期”），或给出"
      "各行共用的值（--set date=…）");
}

TEST(BatchMessagesInChinese, AFailedRowIsNamedInChinese) {
  const std::string csv =
      "获奖单位或个人,奖励事由,颁奖单位,颁奖日期\n"
      "张三,荣获先进个人。,南京市人民政府,2012-13-01\n";
  SheetItems s = itemsFromSheet(csv, "in.csv", certificate());
  BatchOptions options;
  options.render.layout = "certificate";
  options.threads = 1;
  BatchResult result = layoutBatch(engine(), s.items, options);
  ASSERT_EQ(result.failures.size(), 1u);
  const BatchFailure& f = result.failures[0];
  EXPECT_EQ(f.where, "row 2, field date");
  EXPECT_EQ(f.label.text(Language::Chinese), "第2行");
  EXPECT_EQ(f.place().text(Language::Chinese), "第2行的字段 date");
  EXPECT_EQ(f.message.text(Language::Chinese), "“2012-13-01”不是日期：没有 13 月");
  EXPECT_EQ(f.message.english(), "\"2012-13-01\" is not a date: there is no month 13");
}

TEST(JsonMessagesInChinese, ASyntaxErrorSaysWhereAndWhat) {
  const InputError e = inputErrorOf([] { scanJson("{\"a\": }", "$", JsonLimits{}); });
  EXPECT_EQ(e.message(),
            "invalid JSON at line 1, column 7: unexpected character '}', a value was expected");
  EXPECT_EQ(e.text(Language::Chinese),
            "$：JSON 格式错误（位于第1行第7列）：意外的字符“}”，此处应为一个值");
  const InputError type = inputErrorOf([] { parseJsonObject("[1]", "in.json", JsonLimits{}); });
  EXPECT_EQ(type.text(Language::Chinese), "in.json：最外层应为 JSON 对象，实际是数组");
}

TEST(FontMessagesInChinese, AFontFileThatIsNotThereAndAnUnknownRole) {
  FontConfig config;
  try {
    config.preferFile("fangsong=/nonexistent/仿宋.ttf");
    ADD_FAILURE() << "no FontError";
  } catch (const FontError& e) {
    EXPECT_EQ(std::string(e.what()), "--font fangsong=/nonexistent/仿宋.ttf: no such font file");
    EXPECT_EQ(e.text(Language::Chinese), "--font fangsong=/nonexistent/仿宋.ttf：字体文件不存在");
  }
  const InputError role =
      inputErrorOf([&] { config.preferFile("yahei=" + std::string(sourceDir()) + "/README.md"); });
  EXPECT_EQ(
      role.text(Language::Chinese),
      "--font yahei=" + std::string(sourceDir()) +
          "/README.md：未知的字体角色“yahei”；字体角色有 xiaobiaosong（小标宋）、fangsong（仿宋）、"
          "heiti（黑体）、kaiti（楷体）、songti（宋体）、fallback（后备字体）");
}

TEST(LayoutsReportInChinese, FieldsAreNamedByTheirLabelsAndTypesInWords) {
  const std::string english = describeLayouts(EngineSettings{});
  EXPECT_NE(english.find("certificate — 奖状\n  recipient (required) : string — 获奖单位或个人\n"),
            std::string::npos)
      << english;
  const std::string chinese = describeLayouts(EngineSettings{}, Language::Chinese);
  EXPECT_NE(chinese.find("奖状（certificate）\n  获奖单位或个人（recipient）：单行文字，必填\n"
                         "  奖励事由（citation）：多段文字，必填\n"),
            std::string::npos)
      << chinese;
  EXPECT_NE(chinese.find("  印章（seal）：图片\n"), std::string::npos) << chinese;
  EXPECT_EQ(chinese.find("(required)"), std::string::npos);
}

}  // namespace
}  // namespace gongwen::test
