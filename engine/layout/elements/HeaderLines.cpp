// Short header lines on the body grid: 份号, 密级, 紧急程度 flush left one per line (7.2.1–
// 7.2.3); a letter's 发文字号 flush right beside them (10.1); a minutes' 期号 centred and
// its issuer and date (local practice). Each row has a left, centre and right cell, each
// naming a field; rows whose fields are all absent are dropped, and with "pack_columns"
// each column's present fields move up to the first rows.
#include <algorithm>
#include <array>

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

}  // namespace

void placeHeaderLines(FlowContext& ctx, const FlowElement& el, const HeaderLinesSpec& spec,
                      const Record& record) {
  const Layout& layout = ctx.layout();
  // columns[c] = the present cells of column c, top to bottom (with empty slots unless packed)
  std::vector<std::array<Cell, 3>> rows;
  for (const auto& row : spec.rows) {
    std::array<Cell, 3> cells;
    bool any = false;
    for (size_t c = 0; c < row.size(); ++c) {
      const HeaderLinesSpec::Cell& cell = row[c];
      if (!cell.present) continue;
      std::string text = fieldText(record, layout, cell.field, cell.format);
      if (text.empty()) continue;
      cells[c] = {text, record.path(cell.field), &layout.style(cell.style), cell.indentEm};
      any = true;
    }
    if (any) rows.push_back(cells);
  }
  if (spec.packColumns) {
    std::vector<std::array<Cell, 3>> packed;
    for (size_t c = 0; c < 3; ++c) {
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
  if (spec.belowAnchorLines) {
    slot = ctx.nearestSlotBelow(ctx.anchor(), *spec.belowAnchorLines * grid.linePitch, body);
  } else if (spec.belowAnchorEm) {
    slot = ctx.firstSlotBelow(ctx.anchor(), *spec.belowAnchorEm * body, body);
  } else {
    slot += el.blankLinesBefore;
  }
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) {
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
