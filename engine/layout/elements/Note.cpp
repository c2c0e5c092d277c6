// 附注 (7.3.6): in parentheses, two em in, on the line after the date (below the seal
// when it would run under it).
#include "layout/FlowElements.h"
#include "layout/elements/Text.h"

namespace gongwen {

void placeNote(FlowContext& ctx, const FlowElement& el, const NoSpec&, const Record& record) {
  if (!record.has(el.field)) return;
  std::u32string text = trimmedText(ctx.prepare(record.text(el.field)));
  for (char32_t& c : text) {
    if (c == U'\n') c = U' ';
  }
  if (text.empty()) return;
  if (text.front() != U'（') text = U"（" + text;
  if (text.back() != U'）') text += U"）";
  const TextStyle& style = ctx.layout().style(el.style);
  auto shaped = std::make_shared<const ShapedText>(ctx.shape(text, style, record.path(el.field)));
  ctx.skipLines(el.blankLinesBefore);
  auto lines = composeParagraph(*shaped, ctx.paragraphStyle(style));
  // A note long enough to run under the seal goes below it.
  const Grid& grid = ctx.grid();
  if (!lines.empty() && ctx.slot() < grid.lines &&
      ctx.imageCovers(ctx.slot(), grid.left + lines[0].indent, grid.left + lines[0].extent)) {
    ctx.setSlot(ctx.freeSlot());
  }
  ctx.placeParagraph(shaped, lines);
  ctx.skipLines(el.blankLinesAfter);
}

}  // namespace gongwen
