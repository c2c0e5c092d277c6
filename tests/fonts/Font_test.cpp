#include "fonts/Font.h"

#include <gtest/gtest.h>

#include "common/Errors.h"
#include "support/TestFonts.h"

namespace gongwen {
namespace {

TEST(Font, LoadsCffOpenType) {
  auto font = Font::load(test::kFandolFang);
  EXPECT_EQ(font->outlineFormat(), OutlineFormat::Cff);
  EXPECT_EQ(font->familyName(), "FandolFang");
  EXPECT_TRUE(font->hasGlyph(U'中'));
}

TEST(Font, LoadsCidKeyedCffFromCollection) {
  auto font = Font::load(test::kNotoSerifCjk, test::kNotoScFace);
  EXPECT_EQ(font->outlineFormat(), OutlineFormat::Cff);
  EXPECT_TRUE(font->isCidKeyed());
  EXPECT_EQ(font->familyName(), "Noto Serif CJK SC");
  EXPECT_EQ(font->unitsPerEm(), 1000u);
}

TEST(Font, LoadsTrueTypeCollection) {
  auto font = Font::load(test::kUming, 0);
  EXPECT_EQ(font->outlineFormat(), OutlineFormat::TrueType);
  EXPECT_TRUE(font->hasGlyph(U'中'));
}

TEST(Font, ExtensionBFallbackFontHasRareCharacters) {
  auto font = Font::load(test::kHanaMinB);
  EXPECT_TRUE(font->hasGlyph(U'\U00020BB7'));  // 𠮷
}

TEST(Font, MissingFileIsAFontError) {
  EXPECT_THROW(Font::load("/nonexistent/font.otf"), FontError);
}

}  // namespace
}  // namespace gongwen
