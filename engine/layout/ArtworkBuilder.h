// A layout's fixed art ("art": borders, bands of a repeated motif, corner ornaments) built
// into one page-sized Artwork, once per layout. Shapes (all lengths in mm):
//   {"shape": "rect", "inset_mm" | "x_mm","y_mm","width_mm","height_mm", "radius_mm",
//    "fill", "stroke", "line_width_mm"}
//   {"shape": "path", "d": SVG path data in mm, "x_mm", "y_mm", "scale",
//    "mirror": "none" | "horizontal" | "vertical" | "corners", "fill", "stroke", …}
//     (mirror copies the motif about the page's centre lines: "corners" draws it in all
//     four corners, the path given for the top-left one)
//   {"shape": "band", "d": one tile in mm, "tile_width_mm", "tile_height_mm", "inset_mm",
//    "corner_mm", …}: the tile repeated along the four sides of the rectangle `inset_mm`
//     from the page edges, turned to follow each side, stretched so a whole number of
//     tiles fills the side between corner squares of `corner_mm`.
#pragma once

#include <memory>

#include "layout/DisplayList.h"
#include "model/Layout.h"

namespace gongwen {

// The artwork of `layout`'s "art" array (null when it has none). Throws InputError
// naming the layout file and the JSON path of a bad shape.
std::shared_ptr<const Artwork> buildArtwork(const Layout& layout);

}  // namespace gongwen
