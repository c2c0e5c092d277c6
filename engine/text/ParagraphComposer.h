// Breaks a shaped paragraph into lines and positions its clusters: greedy filling on
// ICU + kinsoku break opportunities; a line the kinsoku rules touch either takes one
// more mark by squeezing punctuation (推入) or gives one away and spreads (推出); every
// line but the last is justified so that its ink ends exactly on the right edge.
#pragma once

#include <cstddef>
#include <vector>

#include "text/ShapedText.h"

namespace gongwen {

enum class Alignment { Left, Center, Right, Justify };

struct ParagraphStyle {
  double width = 0;        // of the text block, pt
  double firstIndent = 0;  // pt, first line only
  double indent = 0;       // pt, every line (after the first when firstIndent is set)
  // Distance between the origins of full-width cells: 0 for the font's own advance. On
  // the body grid it is (width - em) / (cells - 1), so that a full line of `cells`
  // characters starts on the left edge and ends on the right edge.
  double gridPitch = 0;
  Alignment align = Alignment::Justify;  // Justify: every line but the last; it is flush left
  // Compose clusters from this one on (a paragraph's tail, re-spaced on its last page; the
  // first composed line gets firstIndent, so set it to 0 for a tail).
  size_t startCluster = 0;
};

struct LineBox {
  size_t first = 0, end = 0;  // clusters [first, end), trailing spaces excluded
  double indent = 0;          // pt from the block's left edge to the line's start
  std::vector<double> x;      // per cluster: its glyph origin, pt from the block's left edge
  double extent = 0;          // pt from the block's left edge to where the ink ends
  bool justified = false;
  int pushedIn = 0;   // clusters taken in by squeezing (推入)
  int pushedOut = 0;  // clusters given to the next line (推出)
};

std::vector<LineBox> composeParagraph(const ShapedText& text, const ParagraphStyle& style);

// Lines that start at the given clusters (ascending; the first is style.startCluster),
// positioned as composeParagraph would position them: for breaks chosen elsewhere (titles).
std::vector<LineBox> composeAtBreaks(const ShapedText& text, const ParagraphStyle& style,
                                     const std::vector<size_t>& lineStarts);

// Natural width of clusters [first, end) on one line with `style`'s pitch (ink extent).
double naturalWidth(const ShapedText& text, size_t first, size_t end, const ParagraphStyle& style);

}  // namespace gongwen
