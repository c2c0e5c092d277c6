// Entries with unit, name and position as a ruled table (表彰名单): the columns and their
// headers come from the layout ("table_columns", widths in grid cells) or the group's
// "columns"; the table itself is a RuledTable (a cell's text wraps inside its column; a row
// takes as many grid lines as its tallest cell and is never split across pages; the
// header row repeats on every page).
#include <algorithm>

#include "common/Errors.h"
#include "common/Units.h"
#include "layout/RuledTable.h"
#include "layout/elements/NameGroups.h"
#include "layout/elements/Text.h"

namespace gongwen {

void placeEntryTable(FlowContext& ctx, const NameGroupsSpec& spec, const NameGroup& group) {
  const Grid& grid = ctx.grid();
  RuledTableStyle style;
  style.cell = &ctx.layout().style(spec.tableStyle);
  style.header = &ctx.layout().style(spec.tableHeaderStyle);
  style.paddingPt = mmToPt(spec.cellPaddingMm);
  style.ruleWidthPt = mmToPt(spec.ruleWidthMm);

  // The columns: the layout's, or those the group names, stretched to the block's width.
  std::vector<RuledColumn> columns;
  std::vector<double> cells;
  for (const NameGroupsSpec::Column& c : spec.tableColumns) {
    const std::string& key = c.key;
    if (!group.columns.empty() &&
        std::find(group.columns.begin(), group.columns.end(), key) == group.columns.end())
      continue;
    RuledColumn col;
    col.key = key;
    col.header = ctx.prepare(c.header);
    col.align = c.align;
    columns.push_back(col);
    cells.push_back(c.cells);
  }
  if (!group.columns.empty()) {  // in the group's order
    std::vector<RuledColumn> ordered;
    std::vector<double> orderedCells;
    for (const auto& key : group.columns) {
      for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].key == key) {
          ordered.push_back(columns[i]);
          orderedCells.push_back(cells[i]);
        }
      }
    }
    columns = std::move(ordered);
    cells = std::move(orderedCells);
  }
  if (columns.empty()) throw InputError(group.where, Message("the table has no columns to print"));
  double total = 0;
  for (double c : cells) total += c;
  double x = grid.left;
  for (size_t i = 0; i < columns.size(); ++i) {
    columns[i].x0 = x;
    x += grid.width * cells[i] / total;
    columns[i].x1 = x;
  }

  std::vector<RuledRow> rows;
  for (size_t r = 0; r < group.entries.size(); ++r) {
    const EntryRow& entry = group.entries[r];
    RuledRow row;
    row.where = entry.where;
    for (const auto& c : columns) {
      auto it = entry.cells.find(c.key);
      if (c.key == "index" && (it == entry.cells.end() || it->second.empty())) {
        const std::string n = std::to_string(r + 1);
        row.cells.emplace_back(n.begin(), n.end());
      } else {
        row.cells.push_back(it == entry.cells.end() ? std::u32string() : it->second);
      }
    }
    rows.push_back(std::move(row));
  }
  placeRuledTable(ctx, columns, rows, style, group.where);
}

}  // namespace gongwen
