// Messages in the reader's language (issue 11): templates, arguments, the catalogue.
#include "common/Message.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "common/Errors.h"
#include "common/Json.h"
#include "common/MessageCatalogue.h"
#include "common/Place.h"

namespace gongwen {
namespace {

std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> found;
  const std::string s(text);
  const std::regex brace(R"(\{\d\})");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), brace); it != std::sregex_iterator();
       ++it) {
    found.insert(it->str());
  }
  return found;
}

TEST(Catalogue, EveryTranslationKeepsItsPlaceholders) {
  ASSERT_GT(catalogueSize(), 300u) << "po/zh_CN.po was not compiled in";
  for (size_t i = 0; i < catalogueSize(); ++i) {
    const auto e = catalogueEntry(i);
    EXPECT_EQ(placeholders(e.english), placeholders(e.chinese)) << e.english;
    EXPECT_FALSE(e.chinese.empty()) << e.english;
  }
}

TEST(Catalogue, TranslationsAreChinese) {
  size_t withHan = 0, withWords = 0;
  for (size_t i = 0; i < catalogueSize(); ++i) {
    // A template of only places and punctuation ("{0}: {1}" → "{0}：{1}") has no words to
    // translate; every other one has Chinese.
    const auto e = catalogueEntry(i).english;
    if (!std::regex_search(std::string(e), std::regex(R"([A-Za-z](?![^{]*\}))"))) continue;
    ++withWords;
    const auto c = catalogueEntry(i).chinese;
    // A CJK ideograph is 3 bytes in UTF-8 starting 0xE4–0xE9.
    for (unsigned char b : c) {
      if (b >= 0xE4 && b <= 0xE9) {
        ++withHan;
        break;
      }
    }
  }
  EXPECT_GT(withWords, 1u);
  EXPECT_EQ(withHan, withWords) << "a translation without one Chinese character";
}

TEST(Message, ArgumentsGoWhereTheTemplateSays) {
  // The Chinese puts the label first and the field's name in brackets: {1} before {0}.
  const Message m("required field \"{0}\" ({1}) is missing", std::string("title"),
                  std::string("标题"));
  EXPECT_EQ(m.english(), "required field \"title\" (标题) is missing");
  EXPECT_EQ(m.text(Language::Chinese), "缺少必填字段“标题”（title）");
}

TEST(Message, NestedMessagesAreTranslatedToo) {
  const Message place("row {0}, column {1}", 12, std::string("C"));
  const InputError e(place, Message("required field \"{0}\" ({1}) is missing", std::string("title"),
                                    std::string("标题")));
  EXPECT_EQ(e.what(), std::string("row 12, column C: required field \"title\" (标题) is missing"));
  EXPECT_EQ(e.where(), "row 12, column C");
  EXPECT_EQ(e.text(Language::Chinese), "第12行C列：缺少必填字段“标题”（title）");
}

TEST(Message, AParagraphOfAFieldIsNamedInChinese) {
  EXPECT_EQ(placeMessage("$.body (paragraph 3)").text(Language::Chinese), "$.body（第3段）");
  EXPECT_EQ(placeMessage("row 12, field body (paragraph 2)").text(Language::Chinese),
            placeMessage("row 12, field body").text(Language::Chinese) + "（第2段）");
  EXPECT_EQ(placeMessage("$.body (paragraph 3)").english(), "$.body (paragraph 3)");
  EXPECT_EQ(placeMessage("$.body (paragraph x)").english(), "$.body (paragraph x)");
}

TEST(Message, AFieldOfANamedSheetsRowIsAPlaceInChinese) {
  // A record from a workbook with several sheets is `sheet "名单", row 3`; its field is a
  // place of that row, not a JSON path glued to it.
  const std::string where = jsonPath("sheet \"名单\", row 3", "date");
  EXPECT_EQ(where, "sheet \"名单\", row 3, field date");
  EXPECT_EQ(placeMessage(where).english(), where);
  EXPECT_EQ(placeMessage(where).text(Language::Chinese), "工作表“名单”第3行的字段 date");
  EXPECT_EQ(jsonPath("row 3", "date"), "row 3, field date");
  EXPECT_EQ(jsonPath("$[2]", "date"), "$[2].date");
}

TEST(Message, ListsUseTheLanguagesSeparator) {
  const Message names = joinedNames({"甲", "乙", "丙"});
  EXPECT_EQ(names.text(Language::Chinese), "甲、乙、丙");
  EXPECT_EQ(names.text(Language::English), "甲, 乙, 丙");
}

TEST(Message, UntranslatedTemplateFallsBackToEnglish) {
  const Message m("a template no catalogue has {0}", 3);
  EXPECT_EQ(m.text(Language::Chinese), "a template no catalogue has 3");
}

TEST(Language, LocaleNames) {
  EXPECT_EQ(languageOfLocale("zh_CN.UTF-8"), Language::Chinese);
  EXPECT_EQ(languageOfLocale("zh_TW"), Language::Chinese);
  EXPECT_EQ(languageOfLocale("en_US.UTF-8"), Language::English);
  EXPECT_EQ(languageOfLocale("de_DE"), Language::English);
  EXPECT_EQ(languageOfLocale(""), Language::Chinese);
  EXPECT_EQ(languageOfLocale("C"), Language::Chinese);
  EXPECT_EQ(languageOfLocale("C.UTF-8"), Language::Chinese);
  EXPECT_EQ(languageOfLocale("POSIX"), Language::Chinese);
}

TEST(Language, AcceptLanguage) {
  EXPECT_EQ(languageOfAcceptLanguage(""), Language::Chinese);
  EXPECT_EQ(languageOfAcceptLanguage("en"), Language::English);
  EXPECT_EQ(languageOfAcceptLanguage("en-US,en;q=0.9"), Language::English);
  EXPECT_EQ(languageOfAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"), Language::Chinese);
  EXPECT_EQ(languageOfAcceptLanguage("en;q=0.5, zh-Hans;q=0.8"), Language::Chinese);
  EXPECT_EQ(languageOfAcceptLanguage("fr-FR, en;q=0.3"), Language::English);
  EXPECT_EQ(languageOfAcceptLanguage("fr-FR"), Language::Chinese);
  EXPECT_EQ(languageOfAcceptLanguage("*"), Language::Chinese);
  EXPECT_EQ(languageOfAcceptLanguage("en;q=0"), Language::Chinese);
}

}  // namespace
}  // namespace gongwen
