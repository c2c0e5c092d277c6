// Reads a spreadsheet saved as CSV into records: a header row of field names, then one
// record per row. UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (what Excel
// writes on Chinese Windows), detected. RFC 4180 quoting: fields in double quotes may hold
// commas, newlines and doubled quotes.
#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>
#include <vector>

#include "batch/SheetRows.h"

namespace gongwen {

struct CsvRow {
  size_t line = 0;                 // 1-based line where the row starts (the header is line 1)
  Poco::JSON::Object::Ptr record;  // field → string; empty cells are left out
  Message error;                   // set when the row itself is malformed (wrong cell count)
};

struct CsvTable {
  std::string encoding;  // "UTF-8", "UTF-16LE", "GB18030" …
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
};

// Throws InputError naming `source` (and the line) when the file cannot be read as CSV
// at all: not UTF-8/UTF-16/GB18030, no header, an empty or repeated field name, an
// unterminated quote.
CsvTable readCsv(std::string_view bytes, const std::string& source);

// The rows of cells, blank lines left out, no header taken: what SheetTable reads a CSV
// as. `format` is the encoding found ("UTF-8", "GB18030" …). Throws InputError like readCsv.
// With a `sink`, each row goes to it as soon as it is read and is not kept (the result then
// has the format only); reading stops when the sink returns false.
SheetRows readCsvRows(std::string_view bytes, const std::string& source, const RowSink& sink = {});

}  // namespace gongwen
