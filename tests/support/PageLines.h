// Reads a display list back as lines of text with positions in mm, the way the
// standard measures a page.
#pragma once

#include <string>
#include <vector>

#include "layout/DisplayList.h"

namespace gongwen::test {

struct GlyphMm {
  char32_t ch = 0;  // first character of the glyph's text (0 for the 2nd.. of a cluster)
  std::u32string text;
  double left = 0, right = 0;  // mm; right = left + advance
  double baseline = 0;         // mm from the page top
  double sizePt = 0;
  const Font* font = nullptr;
  Color color;
};

struct LineMm {
  std::vector<GlyphMm> glyphs;  // left to right
  std::u32string text() const;
  double left() const { return glyphs.front().left; }
  // Where the ink ends: ，。、；：？！ at a line end count half their advance.
  double inkRight() const;
  double baseline() const { return glyphs.front().baseline; }
  size_t visibleGlyphs() const;  // glyphs that are not spaces
};

// Lines of page `page`, top to bottom, grouped by baseline.
std::vector<LineMm> linesOf(const Page& page);
// Only the lines of text of `sizePt` inside the text block (not page numbers).
std::vector<LineMm> bodyLines(const Page& page, double sizePt = 16, double blockBottomMm = 262);

}  // namespace gongwen::test
