// 附件说明 (7.3.4): under the body, two em in, "附件：" and the attachment's name; several
// are numbered "附件：1.XXXX", the later numbers under the first, and a name that wraps
// goes on under its first character. A name's final punctuation is dropped.
#include "common/Utf8.h"
#include "layout/FlowElements.h"
#include "layout/elements/Attachments.h"
#include "layout/elements/Text.h"

namespace gongwen {
namespace {

bool isTrailingMark(char32_t c) {
  return std::u32string_view(U"。，、；：！？.,;:!?").find(c) != std::u32string_view::npos;
}

}  // namespace

void placeAttachmentNotes(FlowContext& ctx, const FlowElement& el, const AttachmentNotesSpec& spec,
                          const Record& record) {
  const auto* content = record.content<AttachmentsContent>(el.field);
  if (!content || content->attachments.empty()) return;
  const auto& attachments = content->attachments;
  const TextStyle& style = ctx.layout().style(el.style);
  const double em = emOf(ctx, style);
  const std::u32string label = ctx.prepare(spec.label);
  const double labelLeft = spec.indentEm * em;
  const bool numbered = attachments.size() > 1;
  // The label's full-width cells take the grid's pitch, so the number starts a whole
  // number of cells in.
  const double numberLeft = labelLeft + static_cast<double>(label.size()) * em;
  ctx.blankLines(el.blankLinesBefore);
  for (size_t i = 0; i < attachments.size(); ++i) {
    std::u32string name = trimmedText(ctx.prepare(attachments[i].title));
    while (!name.empty() && isTrailingMark(name.back())) name.pop_back();
    std::u32string number = numbered ? ctx.prepare(std::to_string(i + 1) + ".") : U"";
    const double nameLeft =
        numberLeft +
        (number.empty() ? 0 : composeSingleLine(ctx, number, style, el.path, 1e6).width());
    std::u32string text = (i == 0 ? label : U"") + number + name;
    auto shaped =
        std::make_shared<const ShapedText>(ctx.shape(text, style, attachments[i].where + ".title"));
    ParagraphStyle ps = ctx.paragraphStyle(style);
    ps.indent = nameLeft;
    ps.firstIndent = (i == 0 ? labelLeft : numberLeft) - nameLeft;
    ctx.placeParagraph(shaped, composeParagraph(*shaped, ps));
  }
  ctx.skipLines(el.blankLinesAfter);
}

}  // namespace gongwen
