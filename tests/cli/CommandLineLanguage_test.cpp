// The command line speaks the locale's language (issue 11): Chinese for zh_*, and when the
// locale names no language (C, POSIX, unset); English for any other. Exit codes and the
// machine-readable parts stay the same.
#include <gtest/gtest.h>

#include "support/Process.h"

namespace gongwen::test {
namespace {

// A record without its title, rendered under `locale` (LC_ALL, LC_MESSAGES, LANG given).
ProcessResult renderWithoutTitle(const std::string& environment) {
  TempDir dir;
  writeText(dir.file("in.json"), R"({"layout": "article", "body": "正文"})");
  return runShell("env -u LC_ALL -u LC_MESSAGES -u LANG " + environment + " " + cli() + " render " +
                  shellQuote(dir.file("in.json")) + " -o " + shellQuote(dir.file("out.pdf")));
}

TEST(CommandLineLanguage, ChineseLocaleGivesChinese) {
  auto r = renderWithoutTitle("LANG=zh_CN.UTF-8");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("$.title：缺少必填字段“标题”（title）\n"), std::string::npos) << r.err;
}

TEST(CommandLineLanguage, EnglishLocaleGivesEnglish) {
  auto r = renderWithoutTitle("LANG=en_US.UTF-8");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("$.title: required field \"title\""), std::string::npos) << r.err;
}

TEST(CommandLineLanguage, NoLocaleIsChinese) {
  auto r = renderWithoutTitle("");
  EXPECT_NE(r.err.find("缺少必填字段"), std::string::npos) << r.err;
  r = renderWithoutTitle("LC_ALL=C");
  EXPECT_NE(r.err.find("缺少必填字段"), std::string::npos) << r.err;
}

TEST(CommandLineLanguage, LcAllWinsOverLang) {
  auto r = renderWithoutTitle("LANG=zh_CN.UTF-8 LC_ALL=en_GB.UTF-8");
  EXPECT_NE(r.err.find("required field"), std::string::npos) << r.err;
  r = renderWithoutTitle("LANG=en_US.UTF-8 LC_MESSAGES=zh_CN.UTF-8");
  EXPECT_NE(r.err.find("缺少必填字段"), std::string::npos) << r.err;
}

TEST(CommandLineLanguage, UsageAndUnknownOptionInChinese) {
  auto r = runShell("env LC_ALL=zh_CN.UTF-8 " + cli() + " render --frobnicate x.json");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("gongwen: 未知选项 --frobnicate"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("用法："), std::string::npos) << r.err;
  r = runShell("env LC_ALL=zh_CN.UTF-8 " + cli() + " --help");
  EXPECT_NE(r.out.find("退出码："), std::string::npos) << r.out;
}

}  // namespace
}  // namespace gongwen::test
