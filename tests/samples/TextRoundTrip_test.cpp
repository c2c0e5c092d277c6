// pdftotext gives back the input text exactly (line breaks and spaces aside), after
// normalization: ToUnicode maps every glyph to its real characters.
#include <gtest/gtest.h>

#include "common/Json.h"
#include "common/Utf8.h"
#include "model/LayoutCatalog.h"
#include "support/Process.h"
#include "text/Normalizer.h"

namespace gongwen::test {
namespace {

std::u32string withoutSpaces(std::u32string s) {
  std::u32string out;
  for (char32_t c : s) {
    if (c != U' ' && c != U'\n' && c != U'\r' && c != U'\t' && c != U'\f' && c != U'\u3000')
      out.push_back(c);
  }
  return out;
}

TEST(TextRoundTrip, ArticleSampleThroughPdftotext) {
  std::string sample =
      std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/article-quality-conference.json";
  auto record = parseJsonObject(readFile(sample), sample);
  TempDir dir;
  auto r =
      runShell(cli() + " render " + shellQuote(sample) + " -o " + shellQuote(dir.file("a.pdf")));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto text = runShell("pdftotext -enc UTF-8 " + shellQuote(dir.file("a.pdf")) + " -");
  ASSERT_EQ(text.exitCode, 0);

  std::u32string expected = withoutSpaces(normalizePunctuation(
      decodeUtf8(record->getValue<std::string>("title") + record->getValue<std::string>("body"))));
  std::u32string got = withoutSpaces(decodeUtf8(text.out));
  // Drop the page numbers "— N —".
  std::u32string cleaned;
  for (size_t i = 0; i < got.size(); ++i) {
    if (got[i] == U'—') {
      size_t j = i + 1;
      while (j < got.size() && got[j] >= U'0' && got[j] <= U'9') ++j;
      if (j > i + 1 && j < got.size() && got[j] == U'—') {
        i = j;
        continue;
      }
    }
    cleaned.push_back(got[i]);
  }
  EXPECT_EQ(encodeUtf8(cleaned), encodeUtf8(expected));
}

TEST(TextRoundTrip, RareCharactersAndPunctuation) {
  TempDir dir;
  writeText(
      dir.file("in.json"),
      R"({"layout": "article", "title": "测试", "body": "姓名𠮷野家，“引号”；《书名》……——完。"})");
  auto r = runShell(cli() + " render " + shellQuote(dir.file("in.json")) + " -o " +
                    shellQuote(dir.file("a.pdf")));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto text = runShell("pdftotext -enc UTF-8 " + shellQuote(dir.file("a.pdf")) + " -");
  std::u32string got = withoutSpaces(decodeUtf8(text.out));
  EXPECT_NE(got.find(U"姓名𠮷野家，“引号”；《书名》……——完。"), std::u32string::npos) << text.out;
}

}  // namespace
}  // namespace gongwen::test
