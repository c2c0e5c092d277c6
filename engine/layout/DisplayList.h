// The backend-neutral result of layout: pages of positioned glyphs, filled rectangles and
// images. Coordinates are PostScript points from the page's top-left corner, y downwards
// (the PDF writer flips them). Tests assert on this, in millimetres.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "common/Color.h"
#include "fonts/Font.h"

namespace gongwen {

struct PlacedGlyph {
  uint32_t glyph = 0;   // glyph id in the run's font, straight from HarfBuzz
  double x = 0, y = 0;  // pen position (baseline origin), pt from the page's top-left
  double advance = 0;   // the glyph's advance at the run's size, pt (what /W says)
  std::u32string text;  // the characters this glyph stands for (empty for the 2nd..nth
                        // glyph of a cluster); feeds the ToUnicode CMap
};

// Glyphs of one font, size and colour.
struct GlyphRun {
  FontPtr font;
  double sizePt = 16;
  Color color;
  std::vector<PlacedGlyph> glyphs;
};

// A filled axis-aligned rectangle (rules, lines of the 版记, red separators).
struct FilledRect {
  double x = 0, y = 0, width = 0, height = 0;  // pt; (x, y) is the top-left corner
  Color color;
};

// An image (PNG bytes, alpha kept) drawn into a box.
struct ImageData {
  std::vector<uint8_t> png;
  unsigned pixelWidth = 0, pixelHeight = 0;
};
struct PlacedImage {
  std::shared_ptr<const ImageData> image;
  double x = 0, y = 0, width = 0, height = 0;  // pt, top-left corner of the box
};

using DisplayItem = std::variant<GlyphRun, FilledRect, PlacedImage>;

struct Page {
  double widthPt = 595.2756, heightPt = 841.8898;  // A4
  std::vector<DisplayItem> items;                  // drawn in order
};

struct DocumentInfo {
  std::string title, author, subject, keywords;  // UTF-8
  // Creation date, seconds since the epoch; 0 = now. SOURCE_DATE_EPOCH overrides it.
  long long creationTime = 0;
};

struct DisplayList {
  std::vector<Page> pages;
  DocumentInfo info;
};

}  // namespace gongwen
