// Reads one worksheet of an Excel workbook (.xlsx: a zip of XML parts) into rows of text,
// the same shape a CSV gives. The sheet is streamed (scanned as zlib inflates it:
// batch/XlsxParts.h), never held as a DOM. Cell values as Excel shows them where it
// matters to a certificate: shared and inline strings as typed (000123 stays 000123),
// whole numbers without ".0", date cells (by their number format, 1900 or 1904 date system) as
// YYYY-MM-DD, booleans as TRUE/FALSE, formulas by their cached value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "batch/SheetRows.h"

namespace gongwen {

struct XlsxLimits {
  std::string sheet;                         // "" = the first sheet
  uint64_t maxInflatedBytes = 256ull << 20;  // all the parts read, inflated (zip bombs)
  size_t maxRows = 1'000'000;                // rows of records (0 = no limit)
  size_t rowsAboveRecords = 0;               // read besides, for the title and header rows
};

// True when `bytes` start like a zip file (PK\3\4), as an .xlsx does.
bool looksLikeZip(std::string_view bytes);
// True when `bytes` start like an OLE compound file (D0 CF 11 E0): an old .xls workbook,
// or an .xlsx saved with a password (Excel encrypts it into one).
bool looksLikeOleFile(std::string_view bytes);

// Throws InputError naming `source` (and the sheet, row and column where there is one)
// when the bytes are not a readable workbook: not a zip, an .xls or encrypted file, no
// such sheet, a part inflating past the limit, more rows than the limit.
// With a `sink`, each row goes to it as soon as it is read and is not kept in the result
// (which then has the sheet's name, format and merged cells only); reading stops when the
// sink returns false.
SheetRows readXlsx(std::string_view bytes, const std::string& source, const XlsxLimits& limits = {},
                   const RowSink& sink = {});

// Excel's serial day number → {year, month, day}; `date1904` for the 1904 date system.
// Throws std::out_of_range for serial 60 of the 1900 system (1900-02-29, which Excel
// counts but which never was) and for serials before the system's first day.
struct SerialDate {
  int year, month, day;
};
SerialDate excelSerialToDate(long serial, bool date1904);

// Whether an Excel number format shows a date: built-in ids 14–22, 27–36, 45–47, 50–58
// (the last two ranges are the Chinese locale's 年月日 formats), or a custom format code
// with y, m or d outside quotes and brackets.
bool isDateFormat(int numFmtId, const std::string& formatCode);

}  // namespace gongwen
