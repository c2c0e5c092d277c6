// Titles (7.3.1): lines broken only at the text's break opportunities (words, when shaped
// with BreakMode::Word), no line holding a single character, and line lengths forming a
// trapezoid (each line no longer than the next, or the reverse) or a diamond (longest in
// the middle), as even as those rules allow.
#pragma once

#include <vector>

#include "text/ParagraphComposer.h"

namespace gongwen {

// Composes `text` in the fewest lines that fit `style.width`, choosing among all the ways
// to break it the one whose lines have the shape above and the smallest spread between the
// longest and the shortest line. Falls back to the most even lines without a single
// character, then to greedy filling, when nothing better exists.
std::vector<LineBox> composeBalanced(const ShapedText& text, const ParagraphStyle& style);

// True when the widths rise then fall (either part may be empty), within `tolerance`.
bool isTrapezoidOrDiamond(const std::vector<double>& widths, double tolerance);

}  // namespace gongwen
