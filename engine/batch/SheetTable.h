// A spreadsheet (CSV or .xlsx, told apart by their bytes) as batch records of one layout:
// finds the header row (the first row in which at least two cells name fields; title rows
// above it are skipped), matches each header to a field by its name, its Chinese label or
// one of its aliases (spaces and full-width/half-width forms ignored), reports a header
// that matches nothing once, and turns every row below into a record.
#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "batch/BatchRenderer.h"
#include "batch/SheetRows.h"
#include "model/Layout.h"

namespace gongwen {

struct SheetOptions {
  std::string sheet;                         // xlsx: the worksheet to read ("" = the first)
  size_t maxRows = 1'000'000;                // rows of records read at most
  uint64_t maxInflatedBytes = 256ull << 20;  // xlsx: the parts read, inflated
  // Values every row shares (--set FIELD=VALUE, an HTTP batch's "defaults"): they count as
  // columns, so a required field given here needs no column; a row's own value wins.
  Poco::JSON::Object::Ptr defaults;
};

struct SheetItems {
  std::vector<BatchItem> items;
  std::vector<Message> warnings;  // about the sheet as a whole (a column no field has)
  std::string format;             // "xlsx", "UTF-8", "GB18030" …
  size_t headerRow = 0;           // 1-based
  size_t records = 0;             // the rows of records read
};

// Takes each record of a sheet as soon as its row is read; returns false to stop reading.
using SheetItemSink = std::function<bool(BatchItem& item)>;

// Throws InputError naming `source` (and sheet, row, column) when the sheet as a whole
// cannot be read: see readCsvRows and readXlsx, and: no header row, two columns for one
// field, no column for a required field, a formula without a value or merged cells in the
// rows read.
SheetItems itemsFromSheet(std::string_view bytes, const std::string& source, const Layout& layout,
                          const SheetOptions& options = {});

// Like itemsFromSheet, but each record (shared values applied) goes to `take` as soon as its
// row is read and is not kept: the result has no items, only the warnings, format, header
// row and count. When `take` returns false, reading stops there and the checks that need
// the sheet's end (merged cells, the row limit) are not made.
SheetItems forEachSheetItem(std::string_view bytes, const std::string& source, const Layout& layout,
                            const SheetOptions& options, const SheetItemSink& take);

// The rows of a CSV or an .xlsx (told apart by their bytes: PK or D0 CF 11 E0 is a
// workbook), no header taken. Throws InputError like itemsFromSheet.
SheetRows readSheetRows(std::string_view bytes, const std::string& source,
                        const SheetOptions& options = {});

// The other column headers a field goes by: its "aliases" in the layout file (姓名, 名称
// for recipient).
std::vector<std::string> fieldAliases(const Layout& layout, const std::string& field);

// How a header compares: spaces (also U+3000) and a trailing colon or asterisk dropped,
// full-width ASCII folded to half-width, ASCII lower-cased.
std::string headerKey(std::string_view header);

}  // namespace gongwen
