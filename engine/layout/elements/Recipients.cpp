// 主送机关 (7.3.2): flush left, wrapped lines flush left too, ending with a full-width colon.
// A list is joined with "，".
#include "layout/FlowElements.h"
#include "layout/elements/Text.h"

namespace gongwen {

void placeRecipients(FlowContext& ctx, const FlowElement& el, const RecipientsSpec& spec,
                     const Record& record) {
  std::vector<std::string> names = record.list(el.field);
  if (names.empty()) return;
  const std::u32string separator = ctx.prepare(spec.separator);
  std::u32string text;
  for (const auto& n : names) {
    std::u32string name = trimmedText(ctx.prepare(n));
    while (!name.empty() && (name.back() == U'：' || name.back() == U':' || name.back() == U'，' ||
                             name.back() == U'、' || name.back() == U'；')) {
      name.pop_back();
    }
    if (name.empty()) continue;
    if (!text.empty()) text += separator;
    text += name;
  }
  if (text.empty()) return;
  text += U'：';
  const TextStyle& style = ctx.layout().style(el.style);
  ParagraphStyle ps = ctx.paragraphStyle(style);
  ps.firstIndent = 0;
  auto shaped = std::make_shared<const ShapedText>(ctx.shape(text, style, record.path(el.field)));
  ctx.skipLines(el.blankLinesBefore);
  ctx.placeParagraph(shaped, composeParagraph(*shaped, ps));
  ctx.skipLines(el.blankLinesAfter);
}

}  // namespace gongwen
