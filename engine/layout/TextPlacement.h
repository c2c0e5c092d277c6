// Turns a composed line into glyph runs on a page.
#pragma once

#include "layout/DisplayList.h"
#include "text/ParagraphComposer.h"
#include "text/ShapedText.h"

namespace gongwen {

// Appends the glyphs of `line` to `page`, the line's x positions counted from `originX`
// and its baseline at `baseline` (pt from the page's top-left).
void placeLine(Page& page, const ShapedText& text, const LineBox& line, double originX,
               double baseline);

}  // namespace gongwen
