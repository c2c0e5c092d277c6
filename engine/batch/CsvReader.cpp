#include "batch/CsvReader.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <set>

#include "common/CHandle.h"
#include "common/Errors.h"
#include "common/Utf8.h"

namespace gongwen {
namespace {

std::string convertToUtf8(std::string_view bytes, const char* charset, const std::string& source) {
  UErrorCode status = U_ZERO_ERROR;
  CHandle<UConverter, ucnv_close> conv(ucnv_open(charset, &status));
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU has no converter for ") + charset);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string utf16(bytes.size() + 1, u'\0');
  status = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv.get(), reinterpret_cast<UChar*>(utf16.data()),
                            static_cast<int32_t>(utf16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) {
    throw InputError(source, Message("the file is neither UTF-8 nor {0} text; save it as CSV "
                                     "UTF-8 (or CSV from Excel on Chinese Windows)",
                                     charset));
  }
  utf16.resize(static_cast<size_t>(n));
  std::string out;
  out.reserve(utf16.size() * 3);
  for (size_t i = 0; i < utf16.size(); ++i) {
    char32_t c = utf16[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < utf16.size()) {
      c = 0x10000 + ((c - 0xD800) << 10) + (utf16[i + 1] - 0xDC00);
      ++i;
    }
    appendUtf8(out, c);
  }
  return out;
}

// UTF-16 saved without a byte order mark: every other byte of ASCII text is 0. Returns
// "UTF-16LE", "UTF-16BE" or "".
std::string utf16WithoutBom(std::string_view bytes) {
  size_t even = 0, odd = 0;
  const size_t n = std::min<size_t>(bytes.size(), 4096) & ~size_t{1};
  for (size_t i = 0; i < n; i += 2) {
    even += bytes[i] == '\0';
    odd += bytes[i + 1] == '\0';
  }
  if (n < 4) return "";
  if (odd * 4 >= n && even * 20 < n) return "UTF-16LE";
  if (even * 4 >= n && odd * 20 < n) return "UTF-16BE";
  return "";
}

// GB18030 decodes almost any bytes, so Big5 or Shift-JIS text would turn into the wrong
// characters without an error. Chinese office text in GB18030 keeps to the common
// characters of GB2312 (both bytes 0xA1–0xFE) nearly always; text in another encoding
// read as GB18030 does not. Throws when more than a quarter of the double-byte characters
// fall outside GB2312 (a name's rare character or two is fine).
void checkLooksLikeGb18030(std::string_view bytes, const std::string& source) {
  size_t common = 0, other = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80 || i + 1 >= bytes.size()) continue;
    const auto t = static_cast<unsigned char>(bytes[i + 1]);
    if (t >= 0x30 && t <= 0x39) {  // a four-byte sequence
      ++other;
      i += 3;
      continue;
    }
    if (b >= 0xA1 && b <= 0xF7 && t >= 0xA1) {
      ++common;
    } else {
      ++other;
    }
    ++i;
  }
  if (common + other >= 8 && other * 4 > common + other) {
    throw InputError(source, Message("is neither UTF-8 nor GB18030 as Chinese text would be ({0} "
                                     "of {1} characters would be rare ones: is it Big5 or "
                                     "Shift-JIS?); save it as UTF-8 (Excel: CSV UTF-8)",
                                     other, common + other));
  }
}

// The text in UTF-8: `bytes` themselves when they are UTF-8 (no copy of a large file),
// else their conversion, kept in `converted`.
std::string_view decodeCsvBytes(std::string_view bytes, const std::string& source,
                                std::string& encoding, std::string& converted) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    encoding = "UTF-8";
    bytes.remove_prefix(3);
    if (auto bad = findInvalidUtf8(bytes)) {
      throw InputError(source,
                       Message("invalid UTF-8 at line {0}, column {1}", bad->line, bad->column));
    }
    return bytes;
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") {
    encoding = "UTF-16LE";
    return converted = convertToUtf8(bytes.substr(2), "UTF-16LE", source);
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") {
    encoding = "UTF-16BE";
    return converted = convertToUtf8(bytes.substr(2), "UTF-16BE", source);
  }
  if (std::string utf16 = utf16WithoutBom(bytes); !utf16.empty()) {
    encoding = utf16;
    return converted = convertToUtf8(bytes, utf16.c_str(), source);
  }
  if (!findInvalidUtf8(bytes)) {
    encoding = "UTF-8";
    return bytes;
  }
  checkLooksLikeGb18030(bytes, source);
  encoding = "GB18030";
  return converted = convertToUtf8(bytes, "GB18030", source);
}

