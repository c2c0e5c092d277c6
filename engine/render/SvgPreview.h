// A page of a display list as SVG, for the web page's preview on a photo of the card (套打):
// the SVG's background is transparent and its viewBox is the page in pt, so that stretched
// over the card's photo (both at the page's aspect) every glyph shows where it will print.
// Glyphs are drawn as text in the font's family at their exact positions (the browser's
// own copy of the font draws them); rules, paths, art and images as they are.
#pragma once

#include <string>

#include "layout/DisplayList.h"

namespace gongwen {

std::string pageSvg(const Page& page);

}  // namespace gongwen
