// 标题: centred, balanced lines, one per grid line.
#include "layout/FlowElements.h"
#include "layout/elements/Text.h"
#include "text/BalancedLines.h"

namespace gongwen {

void placeTitle(FlowContext& ctx, const FlowElement& el, const Record& record) {
  if (!record.has(el.field)) return;
  const TextStyle& style = ctx.layout().style(el.style);
  std::u32string text = trimmedText(ctx.prepare(record.text(el.field)));
  for (char32_t& c : text) {
    if (c == U'\n') c = U' ';
  }
  ShapedText shaped = ctx.shape(text, style, record.path(el.field));
  ParagraphStyle ps;
  ps.width = ctx.grid().width;
  ps.align = Alignment::Center;
  ctx.skipLines(el.blankLinesBefore);
  ctx.placeLines(shaped, composeBalanced(shaped, ps), style);
  ctx.skipLines(el.blankLinesAfter);
}

}  // namespace gongwen