std::string trim(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
  return s.substr(a, b - a);
}

}  // namespace

SheetRows readCsvRows(std::string_view bytes, const std::string& source, const RowSink& sink) {
  SheetRows out;
  std::string converted;
  const std::string_view text = decodeCsvBytes(bytes, source, out.format, converted);

  // Split into rows of cells, honouring quotes.
  std::vector<SheetRow>& raw = out.rows;
  char delimiter = ',';
  {
    size_t firstLineEnd = text.find('\n');
    std::string_view first = text.substr(0, firstLineEnd);
    if (first.find(',') == std::string::npos && first.find('\t') != std::string::npos) {
      delimiter = '\t';
    }
  }
  size_t line = 1;
  SheetRow row;
  row.number = 1;
  std::string cell;
  bool quoted = false, cellWasQuoted = false;
  size_t quoteLine = 0;
  bool stopped = false;  // by the sink
  auto endRow = [&] {
    bool blank = true;  // blank lines are not records
    for (const auto& c : row.cells) blank = blank && c.empty();
    if (!blank && sink) {
      stopped = !sink(out, row);
    } else if (!blank) {
      raw.push_back(std::move(row));
    }
    row = SheetRow{};
  };
  for (size_t i = 0; i < text.size() && !stopped; ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell.push_back(c);
      }
      continue;
    }
    if (c == '"' && trim(cell).empty()) {
      quoted = true;
      cellWasQuoted = true;
      quoteLine = line;
      cell.clear();
    } else if (c == delimiter) {
      row.cells.push_back(cellWasQuoted ? cell : trim(cell));
      cell.clear();
      cellWasQuoted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.cells.push_back(cellWasQuoted ? cell : trim(cell));
      cell.clear();
      cellWasQuoted = false;
      endRow();
      ++line;
      row.number = line;
    } else {
      cell.push_back(c);
    }
  }
  if (stopped) return out;
  if (quoted) {
    throw InputError(source,
                     Message("line {0}: a quoted field is never closed (missing \")", quoteLine));
  }
  if (!cell.empty() || cellWasQuoted || !row.cells.empty()) {
    row.cells.push_back(cellWasQuoted ? cell : trim(cell));
    endRow();
  }
  return out;
}

CsvTable readCsv(std::string_view bytes, const std::string& source) {
  CsvTable table;
  SheetRows sheet = readCsvRows(bytes, source);
  table.encoding = sheet.format;
  struct RawRow {
    size_t line;
    std::vector<std::string> cells;
  };
  std::vector<RawRow> rows;
  for (auto& r : sheet.rows) rows.push_back(RawRow{r.number, std::move(r.cells)});
  if (rows.empty())
    throw InputError(source, Message("the file is empty; the first row must name the fields"));

  std::set<std::string> seen;
  for (size_t k = 0; k < rows[0].cells.size(); ++k) {
    std::string name = trim(rows[0].cells[k]);
    if (name.empty()) {
      throw InputError(source, Message("line {0}: column {1} of the header has no field name",
                                       rows[0].line, k + 1));
    }
    if (!seen.insert(name).second) {
      throw InputError(source, Message("line {0}: field \"{1}\" is named twice in the header",
                                       rows[0].line, name));
    }
    table.header.push_back(name);
  }
  for (size_t r = 1; r < rows.size(); ++r) {
    CsvRow out;
    out.line = rows[r].line;
    out.record = new Poco::JSON::Object;
    const auto& cells = rows[r].cells;
    if (cells.size() > table.header.size()) {
      bool extraEmpty = true;
      for (size_t k = table.header.size(); k < cells.size(); ++k) extraEmpty &= cells[k].empty();
      if (!extraEmpty) {
        out.error = Message("has {0} cells but the header names {1} fields", cells.size(),
                            table.header.size());
      }
    }
    for (size_t k = 0; k < table.header.size() && k < cells.size(); ++k) {
      if (!cells[k].empty()) out.record->set(table.header[k], cells[k]);
    }
    table.rows.push_back(std::move(out));
  }
  return table;
}

}  // namespace gongwen
