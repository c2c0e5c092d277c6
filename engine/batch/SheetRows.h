// The cells of a spreadsheet as rows of text, whatever it was saved as (CSV, xlsx): what
// SheetTable turns into records once it has found the header row.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "common/Errors.h"

namespace gongwen {

struct SheetRow {
  size_t number = 0;               // 1-based row (xlsx) or line (CSV) number
  std::vector<std::string> cells;  // column 1 first; trailing empty cells may be absent
  // Cells that have no usable value, by 0-based column: a formula without a cached value,
  // an error value (#DIV/0!). Only an error when the cell is in a column that is read.
  std::vector<std::pair<size_t, Message>> cellErrors;
  Message error;  // the row itself is malformed (a CSV row with too many cells)
};

// A block of merged cells, 1-based and inclusive ("A1:E1" → rows 1–1, columns 1–5).
struct MergedRange {
  std::string ref;
  size_t firstRow = 0, lastRow = 0, firstColumn = 0, lastColumn = 0;
};

struct SheetRows {
  std::string format;  // "CSV (UTF-8)", "xlsx"
  std::string sheet;   // the worksheet's name (xlsx); "" for CSV
  std::vector<SheetRow> rows;
  std::vector<MergedRange> merges;
};

// More rows than one batch may have (the server answers 413).
class TooManyRows : public InputError {
 public:
  using InputError::InputError;
};

// Takes each row as it is read instead of the reader keeping them all (`sheet` holds the
// sheet's name and format); returns false to stop reading.
using RowSink = std::function<bool(const SheetRows& sheet, SheetRow& row)>;

// "A" for column 1, "AB" for column 28.
std::string columnLetters(size_t column);

}  // namespace gongwen
