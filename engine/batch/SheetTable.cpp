#include "batch/SheetTable.h"

#include <Poco/JSON/Array.h>

#include <map>

#include "batch/CsvReader.h"
#include "batch/SharedValues.h"
#include "batch/XlsxReader.h"
#include "common/Errors.h"
#include "common/Utf8.h"

namespace gongwen {
namespace {

// How many rows from the top the header may be (title rows, notes above it).
constexpr size_t kHeaderSearchRows = 50;

std::vector<std::string> splitList(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    size_t a = cur.find_first_not_of(" \t\r"), b = cur.find_last_not_of(" \t\r");
    if (a != std::string::npos) out.push_back(cur.substr(a, b - a + 1));
    cur.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || s[i] == ';') {
      flush();
    } else if (s.compare(i, 3, "；") == 0) {
      flush();
      i += 2;
    } else {
      cur.push_back(s[i]);
    }
  }
  flush();
  return out;
}

// header key → field name, from every field's name, label and aliases (the first field
// that claims a key keeps it).
std::map<std::string, std::string> headerKeys(const Layout& layout) {
  std::map<std::string, std::string> keys;
  for (const auto& f : layout.fields) {
    keys.emplace(headerKey(f.name), f.name);
    if (!f.label.empty()) keys.emplace(headerKey(f.label), f.name);
    for (const auto& a : fieldAliases(layout, f.name)) keys.emplace(headerKey(a), f.name);
  }
  return keys;
}

std::string describeField(const FieldSpec& f) {
  return f.label.empty() || f.label == f.name ? f.name : f.label + " (" + f.name + ")";
}

std::string rowName(const SheetRows& sheet, size_t row) {
  return sheet.sheet.empty() ? "row " + std::to_string(row)
                             : "sheet \"" + sheet.sheet + "\", row " + std::to_string(row);
}

std::string cellName(const SheetRows& sheet, size_t row, size_t column) {
  return rowName(sheet, row) + ", column " + columnLetters(column + 1);
}

size_t countMatches(const SheetRow& row, const std::map<std::string, std::string>& keys) {
  size_t n = 0;
  for (const auto& c : row.cells) n += !c.empty() && keys.count(headerKey(c));
  return n;
}

}  // namespace

std::vector<std::string> fieldAliases(const Layout& layout, const std::string& field) {
  std::vector<std::string> out;
  if (!layout.root || !layout.root->has("fields")) return out;
  auto fields = layout.root->getArray("fields");
  for (size_t i = 0; fields && i < fields->size(); ++i) {
    auto f = fields->getObject(static_cast<unsigned>(i));
    if (!f || !f->has("name") || f->getValue<std::string>("name") != field) continue;
    auto aliases = f->getArray("aliases");
    for (size_t k = 0; aliases && k < aliases->size(); ++k)
      out.push_back(aliases->get(k).toString());
  }
  return out;
}

std::string headerKey(std::string_view header) {
  std::u32string out;
  for (char32_t c : decodeUtf8(header)) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000 || c == 0xA0) continue;
    if (c >= U'A' && c <= U'Z') c += 32;
    out.push_back(c);
  }
  while (!out.empty() && (out.back() == U':' || out.back() == U'*' || out.back() == 0xFF1A)) {
    out.pop_back();
  }
  return encodeUtf8(out);
}

SheetRows readSheetRows(std::string_view bytes, const std::string& source,
                        const SheetOptions& options) {
  if (looksLikeZip(bytes) || looksLikeOleFile(bytes)) {
    XlsxLimits limits;
    limits.sheet = options.sheet;
    limits.maxInflatedBytes = options.maxInflatedBytes;
    limits.maxRows = options.maxRows;
    limits.rowsAboveRecords = kHeaderSearchRows;
    return readXlsx(bytes, source, limits);
  }
  return readCsvRows(bytes, source);
}

