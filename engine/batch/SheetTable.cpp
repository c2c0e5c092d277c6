#include "batch/SheetTable.h"

#include <Poco/JSON/Array.h>

#include <exception>
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

Message describeField(const FieldSpec& f) {
  if (f.label.empty() || f.label == f.name) return Message::verbatim(f.name);
  return Message("{0} ({1})", f.label, f.name);
}

// "row 12" (第12行), `sheet "名单", row 12`.
Message rowName(const SheetRows& sheet, size_t row) { return rowPlace(sheet.sheet, row); }

// "row 12, column C" (第12行C列); `column` 0-based.
Message cellName(const SheetRows& sheet, size_t row, size_t column) {
  return cellPlace(sheet.sheet, row, columnLetters(column + 1));
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

namespace {

// What the xlsx reader is held to, from the spreadsheet options.
XlsxLimits xlsxLimitsOf(const SheetOptions& options) {
  XlsxLimits limits;
  limits.sheet = options.sheet;
  limits.maxInflatedBytes = options.maxInflatedBytes;
  limits.maxRows = options.maxRows;
  limits.rowsAboveRecords = kHeaderSearchRows;
  return limits;
}

}  // namespace

SheetRows readSheetRows(std::string_view bytes, const std::string& source,
                        const SheetOptions& options) {
  if (looksLikeZip(bytes) || looksLikeOleFile(bytes)) {
    const XlsxLimits limits = xlsxLimitsOf(options);
    return readXlsx(bytes, source, limits);
  }
  return readCsvRows(bytes, source);
}

namespace {

// Turns rows into records as they come (an xlsx sheet is not kept whole): the rows above
// the header are held until the header is found, every row below becomes a record at once.
class TableBuilder {
 public:
  TableBuilder(const Layout& layout, const SheetOptions& options, const std::string& source,
               SheetItems& out, const SheetItemSink& take)
      : layout_(layout),
        options_(options),
        source_(source),
        out_(out),
        take_(take),
        keys_(headerKeys(layout)),
        needed_(layout.fields.size() < 2 ? 1 : 2) {}

  // Called with sheet.sheet and sheet.format known. Returns false (and keeps the error for
  // rethrow()) when the table cannot be read.
  bool add(const SheetRows& sheet, SheetRow& row) {
    try {
      take(sheet, row);
      return !stopped_;
    } catch (...) {
      failure_ = std::current_exception();
      return false;
    }
  }
  void rethrow() const {
    if (failure_) std::rethrow_exception(failure_);
  }

  void finish(const SheetRows& sheet) {
    rethrow();
    out_.records = records_;
    if (stopped_) return;  // by the taker, which has its reason
    const std::string where = whereOf(sheet);
    if (!haveHeader_ && above_.empty() && records_ == 0) {
      throw InputError(where, Message("the sheet is empty; its first rows must name the fields"));
    }
    if (!haveHeader_) {
      std::vector<Message> names;
      for (const auto& f : layout_.fields) names.push_back(describeField(f));
      throw InputError(where, Message("no header row found: none of the first {0} rows names two "
                                      "of the fields of layout {1} in its cells; the header row "
                                      "names the columns: {2}",
                                      above_.size(), layout_.name, joinedList(names)));
    }
    // Merged cells in the header or the records: Excel keeps the value in the first cell.
    for (const auto& m : sheet.merges) {
      if (m.lastRow >= out_.headerRow) {
        throw InputError(where, Message("{0}: {1}", cellName(sheet, m.firstRow, m.firstColumn - 1),
                                        Message("cells {0} are merged; in the header and the "
                                                "records every cell holds its own value: "
                                                "unmerge them (and fill the cells)",
                                                m.ref)));
      }
    }
    if (options_.maxRows && records_ > options_.maxRows) {
      throw TooManyRows(where, Message("{0} records, more than the limit of {1} in one batch",
                                       records_, options_.maxRows));
    }
  }

 private:
  std::string whereOf(const SheetRows& sheet) const {
    return sheet.sheet.empty() ? source_ : source_ + " [" + sheet.sheet + "]";
  }

  void take(const SheetRows& sheet, SheetRow& row) {
    if (haveHeader_) {
      record(sheet, row);
      return;
    }
    if (countMatches(row, keys_) >= needed_) {
      header(sheet, row);
      above_.clear();
      return;
    }
    if (above_.size() < kHeaderSearchRows) {
      above_.push_back(row.number);
      return;
    }
    haveHeader_ = false;
    finish(sheet);  // throws: no header row
  }

  void header(const SheetRows& sheet, SheetRow& head) {
    const std::string where = whereOf(sheet);
    haveHeader_ = true;
    out_.headerRow = head.number;
    headerCells_ = head.cells;
    columnField_.assign(head.cells.size(), "");
    columnIsList_.assign(head.cells.size(), false);
    std::map<std::string, size_t> fieldColumn;
    std::vector<size_t> unknown;
    for (size_t k = 0; k < head.cells.size(); ++k) {
      if (head.cells[k].empty()) continue;
      auto it = keys_.find(headerKey(head.cells[k]));
      if (it == keys_.end()) {
        unknown.push_back(k);
        continue;
      }
      auto [seen, fresh] = fieldColumn.emplace(it->second, k);
      if (!fresh) {
        throw InputError(where,
                         Message("{0}: {1}", rowName(sheet, head.number),
                                 Message("columns {0} and {1} both name the field {2}; "
                                         "keep one",
                                         columnLetters(seen->second + 1), columnLetters(k + 1),
                                         describeField(*layout_.field(it->second)))));
      }
      columnField_[k] = it->second;
      const FieldSpec* spec = layout_.field(it->second);
      columnIsList_[k] = spec && spec->type == "list";
    }
    auto hasValue = [&](const std::string& field) {
      return fieldColumn.count(field) || (options_.defaults && options_.defaults->has(field) &&
                                          !options_.defaults->get(field).isEmpty());
    };
    std::vector<Message> unused;
    for (const auto& f : layout_.fields) {
      if (!hasValue(f.name)) unused.push_back(describeField(f));
    }
    for (size_t k : unknown) {
      const Message what =
          unused.empty()
              ? Message("\"{0}\" is not a field of layout {1} (its cells are ignored)",
                        head.cells[k], layout_.name)
              : Message(
                    "\"{0}\" is not a field of layout {1} (its cells are ignored); it could "
                    "be: {2}",
                    head.cells[k], layout_.name, joinedList(unused));
      out_.warnings.push_back(Message("{0}: {1}", cellName(sheet, head.number, k), what));
    }
    for (const auto& f : layout_.fields) {
      if (f.required && !hasValue(f.name)) {
        const auto aliases = fieldAliases(layout_, f.name);
        const Message what =
            aliases.empty()
                ? Message(
                      "no column for the required field {0}; name a column {1} or give the "
                      "value every row shares (--set {2}=…)",
                      describeField(f), f.label, f.name)
                : Message(
                      "no column for the required field {0}; name a column {1} (or {2}) or "
                      "give the value every row shares (--set {3}=…)",
                      describeField(f), f.label, aliases.front(), f.name);
        throw InputError(where, Message("{0}: {1}", rowName(sheet, head.number), what));
      }
    }
    checkCellErrors(sheet, head);
  }

  void checkCellErrors(const SheetRows& sheet, const SheetRow& row) const {
    for (const auto& [column, message] : row.cellErrors) {
      if (column < columnField_.size() && !columnField_[column].empty()) {
        throw InputError(whereOf(sheet), message);
      }
    }
  }

  void record(const SheetRows& sheet, SheetRow& row) {
    checkCellErrors(sheet, row);
    ++records_;
    if (options_.maxRows && records_ > options_.maxRows) return;  // finish() says so
    BatchItem item;
    item.label = rowName(sheet, row.number).english();
    item.path = item.label;
    item.error = row.error;
    item.record = new Poco::JSON::Object;
    if (row.error.empty() && sheet.sheet.empty() && row.cells.size() > columnField_.size()) {
      for (size_t k = columnField_.size(); k < row.cells.size(); ++k) {
        if (!row.cells[k].empty()) {
          item.error = Message("has a value in column {0}, which the header does not name",
                               columnLetters(k + 1));
          break;
        }
      }
    }
    for (size_t k = 0; k < row.cells.size(); ++k) {
      if (row.cells[k].empty()) continue;
      if (k >= columnField_.size() || columnField_[k].empty()) {
        const bool named = k < headerCells_.size() && !headerCells_[k].empty();
        if (!named && !warnedNoHeader_ && k < columnField_.size()) {
          out_.warnings.push_back(
              Message("{0}: {1}", cellName(sheet, row.number, k),
                      Message("a value under an empty header cell is ignored")));
          warnedNoHeader_ = true;
        }
        continue;
      }
      const std::string& field = columnField_[k];
      if (columnIsList_[k]) {
        Poco::JSON::Array::Ptr arr = new Poco::JSON::Array;
        for (auto& s : splitList(row.cells[k])) arr->add(s);
        item.record->set(field, arr);
      } else {
        item.record->set(field, std::move(row.cells[k]));
      }
    }
    applyDefaults(item, options_.defaults);
    stopped_ = !take_(item);
  }

  const Layout& layout_;
  const SheetOptions& options_;
  const std::string& source_;
  SheetItems& out_;
  const SheetItemSink& take_;
  const std::map<std::string, std::string> keys_;
  const size_t needed_;
  bool haveHeader_ = false, warnedNoHeader_ = false, stopped_ = false;
  std::vector<size_t> above_;  // the numbers of the rows above the header
  std::vector<std::string> headerCells_, columnField_;
  std::vector<bool> columnIsList_;
  size_t records_ = 0;
  std::exception_ptr failure_;
};

}  // namespace

SheetItems forEachSheetItem(std::string_view bytes, const std::string& source, const Layout& layout,
                            const SheetOptions& options, const SheetItemSink& take) {
  SheetItems out;
  TableBuilder table(layout, options, source, out, take);
  const RowSink rows = [&](const SheetRows& s, SheetRow& row) { return table.add(s, row); };
  SheetRows sheet;
  if (looksLikeZip(bytes) || looksLikeOleFile(bytes)) {
    sheet = readXlsx(bytes, source, xlsxLimitsOf(options), rows);
  } else {
    sheet = readCsvRows(bytes, source, rows);
  }
  out.format = sheet.format;
  table.finish(sheet);
  return out;
}

SheetItems itemsFromSheet(std::string_view bytes, const std::string& source, const Layout& layout,
                          const SheetOptions& options) {
  std::vector<BatchItem> items;
  SheetItems out = forEachSheetItem(bytes, source, layout, options, [&](BatchItem& item) {
    items.push_back(std::move(item));
    return true;
  });
  out.items = std::move(items);
  return out;
}

}  // namespace gongwen
