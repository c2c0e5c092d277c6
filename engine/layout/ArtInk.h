// Where a layout's art puts ink: its stroked segments (curves flattened) with their half
// line width, and its filled outlines. Used to keep text clear of the art (the loader
// refuses a box over drawn art) and by the tests that look for glyphs touching it.
#pragma once

#include <vector>

#include "layout/DisplayList.h"

namespace gongwen {

// An axis-aligned rectangle, pt from the page's top-left.
struct RectPt {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct ArtInk {
  struct Stroke {
    double ax, ay, bx, by;  // one straight piece, pt
    double halfWidth;
  };
  std::vector<Stroke> strokes;
  std::vector<RectPt> fillBounds;  // each filled path's bounds
  // Whether any ink lies within `margin` pt of `box`.
  bool touches(const RectPt& box, double margin) const;
  // The bounds of all ink (empty art: x0 > x1).
  RectPt bounds() const;
};

// The ink of `art` placed at (x, y) on the page.
ArtInk inkOf(const Artwork& art, double x = 0, double y = 0);

}  // namespace gongwen
