// 版记 (7.4): at the bottom of the last page, its last rule on the block's bottom edge.
// Rules as wide as the block, the first and the last thick, those between thin; 抄送 with
// a one-em indent on both sides, wrapped lines aligned after the colon, ending with "。";
// 印发机关 (one em in) and 印发日期 + "印发" (one em from the right) on the last line.
// When it does not fit under the text it goes on a page of its own, which carries no page
// number (7.5); with "even_page" (two-sided printing) it always ends on an even page, and a
// blank page put before it carries no number either. A letter's (10.1) has no rules and no
// printer line: "rules": false, "printer_field": "".
#include <algorithm>

#include "common/Errors.h"
#include "layout/FlowElements.h"
#include "layout/elements/FieldText.h"
#include "layout/elements/Text.h"

namespace gongwen {
namespace {

bool isEndMark(char32_t c) {
  return std::u32string_view(U"。，、；：,.;:").find(c) != std::u32string_view::npos;
}

}  // namespace

void placeColophon(FlowContext& ctx, const FlowElement& el, const ColophonSpec& spec,
                   const Record& record) {
  const Layout& layout = ctx.layout();
  const Grid& grid = ctx.grid();
  const TextStyle& style = layout.style(el.style);
  const double em = style.sizePt;
  const double inner = spec.indentEm * em;

  // 抄送
  std::u32string cc;
  for (const auto& name : record.list(spec.ccField)) {
    std::u32string n = trimmedText(ctx.prepare(name));
    while (!n.empty() && isEndMark(n.back())) n.pop_back();
    if (n.empty()) continue;
    if (!cc.empty()) cc += ctx.prepare(spec.separator);
    cc += n;
  }
  std::shared_ptr<const ShapedText> ccText;
  std::vector<LineBox> ccLines;
  if (!cc.empty()) {
    const std::u32string label = ctx.prepare(spec.ccLabel);
    ccText = std::make_shared<const ShapedText>(
        ctx.shape(label + cc + ctx.prepare(spec.endMark), style, record.path(spec.ccField)));
    ParagraphStyle ps = ctx.paragraphStyle(style);
    ps.width = grid.width - 2 * inner;
    ps.align = Alignment::Justify;
    // Wrapped lines start where the first name does (the colon's full cell included).
    ps.indent = composeSingleLine(ctx, label + U"中", style, el.path, 1e6).line.x.back();
    ps.firstIndent = -ps.indent;
    ccLines = composeParagraph(*ccText, ps);
  }
  // 印发机关和印发日期
  const std::string& printerField = spec.printerField;
  const std::string printer = fieldText(record, layout, printerField);
  const std::string& printDateField = spec.dateField;
  std::string printDate = fieldText(record, layout, printDateField);
  if (!printDate.empty()) printDate += spec.printedSuffix;
  const bool printerRow = !printerField.empty() && (!printer.empty() || !printDate.empty());

  const int rows = static_cast<int>(ccLines.size()) + (printerRow ? 1 : 0);
  if (rows == 0) return;
  if (rows > grid.lines) {
    throw InputError(record.path(spec.ccField),
                     Message("the colophon (版记) is longer than a page"));
  }
  const int first = grid.lines - rows;

  ctx.currentPage();
  bool alone = false;
  if (ctx.slot() >= grid.lines || ctx.freeSlot() + spec.minBlankLinesBefore > first) {
    ctx.newPage();
    ctx.page();
    alone = true;
  }
  if (spec.evenPage && ctx.pageIndex() % 2 == 0) {
    if (alone) ctx.omitPageNumber(ctx.pageIndex());  // a blank page before the colophon's
    ctx.newPage();
    ctx.page();
    alone = true;
  }
  if (alone) ctx.omitPageNumber(ctx.pageIndex());

  for (size_t i = 0; i < ccLines.size(); ++i) {
    ctx.placeLineAt(*ccText, ccLines[i], first + static_cast<int>(i), grid.left + inner);
  }
  if (printerRow) {
    const int slot = grid.lines - 1;
    if (!printer.empty()) {
      SingleLine l = composeSingleLine(ctx, trimmedText(ctx.prepare(printer)), style,
                                       record.path(printerField), grid.width - 2 * inner);
      ctx.placeLineAt(*l.text, l.line, slot, grid.left + inner);
    }
    if (!printDate.empty()) {
      SingleLine l = composeSingleLine(ctx, ctx.prepare(printDate), style,
                                       record.path(printDateField), grid.width - 2 * inner);
      ctx.placeLineAt(*l.text, l.line, slot, grid.right() - inner - l.width());
    }
  }
  if (spec.rules) {
    const double thick = mmToPt(spec.thickMm);
    const double thin = mmToPt(spec.thinMm);
    const Color color = spec.ruleColor;
    auto rule = [&](double centreY, double height) {
      FilledRect r;
      r.x = grid.left;
      r.width = grid.width;
      r.y = std::min(centreY - height / 2, grid.bottom() - height);
      r.height = height;
      r.color = color;
      ctx.addItem(r);
    };
    rule(grid.top + first * grid.linePitch, thick);
    if (!ccLines.empty() && printerRow) rule(grid.top + (grid.lines - 1) * grid.linePitch, thin);
    rule(grid.bottom(), thick);
  }
  ctx.setSlot(grid.lines);
}

}  // namespace gongwen
