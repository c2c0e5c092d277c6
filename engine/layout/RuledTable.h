// A ruled table on the body grid (表格): the columns between vertical rules, a header row
// repeated at the top of every page the table crosses, each cell's text wrapped inside its
// column, a row as many grid lines tall as its tallest cell and never split across pages
// unless it is taller than a page.
// Used by the commendation list's entries (elements/EntryTable.cpp) and the body's tables
// (elements/BodyTable.cpp).
#pragma once

#include <string>
#include <vector>

#include "layout/FlowContext.h"

namespace gongwen {

struct RuledColumn {
  std::u32string header;
  double x0 = 0, x1 = 0;  // pt, its rules
  Alignment align = Alignment::Left;
  std::string key;  // appended to a row's path in messages ("unit"), may be empty
};

struct RuledRow {
  std::vector<std::u32string> cells;  // one per column
  std::string where;                  // "$.body[3].table.rows[2]"
};

struct RuledTableStyle {
  const TextStyle* cell = nullptr;
  const TextStyle* header = nullptr;
  double paddingPt = 0, ruleWidthPt = 0;
  bool centredHeader = false;  // the header cells centred (else as their column)
};

// Places the table from the flow's next line, starting a page when the header and the first
// row do not fit. A row taller than a page is the one that is split: its lines fill each
// page under the repeated header. Throws InputError(where) for a header taller than a page.
void placeRuledTable(FlowContext& ctx, const std::vector<RuledColumn>& columns,
                     const std::vector<RuledRow>& rows, const RuledTableStyle& style,
                     const std::string& where);

// "left", "center", "right"; InputError(where) otherwise.
Alignment cellAlignment(const std::string& s, const std::string& where);

}  // namespace gongwen
