// `gongwen render` on bad input: one line on stderr naming the problem, exit 2, and no
// output file left behind.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/Process.h"

namespace gongwen::test {
namespace {

struct Outcome {
  ProcessResult run;
  bool outputExists;
};

Outcome renderJson(const std::string& json, const std::string& extra = "") {
  TempDir dir;
  writeText(dir.file("in.json"), json);
  Outcome o;
  o.run = runShell(cli() + " render " + shellQuote(dir.file("in.json")) + " -o " +
                   shellQuote(dir.file("out.pdf")) + " " + extra);
  o.outputExists = fileExists(dir.file("out.pdf"));
  // Nothing else may be left beside it (no temporary files).
  int entries = 0;
  for ([[maybe_unused]] auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, o.outputExists ? 2 : 1);
  return o;
}

void expectBadInput(const Outcome& o, const std::string& needle) {
  EXPECT_EQ(o.run.exitCode, 2) << o.run.err;
  EXPECT_FALSE(o.outputExists);
  EXPECT_NE(o.run.err.find(needle), std::string::npos) << o.run.err;
  // One line.
  EXPECT_EQ(o.run.err.find('\n'), o.run.err.size() - 1) << o.run.err;
}

TEST(RenderErrors, InvalidJsonNamesLineAndColumn) {
  expectBadInput(renderJson("{\"layout\": \"article\",\n  \"title\": \"x\",\n  \"body\": [1,}"),
                 "invalid JSON at line 3, column 14: unexpected character '}'");
}

TEST(RenderErrors, TruncatedJson) {
  expectBadInput(renderJson("{\"layout\": \"article\", \"title\": \"南京"), "unterminated string");
}

TEST(RenderErrors, UnknownLayoutListsTheKnownOnes) {
  auto o = renderJson(R"({"layout": "nosuch", "title": "t", "body": "b"})");
  expectBadInput(o, "$.layout: unknown layout \"nosuch\"");
  EXPECT_NE(o.run.err.find("article"), std::string::npos);
}

TEST(RenderErrors, MissingRequiredField) {
  expectBadInput(renderJson(R"({"layout": "article", "title": "标题"})"),
                 "$.body: required field \"body\" (正文) is missing");
}

TEST(RenderErrors, WrongType) {
  expectBadInput(renderJson(R"({"layout": "article", "title": ["a"], "body": "b"})"),
                 "$.title: must be a string, found an array");
}

TEST(RenderErrors, InvalidUtf8) {
  expectBadInput(renderJson("{\"layout\": \"article\", \"title\": \"\xC3\x28\", \"body\": \"b\"}"),
                 "invalid UTF-8 at line 1, column 33");
}

TEST(RenderErrors, ControlCharacterInAField) {
  expectBadInput(renderJson("{\"layout\": \"article\", \"title\": \"a\\u0007b\", \"body\": \"b\"}"),
                 "$.title: control character U+0007");
}

TEST(RenderErrors, CharacterNoFontHas) {
  auto o =
      renderJson("{\"layout\": \"article\", \"title\": \"t\", \"body\": \"甲乙\U00016A40丙\"}");
  expectBadInput(o, "U+16A40");
  EXPECT_NE(o.run.err.find("$.body (paragraph 1)"), std::string::npos) << o.run.err;
}

TEST(RenderErrors, UnreadableFont) {
  TempDir fonts;
  writeText(fonts.file("broken.otf"), "");  // zero bytes
  auto o = renderJson(R"({"layout": "article", "title": "t", "body": "b"})",
                      "--font fangsong=" + shellQuote(fonts.file("broken.otf")));
  expectBadInput(o, "broken.otf");
  writeText(fonts.file("garbage.ttf"), std::string(4096, 'x'));
  o = renderJson(R"({"layout": "article", "title": "t", "body": "b"})",
                 "--font fangsong=" + shellQuote(fonts.file("garbage.ttf")));
  expectBadInput(o, "garbage.ttf: not an OpenType/TrueType font");
}

TEST(RenderErrors, UnknownFieldIsAWarningNotAnError) {
  TempDir dir;
  writeText(dir.file("in.json"),
            R"({"layout": "article", "title": "t", "body": "b", "colour": 1})");
  auto r = runShell(cli() + " render " + shellQuote(dir.file("in.json")) + " -o " +
                    shellQuote(dir.file("out.pdf")));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("warning"), std::string::npos);
  EXPECT_NE(r.err.find("$.colour"), std::string::npos);
  EXPECT_TRUE(fileExists(dir.file("out.pdf")));
}

TEST(RenderErrors, MissingInputFile) {
  auto r = runShell(cli() + " render /nonexistent/in.json -o /tmp/never.pdf");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("/nonexistent/in.json"), std::string::npos);
  EXPECT_FALSE(fileExists("/tmp/never.pdf"));
}

TEST(RenderErrors, UnknownOptionShowsUsage) {
  auto r = runShell(cli() + " render --frobnicate x.json");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("unknown option --frobnicate"), std::string::npos);
  EXPECT_NE(r.err.find("Usage"), std::string::npos);
}

TEST(RenderCli, StdinToStdout) {
  auto r = runShell(cli() + " render - -o -",
                    R"({"layout": "article", "title": "标题", "body": "正文。"})");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, 5), "%PDF-");
  EXPECT_NE(r.out.find("%%EOF"), std::string::npos);
}

}  // namespace
}  // namespace gongwen::test
