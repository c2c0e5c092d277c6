// Small helpers the text elements share.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "layout/FlowContext.h"

namespace gongwen {

// Without leading and trailing spaces, tabs and ideographic spaces (the layout indents).
std::u32string trimmedText(std::u32string_view s);

// One em of `style` on this grid: the cell pitch for text on the grid, else the size.
double emOf(const FlowContext& ctx, const TextStyle& style);

// A text that must stand on one line (a name, a date, a document number), shaped and
// composed flush left from x = 0. Throws InputError(where) when it does not fit `widthPt`.
struct SingleLine {
  std::shared_ptr<const ShapedText> text;
  LineBox line;
  double width() const { return line.extent - line.indent; }  // ink extent, pt
};
SingleLine composeSingleLine(FlowContext& ctx, std::u32string_view text, const TextStyle& style,
                             const std::string& where, double widthPt);

}  // namespace gongwen
