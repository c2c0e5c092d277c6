// 正文: paragraphs separated by newlines, justified on the body grid.
#include "layout/FlowElements.h"
#include "layout/elements/Text.h"

namespace gongwen {

void placeParagraphs(FlowContext& ctx, const FlowElement& el, const NoSpec&, const Record& record) {
  if (!record.has(el.field)) return;
  const TextStyle& style = ctx.layout().style(el.style);
  const ParagraphStyle ps = ctx.paragraphStyle(style);
  std::u32string all = ctx.prepare(record.text(el.field));
  ctx.skipLines(el.blankLinesBefore);
  size_t start = 0, index = 0;
  while (start <= all.size()) {
    size_t end = all.find(U'\n', start);
    if (end == std::u32string::npos) end = all.size();
    std::u32string para = trimmedText(std::u32string_view(all).substr(start, end - start));
    start = end + 1;
    ++index;
    if (para.empty()) continue;
    std::string where = record.path(el.field) + " (paragraph " + std::to_string(index) + ")";
    ShapedText shaped = ctx.shape(para, style, where);
    ctx.placeLines(shaped, composeParagraph(shaped, ps), style);
  }
  ctx.skipLines(el.blankLinesAfter);
}

}  // namespace gongwen
