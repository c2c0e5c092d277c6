// Path data in the SVG syntax (M L H V C S Q Z, absolute or relative), the way layouts
// describe ornaments, and the affine maps that place a drawn motif on a page.
#pragma once

#include <string>
#include <vector>

#include "layout/DisplayList.h"

namespace gongwen {

// Parses `d` into segments in its own units (quadratic curves become cubic ones).
// Throws InputError(where) naming the first thing it cannot read.
std::vector<PathSegment> parsePathData(const std::string& d, const std::string& where);

// x' = a·x + c·y + e, y' = b·x + d·y + f
struct Affine {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;

  static Affine translate(double x, double y) { return {1, 0, 0, 1, x, y}; }
  static Affine scale(double sx, double sy) { return {sx, 0, 0, sy, 0, 0}; }
  // First `inner`, then this.
  Affine then(const Affine& inner) const;
  void apply(double& x, double& y) const;
};

std::vector<PathSegment> transformed(const std::vector<PathSegment>& segments, const Affine& m);

}  // namespace gongwen
