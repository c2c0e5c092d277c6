// 纪要 attendance (10.2): one blank line below the body, two em in, "出席：" in the label
// style and the units and names after it, wrapped lines aligned after the colon; "请假"
// and "列席" follow on new lines the same way. "rows" names each list field and its label.
#include "layout/FlowElements.h"
#include "layout/elements/Text.h"

namespace gongwen {

void placeAttendance(FlowContext& ctx, const FlowElement& el, const AttendanceSpec& spec,
                     const Record& record) {
  const Layout& layout = ctx.layout();
  const TextStyle& style = layout.style(el.style);
  const TextStyle& labelStyle = layout.style(spec.labelStyle);
  const double em = emOf(ctx, style);
  const double indent = spec.indentEm * em;
  const std::u32string separator = ctx.prepare(spec.separator);
  bool first = true;
  for (const AttendanceSpec::Row& row : spec.rows) {
    const std::string& field = row.field;
    std::vector<std::string> names = record.list(field);
    std::u32string list;
    for (const auto& n : names) {
      std::u32string name = trimmedText(ctx.prepare(n));
      if (name.empty()) continue;
      if (!list.empty()) list += separator;
      list += name;
    }
    if (list.empty()) continue;
    const std::u32string label = ctx.prepare(row.label + "：");
    std::vector<FontSpan> spans = {{0, label.size(), ctx.fonts().font(labelStyle.font)}};
    auto shaped = std::make_shared<const ShapedText>(
        ctx.shape(label + list, style, record.path(field), BreakMode::Line, spans));
    ParagraphStyle ps = ctx.paragraphStyle(style);
    ps.indent = indent + static_cast<double>(label.size()) * em;  // after the colon
    ps.firstIndent = indent - ps.indent;
    if (first) ctx.skipLines(el.blankLinesBefore);
    first = false;
    ctx.placeParagraph(shaped, composeParagraph(*shaped, ps));
  }
  if (!first) ctx.skipLines(el.blankLinesAfter);
}

}  // namespace gongwen
