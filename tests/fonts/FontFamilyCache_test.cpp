// The cache of fontconfig's answers: a second run with the same fonts asks fontconfig
// nothing; a change in the font folders makes the cache start afresh.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "fonts/SystemFontFinder.h"

namespace gongwen {
namespace {

namespace fs = std::filesystem;

struct TempFolder {
  fs::path path = fs::temp_directory_path() /
                  ("gongwen-fc-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
  TempFolder() { fs::create_directories(path); }
  ~TempFolder() { fs::remove_all(path); }
};

TEST(FontFamilyCache, ASecondRunFindsTheSameFontsWithoutStartingFontconfig) {
  TempFolder dir;
  const std::string cache = (dir.path / "families.json").string();
  std::optional<FoundFont> noto, absent;
  {
    SystemFontFinder first(cache);
    noto = first.find("Noto Serif CJK SC");
    absent = first.find("方正小标宋简体-不存在的字体");
    EXPECT_TRUE(first.startedFontconfig());
  }
  ASSERT_TRUE(noto) << "Debian's fonts-noto-cjk is not installed";
  EXPECT_FALSE(absent);
  ASSERT_TRUE(fs::exists(cache));

  SystemFontFinder second(cache);
  auto again = second.find("Noto Serif CJK SC");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->path, noto->path);
  EXPECT_EQ(again->index, noto->index);
  EXPECT_FALSE(second.find("方正小标宋简体-不存在的字体"));
  EXPECT_FALSE(second.startedFontconfig());
  // A family never asked before still goes to fontconfig.
  second.find("Noto Sans CJK SC");
  EXPECT_TRUE(second.startedFontconfig());
}

TEST(FontFamilyCache, AnUnreadableCacheIsIgnored) {
  TempFolder dir;
  const std::string cache = (dir.path / "families.json").string();
  std::ofstream(cache) << "{not json";
  SystemFontFinder finder(cache);
  EXPECT_TRUE(finder.find("Noto Serif CJK SC"));
  EXPECT_TRUE(finder.startedFontconfig());
}

TEST(FontFamilyCache, FingerprintChangesWhenAFontFolderChanges) {
  TempFolder dir;
  fs::create_directories(dir.path / "fonts/truetype");
  const std::vector<std::string> dirs{(dir.path / "fonts").string()};
  const std::string before = fontFoldersFingerprint(dirs);
  EXPECT_EQ(before, fontFoldersFingerprint(dirs));
  // A new font folder deep inside (a package installing its fonts).
  fs::create_directories(dir.path / "fonts/truetype/new-family");
  EXPECT_NE(before, fontFoldersFingerprint(dirs));
}

}  // namespace
}  // namespace gongwen
