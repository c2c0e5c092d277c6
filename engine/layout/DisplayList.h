// The backend-neutral result of layout: pages of positioned glyphs, filled rectangles and
// images. Coordinates are PostScript points from the page's top-left corner, y downwards
// (the PDF writer flips them). Tests assert on this, in millimetres.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/Color.h"
#include "fonts/Font.h"
#include "model/ImageData.h"

namespace gongwen {

struct PlacedGlyph {
  uint32_t glyph = 0;   // glyph id in the run's font, straight from HarfBuzz
  double x = 0, y = 0;  // pen position (baseline origin), pt from the page's top-left
  double advance = 0;   // the glyph's advance at the run's size, pt (what /W says)
  std::u32string text;  // the characters this glyph stands for (empty for the 2nd..nth
                        // glyph of a cluster); feeds the ToUnicode CMap
};

// A line that starts an outline entry (a title, a heading): it travels with the line's
// first glyph run when the layout moves lines between pages, and collectOutline() turns
// it into an OutlineEntry at the end.
struct OutlineMark {
  std::string title;  // UTF-8
  int level = 0;
};

// Glyphs of one font, size and colour.
struct GlyphRun {
  FontPtr font;
  double sizePt = 16;
  // Horizontal scaling of the glyphs (1: none; 0.8: 80 % as wide, as tall as ever): a long
  // red mark is condensed so. Glyph x positions and advances are already scaled; the PDF
  // writer draws the outlines narrower with Tz.
  double horizontalScale = 1;
  Color color;
  std::vector<PlacedGlyph> glyphs;
  std::shared_ptr<const OutlineMark> outline;  // set on the first run of a marked line
};

// A filled axis-aligned rectangle (rules, lines of the 版记, red separators).
struct FilledRect {
  double x = 0, y = 0, width = 0, height = 0;  // pt; (x, y) is the top-left corner
  Color color;
};

struct PlacedImage {
  std::shared_ptr<const ImageData> image;
  double x = 0, y = 0, width = 0, height = 0;  // pt, top-left corner of the box
};

// A path of straight and cubic Bézier segments, stroked and/or filled (a certificate's
// border and ornaments). Points in pt, y downwards, in the coordinates of whatever holds
// the path (the page, or an Artwork).
struct PathSegment {
  enum class Op { Move, Line, Curve, Close };
  Op op = Op::Move;
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0, x3 = 0, y3 = 0;  // Move/Line: (x1, y1); Curve: all
};
struct VectorPath {
  std::vector<PathSegment> segments;
  std::optional<Color> fill, stroke;
  double lineWidth = 1;  // pt, for the stroke
  bool evenOdd = false;  // fill rule
};

// Fixed drawing shared by many pages (a certificate's border): the PDF writer writes it
// once per file as a form XObject and each page that places it refers to it.
struct Artwork {
  double widthPt = 0, heightPt = 0;  // its box; paths are relative to its top-left
  std::vector<VectorPath> paths;
};
struct PlacedArtwork {
  std::shared_ptr<const Artwork> art;
  double x = 0, y = 0;  // pt, where its top-left corner goes on the page
};

// An affine map of the plane, pt, y downwards: x' = a·x + c·y + e, y' = b·x + d·y + f.
struct Affine {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;

  static Affine translate(double x, double y) { return {1, 0, 0, 1, x, y}; }
  static Affine scale(double sx, double sy) { return {sx, 0, 0, sy, 0, 0}; }
  // First `inner`, then this.
  Affine then(const Affine& inner) const {
    return {a * inner.a + c * inner.b,     b * inner.a + d * inner.b,
            a * inner.c + c * inner.d,     b * inner.c + d * inner.d,
            a * inner.e + c * inner.f + e, b * inner.e + d * inner.f + f};
  }
  void apply(double& x, double& y) const {
    const double nx = a * x + c * y + e;
    const double ny = b * x + d * y + f;
    x = nx;
    y = ny;
  }
  bool isIdentity() const { return a == 1 && b == 0 && c == 0 && d == 1 && e == 0 && f == 0; }
};

struct TransformedGroup;
using DisplayItem =
    std::variant<GlyphRun, FilledRect, PlacedImage, VectorPath, PlacedArtwork, TransformedGroup>;

// Items drawn through a transform: their coordinates are their own (a landscape table's
// page, 横排表格, laid out as if the paper were turned), `transform` maps them onto the page.
// Every writer honours it (PDF: q … cm … Q; OFD: a CTM on each object; SVG: <g transform>).
// Groups may nest.
struct TransformedGroup {
  Affine transform;
  std::vector<DisplayItem> items;  // drawn in order
};

// Calls fn(item, transform) for every item of `items` that is not a group, descending into
// groups; `transform` maps the item's coordinates onto the page.
template <class Fn>
void forEachDrawn(const std::vector<DisplayItem>& items, Fn&& fn, const Affine& outer = {}) {
  for (const DisplayItem& item : items) {
    if (const auto* g = std::get_if<TransformedGroup>(&item)) {
      forEachDrawn(g->items, fn, outer.then(g->transform));
    } else {
      fn(item, outer);
    }
  }
}

struct Page {
  double widthPt = 595.2756, heightPt = 841.8898;  // A4
  std::vector<DisplayItem> items;                  // drawn in order
};

struct DocumentInfo {
  std::string title, author, subject, keywords;  // UTF-8
  // Creation date, seconds since the epoch; 0 = now. SOURCE_DATE_EPOCH overrides it.
  long long creationTime = 0;
};

// One entry of the document's outline (PDF bookmarks, OFD 大纲): the title, a heading
// (一、（一）…), an attachment, or a record of a merged batch.
struct OutlineEntry {
  std::string title;  // UTF-8
  int level = 0;      // 0: top level; an entry's children follow it, one level deeper
  size_t page = 0;    // index into DisplayList::pages
  double y = 0;       // pt from the page's top
};

struct DisplayList {
  std::vector<Page> pages;
  DocumentInfo info;
  std::vector<OutlineEntry> outline;  // in reading order
};

}  // namespace gongwen
