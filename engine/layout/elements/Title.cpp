// 标题 (7.3.1): centred, broken only between words into a trapezoid or a diamond with no
// character alone on a line (composeBalanced), one line per grid line. "below_anchor_lines"
// puts it that many line pitches below what was placed last (the red separator), on the
// nearest grid line; otherwise "blank_lines_before" counts grid lines.
#include "common/Errors.h"
#include "common/Utf8.h"
#include "layout/FlowElements.h"
#include "layout/elements/Text.h"
#include "text/BalancedLines.h"

namespace gongwen {

void placeTitle(FlowContext& ctx, const FlowElement& el, const TitleSpec& spec,
                const Record& record) {
  if (!record.has(el.field)) return;
  const TextStyle& style = ctx.layout().style(el.style);
  std::u32string text = trimmedText(ctx.prepare(record.text(el.field)));
  for (char32_t& c : text) {
    if (c == U'\n') c = U' ';
  }
  // A title is a line or three; a page of text in it is a mistake (and would be slow).
  const size_t maxChars = static_cast<size_t>(spec.maxChars);
  if (text.size() > maxChars) {
    throw InputError(
        record.path(el.field),
        Message("is too long for a title ({0} characters; at most {1})", text.size(), maxChars));
  }
  // Shaped with line breaks only; words are looked up (ICU's dictionary) only for a title
  // that wraps: one on one line has the same line either way (Shaper::keepWordsWhole).
  ShapedText shaped = ctx.shape(text, style, record.path(el.field), BreakMode::Line);
  ParagraphStyle ps;
  ps.width = ctx.grid().width;
  ps.align = Alignment::Center;
  if (spec.belowAnchorLines) {
    ctx.currentPage();
    ctx.setSlot(ctx.nearestSlotBelow(ctx.anchor(), *spec.belowAnchorLines * ctx.grid().linePitch,
                                     style.sizePt));
  } else {
    ctx.skipLines(el.blankLinesBefore);
  }
  ctx.markOutline(encodeUtf8(trimmedText(text)), 0);
  std::vector<LineBox> lines = composeBalanced(shaped, ps);
  if (lines.size() > 1 && spec.breakMode == BreakMode::Word) {
    ctx.keepWordsWhole(shaped);
    lines = composeBalanced(shaped, ps);
  }
  ctx.placeLines(shaped, lines, style);
  ctx.skipLines(el.blankLinesAfter);
}

}  // namespace gongwen
