// 发文字号 and 签发人 (7.2.4, 7.2.6): the document number centred, a set number of lines
// below the mark. With signers (an upward document, 上行文) the signers stand right-aligned
// with a one-em right indent ("签发人：" in the label style, names in the signer style,
// two a line, later lines aligned under the first name), and the number sits flush left
// with a one-em indent on the line of the last signer.
#include <algorithm>

#include "common/Errors.h"
#include "common/Json.h"
#include "layout/FlowElements.h"
#include "layout/elements/FieldText.h"
#include "layout/elements/Text.h"

namespace gongwen {

void placeDocNumber(FlowContext& ctx, const FlowElement& el, const DocNumberSpec& spec,
                    const Record& record) {
  const Layout& layout = ctx.layout();
  const std::string number = fieldText(record, layout, el.field, "doc_number");
  const std::string& signersField = spec.signersField;
  std::vector<std::string> signers =
      signersField.empty() ? std::vector<std::string>{} : record.list(signersField);
  if (number.empty() && signers.empty()) return;

  const Grid& grid = ctx.grid();
  const TextStyle& style = layout.style(el.style);
  const double em = emOf(ctx, style);
  ctx.currentPage();
  int slot =
      ctx.nearestSlotBelow(ctx.anchor(), spec.belowAnchorLines * grid.linePitch, style.sizePt);
  SingleLine num;
  if (!number.empty()) {
    num = composeSingleLine(ctx, ctx.prepare(number), style, record.path(el.field), grid.width);
  }
  if (signers.empty()) {
    ctx.placeLineAt(*num.text, num.line, slot, grid.left + (grid.width - num.width()) / 2);
    ctx.setSlot(slot + 1);
    return;
  }

  const TextStyle& labelStyle = layout.style(spec.labelStyle);
  const TextStyle& nameStyle = layout.style(spec.nameStyle);
  const int perLine = spec.namesPerLine;
  const double nameGap = spec.nameGapEm * emOf(ctx, nameStyle);
  SingleLine label =
      composeSingleLine(ctx, ctx.prepare(spec.label), labelStyle, el.path, grid.width);
  std::vector<SingleLine> names;
  for (size_t i = 0; i < signers.size(); ++i) {
    names.push_back(composeSingleLine(ctx, trimmedText(ctx.prepare(signers[i])), nameStyle,
                                      jsonPath(record.path(signersField), i), grid.width));
  }
  // Columns: every line's k-th name starts where the widest k-th name of any line does.
  std::vector<double> columnWidth(static_cast<size_t>(perLine), 0);
  for (size_t i = 0; i < names.size(); ++i) {
    double& w = columnWidth[i % static_cast<size_t>(perLine)];
    w = std::max(w, names[i].width());
  }
  double namesWidth = 0;
  const size_t columns = std::min(names.size(), static_cast<size_t>(perLine));
  for (size_t c = 0; c < columns; ++c) namesWidth += columnWidth[c] + (c ? nameGap : 0);
  const double right = grid.right() - spec.rightIndentEm * em;
  const double namesLeft = right - namesWidth;
  ctx.placeLineAt(*label.text, label.line, slot, namesLeft - label.width());
  const int lines = static_cast<int>((names.size() + perLine - 1) / perLine);
  for (size_t i = 0; i < names.size(); ++i) {
    const size_t c = i % static_cast<size_t>(perLine);
    double x = namesLeft;
    for (size_t k = 0; k < c; ++k) x += columnWidth[k] + nameGap;
    ctx.placeLineAt(*names[i].text, names[i].line, slot + static_cast<int>(i) / perLine, x);
  }
  if (!number.empty()) {
    const double numberLeft = grid.left + spec.numberIndentEm * em;
    if (numberLeft + num.width() > namesLeft - label.width() - em) {
      throw InputError(record.path(el.field),
                       Message("the document number and the signers do not fit on one line"));
    }
    ctx.placeLineAt(*num.text, num.line, slot + lines - 1, numberLeft);
  }
  ctx.setSlot(slot + lines);
}

}  // namespace gongwen
