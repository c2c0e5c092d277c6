// Short header lines on the body grid: 份号, 密级, 紧急程度 flush left one per line (7.2.1–
// 7.2.3); a letter's 发文字号 flush right beside them (10.1); a minutes' 期号 centred and
// its issuer and date (local practice). Each row has a left, centre and right cell, each
// naming a field; rows whose fields are all absent are dropped, and with "pack_columns"
// each column's present fields move up to the first rows.
#include <algorithm>
#include <array>

#include "layout/ElementParams.h"
#include "layout/FlowElements.h"
#include "layout/elements/FieldText.h"
#include "layout/elements/Text.h"

namespace gongwen {
namespace {

struct Cell {
  std::string text, where;
  const TextStyle* style = nullptr;
  double indentEm = 0;
};

constexpr std::array<const char*, 3> kColumns = {"left", "center", "right"};

}  // namespace

void placeHeaderLines(FlowContext& ctx, const FlowElement& el, const Record& record) {
  ElementParams p(el);
  const Layout& layout = ctx.layout();
  // columns[c] = the present cells of column c, top to bottom (with empty slots unless packed)
  std::vector<std::array<Cell, 3>> rows;
  for (const ElementParams& row : p.objects("rows")) {
    std::array<Cell, 3> cells;
    bool any = false;
    for (size_t c = 0; c < kColumns.size(); ++c) {
      if (!row.has(kColumns[c])) continue;
      ElementParams cell = row.object(kColumns[c]);
      std::string field = cell.str("field");
      std::string text = fieldText(record, layout, field, cell.str("format"));
      if (text.empty()) continue;
      cells[c] = {text, record.path(field), &cell.style(layout, "style", el.style),
                  cell.number("indent_em", 0)};
      any = true;
    }
    if (any) rows.push_back(cells);
  }
  if (p.boolean("pack_columns", false)) {
    std::vector<std::array<Cell, 3>> packed;
    for (size_t c = 0; c < kColumns.size(); ++c) {
      size_t r = 0;
      for (const auto& row : rows) {
        if (row[c].style == nullptr) continue;
        if (packed.size() <= r) packed.emplace_back();
        packed[r++][c] = row[c];
      }
    }
    rows = std::move(packed);
  }
  if (rows.empty()) return;

  const Grid& grid = ctx.grid();
  ctx.currentPage();
  int slot = ctx.slot();
  const double body = ctx.layout().style(el.style.empty() ? "body" : el.style).sizePt;
  if (p.has("below_anchor_lines")) {
    slot = ctx.nearestSlotBelow(ctx.anchor(), p.number("below_anchor_lines", 0) * grid.linePitch,
                                body);
  } else if (p.has("below_anchor_em")) {
    slot = ctx.firstSlotBelow(ctx.anchor(), p.number("below_anchor_em", 0) * body, body);
  } else {
    slot += el.blankLinesBefore;
  }
  for (const auto& row : rows) {
    for (size_t c = 0; c < kColumns.size(); ++c) {
      const Cell& cell = row[c];
      if (cell.style == nullptr) continue;
      const double em = emOf(ctx, *cell.style);
      const double indent = cell.indentEm * em;
      SingleLine line = composeSingleLine(ctx, ctx.prepare(cell.text), *cell.style, cell.where,
                                          grid.width - indent);
      double x = grid.left + indent;
      if (c == 1) x = grid.left + (grid.width - line.width()) / 2;
      if (c == 2) x = grid.right() - indent - line.width();
      ctx.placeLineAt(*line.text, line.line, slot, x);
    }
    ++slot;
  }
  ctx.setSlot(slot + el.blankLinesAfter);
}

}  // namespace gongwen
