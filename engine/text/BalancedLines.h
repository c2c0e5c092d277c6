// Titles: lines as even as the break opportunities allow, no character alone on a line.
#pragma once

#include <vector>

#include "text/ParagraphComposer.h"

namespace gongwen {

// Composes `text` with the narrowest width that keeps the fewest lines, so the lines are
// balanced (each no longer than the one above); a line of a single character is avoided.
std::vector<LineBox> composeBalanced(const ShapedText& text, const ParagraphStyle& style);

}  // namespace gongwen