SheetItems itemsFromSheet(std::string_view bytes, const std::string& source, const Layout& layout,
                          const SheetOptions& options) {
  SheetRows sheet = readSheetRows(bytes, source, options);
  SheetItems out;
  out.format = sheet.format;
  const std::string where = sheet.sheet.empty() ? source : source + " [" + sheet.sheet + "]";
  if (sheet.rows.empty()) {
    throw InputError(where, "the sheet is empty; its first rows must name the fields");
  }

  // The header: the first row in which two cells name fields (one when the layout has one).
  const auto keys = headerKeys(layout);
  const size_t needed = layout.fields.size() < 2 ? 1 : 2;
  size_t header = sheet.rows.size();
  for (size_t r = 0; r < sheet.rows.size() && r < kHeaderSearchRows; ++r) {
    if (countMatches(sheet.rows[r], keys) >= needed) {
      header = r;
      break;
    }
  }
  if (header == sheet.rows.size()) {
    std::string names;
    for (const auto& f : layout.fields) names += (names.empty() ? "" : ", ") + describeField(f);
    throw InputError(where, "no header row found: none of the first " +
                                std::to_string(std::min(sheet.rows.size(), kHeaderSearchRows)) +
                                " rows names two of the fields of layout " + layout.name +
                                " in its cells; the header row names the columns: " + names);
  }
  const SheetRow& head = sheet.rows[header];
  out.headerRow = head.number;

  // Columns → fields.
  std::vector<std::string> columnField(head.cells.size());
  std::map<std::string, size_t> fieldColumn;
  std::vector<size_t> unknown;
  for (size_t k = 0; k < head.cells.size(); ++k) {
    if (head.cells[k].empty()) continue;
    auto it = keys.find(headerKey(head.cells[k]));
    if (it == keys.end()) {
      unknown.push_back(k);
      continue;
    }
    auto [seen, fresh] = fieldColumn.emplace(it->second, k);
    if (!fresh) {
      throw InputError(where, rowName(sheet, head.number) + ": columns " +
                                  columnLetters(seen->second + 1) + " and " + columnLetters(k + 1) +
                                  " both name the field " +
                                  describeField(*layout.field(it->second)) + "; keep one");
    }
    columnField[k] = it->second;
  }
  auto hasValue = [&](const std::string& field) {
    return fieldColumn.count(field) || (options.defaults && options.defaults->has(field) &&
                                        !options.defaults->get(field).isEmpty());
  };
  std::string unused;
  for (const auto& f : layout.fields) {
    if (!hasValue(f.name)) unused += (unused.empty() ? "" : ", ") + describeField(f);
  }
  for (size_t k : unknown) {
    out.warnings.push_back(cellName(sheet, head.number, k) + ": \"" + head.cells[k] +
                           "\" is not a field of layout " + layout.name + " (its cells are " +
                           "ignored)" + (unused.empty() ? "" : "; it could be: " + unused));
  }
  for (const auto& f : layout.fields) {
    if (f.required && !hasValue(f.name)) {
      throw InputError(where, rowName(sheet, head.number) + ": no column for the required field " +
                                  describeField(f) + "; name a column " + f.label +
                                  (fieldAliases(layout, f.name).empty()
                                       ? ""
                                       : " (or " + fieldAliases(layout, f.name).front() + ")") +
                                  " or give the value every row shares (--set " + f.name + "=…)");
    }
  }

  // Merged cells in the header or the records: Excel keeps the value in the first cell only.
  for (const auto& m : sheet.merges) {
    if (m.lastRow >= head.number) {
      throw InputError(where, cellName(sheet, m.firstRow, m.firstColumn - 1) + ": cells " + m.ref +
                                  " are merged; in the header and the records every cell "
                                  "holds its own value: unmerge them (and fill the cells)");
    }
  }

  const size_t rowsAfterHeader = sheet.rows.size() - header - 1;
  if (options.maxRows && rowsAfterHeader > options.maxRows) {
    throw TooManyRows(where, std::to_string(rowsAfterHeader) + " records, more than the limit of " +
                                 std::to_string(options.maxRows) + " in one batch");
  }
  bool warnedNoHeader = false;
  for (size_t r = header; r < sheet.rows.size(); ++r) {
    SheetRow& row = sheet.rows[r];
    for (const auto& [column, message] : row.cellErrors) {
      if (column < columnField.size() && !columnField[column].empty()) {
        throw InputError(where, message);
      }
    }
    if (r == header) continue;
    BatchItem item;
    item.label = rowName(sheet, row.number);
    item.path = item.label;
    item.error = row.error;
    item.record = new Poco::JSON::Object;
    if (row.error.empty() && sheet.sheet.empty() && row.cells.size() > columnField.size()) {
      for (size_t k = columnField.size(); k < row.cells.size(); ++k) {
        if (!row.cells[k].empty()) {
          item.error =
              "has a value in column " + columnLetters(k + 1) + ", which the header does not name";
          break;
        }
      }
    }
    for (size_t k = 0; k < row.cells.size(); ++k) {
      if (row.cells[k].empty()) continue;
      if (k >= columnField.size() || columnField[k].empty()) {
        const bool named = k < head.cells.size() && !head.cells[k].empty();
        if (!named && !warnedNoHeader && k < columnField.size()) {
          out.warnings.push_back(cellName(sheet, row.number, k) +
                                 ": a value under an empty header cell is ignored");
          warnedNoHeader = true;
        }
        continue;
      }
      const std::string& field = columnField[k];
      const FieldSpec* spec = layout.field(field);
      if (spec && spec->type == "list") {
        Poco::JSON::Array::Ptr arr = new Poco::JSON::Array;
        for (auto& s : splitList(row.cells[k])) arr->add(s);
        item.record->set(field, arr);
      } else {
        item.record->set(field, std::move(row.cells[k]));
      }
    }
    row.cells.clear();
    row.cells.shrink_to_fit();
    out.items.push_back(std::move(item));
  }
  if (options.defaults) applyDefaults(out.items, options.defaults);
  return out;
}

}  // namespace gongwen
