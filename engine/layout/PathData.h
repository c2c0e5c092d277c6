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

// Affine (x' = a·x + c·y + e, y' = b·x + d·y + f) is in layout/DisplayList.h.
std::vector<PathSegment> transformed(const std::vector<PathSegment>& segments, const Affine& m);

}  // namespace gongwen
