// A role's later installed candidates draw a character its font lacks before the fallback
// chain does (issue 16). An office's 方正小标宋简体 covers GB 2312; a rare character in a title
// (喆, common enough in given names) must still come out bold — from the role's next
// candidate, Noto Serif CJK SC Bold — not from the regular-weight fallback. FandolSong-Bold
// (about 10 000 characters) stands in for the office's font here.
#include <gtest/gtest.h>

#include <string>

#include "layout/FlowElements.h"
#include "render/DisplayListText.h"
#include "render/EngineFactory.h"
#include "render/EngineReports.h"
#include "support/TestEngine.h"
#include "support/TestFonts.h"

namespace gongwen {
namespace {

constexpr const char* kFandolSongBold = "/usr/local/share/fonts/fandol/FandolSong-Bold.otf";
constexpr char32_t kRare = U'喆';  // U+5586: not in FandolSong-Bold, in Noto Serif CJK Bold

std::string fileName(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// The dump lines of the title of an article titled `title`: its runs, set at 22 pt.
std::string titleLines(const Engine& engine, const std::string& title) {
  const auto result = engine.layout(test::article(title, "正文。"), {});
  const std::string dump = displayListText(result.list, engine.fonts());
  std::string out;
  size_t at = 0;
  while ((at = dump.find("  text ", at)) != std::string::npos) {
    const size_t end = dump.find('\n', at);
    const std::string line = dump.substr(at, end - at);
    if (line.find(" 22.00pt ") != std::string::npos) out += line + "\n";
    at = end;
  }
  EXPECT_FALSE(out.empty()) << dump;
  return out;
}

// The 小标宋 role as an office configures it: its own font first, the shipped stand-in after.
std::shared_ptr<const FontRegistry> officeTitleFonts() {
  FontConfig config = resolveFontConfig(EngineSettings{});
  FontCandidate office, notoBold;
  office.path = kFandolSongBold;
  notoBold.path = test::kNotoSerifCjkBold;
  notoBold.family = "Noto Serif CJK SC";
  config.roles["xiaobiaosong"] = {office, notoBold};
  return FontRegistry::create(config);
}

Engine engineWith(std::shared_ptr<const FontRegistry> fonts) {
  return Engine(std::move(fonts),
                LayoutCatalog::openDirectory(std::string(GONGWEN_SOURCE_DATA_DIR) + "/layouts",
                                             flowElementKinds()));
}

TEST(RoleAlternates, ARolesLaterInstalledCandidatesAreItsAlternates) {
  const auto fonts = officeTitleFonts();
  const FontPtr& title = fonts->font("xiaobiaosong");
  ASSERT_EQ(title->path(), kFandolSongBold) << "install-deps.sh installs the Fandol fonts";
  ASSERT_FALSE(title->hasGlyph(kRare));
  const auto& alternates = fonts->alternatesOf(*title);
  ASSERT_FALSE(alternates.empty());
  EXPECT_EQ(alternates.front()->path(), test::kNotoSerifCjkBold);
  EXPECT_EQ(alternates.front()->faceIndex(), test::kNotoScFace);
  EXPECT_TRUE(alternates.front()->hasGlyph(kRare));
  // The chosen font is never its own alternate; a font serving no role has none.
  for (const auto& a : alternates) EXPECT_NE(a, title);
  EXPECT_TRUE(fonts->alternatesOf(*fonts->fallbackChain().back()).empty());
}

TEST(RoleAlternates, ARareCharacterOfATitleIsDrawnBold) {
  const Engine engine = engineWith(officeTitleFonts());
  const std::string lines = titleLines(engine, "关于表彰王喆同志的决定");
  // The run of 喆 alone in Noto Serif CJK SC Bold (named by its role), the rest in Fandol.
  EXPECT_NE(lines.find("text xiaobiaosong " + fileName(test::kNotoSerifCjkBold)), std::string::npos)
      << lines;
  EXPECT_NE(lines.find("\"喆\""), std::string::npos) << lines;
  EXPECT_NE(lines.find("text xiaobiaosong FandolSong-Bold.otf"), std::string::npos) << lines;
  EXPECT_EQ(lines.find("fallback"), std::string::npos) << lines;
  EXPECT_EQ(lines.find("NotoSerifCJK-Regular"), std::string::npos) << lines;
}

TEST(RoleAlternates, WithoutAlternatesTheFallbackChainDrawsIt) {
  // The same title with FandolSong-Bold as the role's only candidate: 喆 comes from the
  // fallback chain's first font, Noto Serif CJK SC Regular — what alternates are there for.
  FontConfig config = resolveFontConfig(EngineSettings{});
  FontCandidate only;
  only.path = kFandolSongBold;
  config.roles["xiaobiaosong"] = {only};
  auto fonts = FontRegistry::create(config);
  EXPECT_TRUE(fonts->alternatesOf(*fonts->font("xiaobiaosong")).empty());
  const Engine engine = engineWith(fonts);
  const std::string lines = titleLines(engine, "关于表彰王喆同志的决定");
  EXPECT_EQ(lines.find(fileName(test::kNotoSerifCjkBold)), std::string::npos) << lines;
  EXPECT_NE(lines.find("text fallback"), std::string::npos) << lines;
}

TEST(RoleAlternates, GongwenFontsListsThem) {
  // As shipped, 楷体 is served by FandolKai with AR PL UKai after it (fonts-arphic-ukai).
  const std::string report = describeFonts(EngineSettings{}).text;
  const size_t role = report.find("kaiti:\n");
  ASSERT_NE(role, std::string::npos) << report;
  const size_t uses = report.find("uses      ", role);
  const size_t then = report.find("then      ", role);
  ASSERT_NE(uses, std::string::npos) << report;
  ASSERT_NE(then, std::string::npos) << report;
  EXPECT_LT(uses, then) << report;
  EXPECT_NE(report.find("FandolKai-Regular.otf", uses), std::string::npos) << report;
  EXPECT_EQ(
      report.substr(then, report.find('\n', then) - then).find("ukai.ttc") == std::string::npos,
      false)
      << report;
  EXPECT_NE(report.find("for characters the font above lacks"), std::string::npos) << report;
}

}  // namespace
}  // namespace gongwen
