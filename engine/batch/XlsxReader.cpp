#include "batch/XlsxReader.h"

#include <Poco/Exception.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include "batch/XlsxParts.h"
#include "common/Errors.h"

namespace gongwen {
namespace {

constexpr const char* kBefore1904 = "is before 1904-01-01, the workbook's first day";
constexpr const char* kBefore1900 = "is before 1900-01-01, the workbook's first day";
constexpr const char* kLeapBug =
    "is 1900-02-29, a day Excel counts but which never was (its 1900 leap-year bug)";

// excelSerialToDate's reason (std::out_of_range, English) in the reader's language.
Message serialDateProblem(std::string_view what) {
  if (what == kBefore1904) return Message("is before 1904-01-01, the workbook's first day");
  if (what == kBefore1900) return Message("is before 1900-01-01, the workbook's first day");
  if (what == kLeapBug) {
    return Message(
        "is 1900-02-29, a day Excel counts but which never was (its 1900 leap-year bug)");
  }
  return Message::verbatim(std::string(what));
}

// "AB12" → column 28 (1-based), row 12. Returns false when it is not a cell reference.
bool parseCellRef(std::string_view ref, size_t& column, size_t& row) {
  size_t i = 0;
  column = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    column = column * 26 + static_cast<size_t>(ref[i] - 'A' + 1);
    ++i;
  }
  if (i == 0 || i == ref.size() || column > 16384) return false;
  row = 0;
  auto [p, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  return ec == std::errc() && p == ref.data() + ref.size() && row > 0;
}

// The workbook: its sheets (name → relationship id) and the date system.
struct WorkbookHandler : XmlHandler {
  std::vector<std::pair<std::string, std::string>> sheets;  // name, r:id
  bool date1904 = false;
  void start(std::string_view qname, const char** a) override {
    const std::string_view name = localName(qname);
    if (name == "workbookPr") {
      if (const char* v = attribute(a, "date1904")) {
        date1904 = std::string_view(v) == "1" || std::string_view(v) == "true";
      }
    } else if (name == "sheet") {
      const char* sheetName = attribute(a, "name");
      const char* id = attribute(a, "id");
      if (sheetName && id) sheets.emplace_back(sheetName, id);
    }
  }
};

struct RelsHandler : XmlHandler {
  std::map<std::string, std::string> targets;  // id → target
  void start(std::string_view qname, const char** a) override {
    if (localName(qname) != "Relationship") return;
    const char* id = attribute(a, "Id");
    const char* target = attribute(a, "Target");
    if (id && target) targets[id] = target;
  }
};

// Shared strings: the text of each <si>, rich runs joined, phonetic runs (<rPh>) left out.
struct SharedStringsHandler : XmlHandler {
  std::vector<std::string> strings;
  std::string current;
  bool inText = false;
  int phonetic = 0;
  void start(std::string_view qname, const char** a) override {
    const std::string_view name = localName(qname);
    if (name == "si") {
      current.clear();
    } else if (name == "rPh") {
      ++phonetic;
    } else if (name == "t" && phonetic == 0) {
      inText = true;
    } else if (name == "sst" && strings.empty()) {
      // uniqueCount: sized once instead of regrowing (bounded: it is the file's word)
      if (const char* n = attribute(a, "uniqueCount")) {
        strings.reserve(std::min<size_t>(std::strtoul(n, nullptr, 10), 1u << 20));
      }
    }
  }
  void end(std::string_view qname) override {
    const std::string_view name = localName(qname);
    if (name == "si") {
      strings.push_back(std::move(current));
      current.clear();
    } else if (name == "rPh") {
      --phonetic;
    } else if (name == "t") {
      inText = false;
    }
  }
  void text(std::string_view s) override {
    if (inText) current.append(s);
  }
};

// Styles: for each cell format (the s attribute's index), its number format, and whether
// that shows a date, text (@), or a number padded with zeros ("000000").
struct CellStyle {
  bool date = false;
  size_t zeroPad = 0;  // digits of a "000000" format
};

struct StylesHandler : XmlHandler {
  std::map<int, std::string> customFormats;
  std::vector<int> xfFormats;
  int depthCellXfs = 0;
  void start(std::string_view qname, const char** a) override {
    const std::string_view name = localName(qname);
    if (name == "numFmt") {
      const char* id = attribute(a, "numFmtId");
      const char* code = attribute(a, "formatCode");
      if (id && code) customFormats[std::atoi(id)] = code;
    } else if (name == "cellXfs") {
      ++depthCellXfs;
    } else if (name == "xf" && depthCellXfs > 0) {
      const char* id = attribute(a, "numFmtId");
      xfFormats.push_back(id ? std::atoi(id) : 0);
    }
  }
  void end(std::string_view qname) override {
    if (localName(qname) == "cellXfs") --depthCellXfs;
  }
  std::vector<CellStyle> styles() const {
    std::vector<CellStyle> out;
    for (int id : xfFormats) {
      CellStyle s;
      auto it = customFormats.find(id);
      const std::string code = it == customFormats.end() ? "" : it->second;
      s.date = isDateFormat(id, code);
      if (id == 1) s.zeroPad = 1;
      if (!code.empty() && code.find_first_not_of('0') == std::string::npos)
        s.zeroPad = code.size();
      out.push_back(s);
    }
    return out;
  }
};

// "1.0" → "1", "123" → "123", "1.5" → "1.5": how a whole number reads in a cell.
std::string numberText(const std::string& raw, size_t zeroPad) {
  // Digits without a leading zero, as Excel writes a whole number: already the text.
  if (!raw.empty() && raw.size() < 16 && raw.size() >= zeroPad &&
      (raw[0] != '0' || raw.size() == 1) &&
      raw.find_first_not_of("0123456789") == std::string::npos) {
    return raw;
  }
  double v = 0;
  auto [p, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), v);
  if (ec != std::errc() || p != raw.data() + raw.size()) return raw;
  if (std::floor(v) == v && std::fabs(v) < 1e15) {
    std::string s = std::to_string(static_cast<long long>(v));
    if (v >= 0 && s.size() < zeroPad) s.insert(0, zeroPad - s.size(), '0');
    return s;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string twoDigits(int n) {
  std::string s = std::to_string(n);
  if (n < 10) s.insert(s.begin(), '0');
  return s;
}

// The worksheet, streamed: each <row> becomes a SheetRow as soon as it closes.
struct SheetHandler : XmlHandler {
  SheetRows& out;
  const std::vector<std::string>& shared;
  const std::vector<CellStyle>& styles;
  bool date1904;
  size_t maxRows, slack;
  std::string sheetName;
  Message tooMany;  // set when the sheet has more rows than the limit (the parse stops)

  SheetRow row;
  size_t nextRow = 1, nextColumn = 1, lastWidth = 0, rowsRead = 0;
  const RowSink& sink;
  bool inRow = false, inCell = false, inValue = false, inInlineText = false, hasFormula = false;
  size_t column = 0;
  // The cell's t attribute: n (number, the default), s (shared string), inlineStr, str
  // (a formula's text), b (boolean), e (error), d (ISO 8601 date).
  enum class Type { Number, Shared, Inline, Str, Boolean, Error, Date } type = Type::Number;
  std::string value, formula;
  int style = 0;

  SheetHandler(SheetRows& o, const std::vector<std::string>& s, const std::vector<CellStyle>& st,
               bool d1904, size_t max, size_t extra, std::string name, const RowSink& rows)
      : out(o),
        shared(s),
        styles(st),
        date1904(d1904),
        maxRows(max),
        slack(extra),
        sheetName(std::move(name)),
        sink(rows) {}

  Message where() const {
    return Message("sheet \"{0}\", cell {1}{2}", sheetName, columnLetters(column), row.number);
  }
  void cellError(Message what) {
    row.cellErrors.emplace_back(column - 1, Message("{0}: {1}", where(), std::move(what)));
  }

  static Type typeOf(std::string_view t) {
    if (t == "s") return Type::Shared;
    if (t == "inlineStr") return Type::Inline;
    if (t == "str") return Type::Str;
    if (t == "b") return Type::Boolean;
    if (t == "e") return Type::Error;
    if (t == "d") return Type::Date;
    return Type::Number;
  }

  void start(std::string_view qname, const char** a) override {
    const std::string_view name = localName(qname);
    if (name == "c" && inRow) {
      inCell = true;
      hasFormula = false;
      value.clear();
      formula.clear();
      type = Type::Number;
      style = 0;
      const char* ref = nullptr;
      for (const char** at = a; at[0]; at += 2) {  // one pass: a cell has t, s and r
        const std::string_view attr = localName(at[0]);
        if (attr == "r") {
          ref = at[1];
        } else if (attr == "t") {
          type = typeOf(at[1]);
        } else if (attr == "s") {
          style = std::atoi(at[1]);
        }
      }
      size_t r = 0;
      if (!ref || !parseCellRef(ref, column, r)) column = nextColumn;
      nextColumn = column + 1;
    } else if (inCell && name == "v") {
      inValue = true;
    } else if (inCell && name == "f") {
      hasFormula = true;
      inValue = false;
    } else if (inCell && name == "t" && type == Type::Inline) {
      inInlineText = true;
    } else if (name == "row") {
      row = SheetRow{};
      row.cells.reserve(lastWidth);  // as wide as the row before: no regrowing
      size_t r = 0;
      if (const char* v = attribute(a, "r")) r = std::strtoul(v, nullptr, 10);
      row.number = r ? r : nextRow;
      nextRow = row.number + 1;
      nextColumn = 1;
      inRow = true;
    } else if (name == "mergeCell") {
      const char* ref = attribute(a, "ref");
      if (!ref) return;
      MergedRange m;
      m.ref = ref;
      const size_t colon = m.ref.find(':');
      const std::string first = m.ref.substr(0, colon);
      const std::string last = colon == std::string::npos ? first : m.ref.substr(colon + 1);
      if (parseCellRef(first, m.firstColumn, m.firstRow) &&
          parseCellRef(last, m.lastColumn, m.lastRow)) {
        out.merges.push_back(m);
      }
    }
  }

  void text(std::string_view s) override {
    if (inValue || inInlineText) {
      value.append(s);
    } else if (inCell && hasFormula) {
      formula.append(s);
    }
  }

  void end(std::string_view qname) override {
    const std::string_view name = localName(qname);
    if (name == "v") {
      inValue = false;
    } else if (name == "c" && inCell) {
      inCell = false;
      endCell();
    } else if (name == "t") {
      inInlineText = false;
    } else if (name == "f") {
      hasFormula = inCell;  // still a formula cell; its text is done
    } else if (name == "row" && inRow) {
      inRow = false;
      bool blank = row.cellErrors.empty();
      for (const auto& c : row.cells) blank = blank && c.empty();
      if (blank) return;
      // (maxRows + slack would wrap round for "no limit", SIZE_MAX: the CLI's.)
      if (maxRows && rowsRead >= slack && rowsRead - slack >= maxRows) {
        tooMany = Message(
            "sheet \"{0}\" has more than {1} rows of records, the limit for one "
            "batch (row {2}); split it into smaller workbooks",
            sheetName, maxRows, row.number);
        stop();
        return;
      }
      lastWidth = row.cells.size();
      ++rowsRead;
      if (sink) {
        if (!sink(out, row)) stop();
        return;
      }
      out.rows.push_back(std::move(row));
    }
  }

  void endCell() {
    std::string text;
    // openpyxl writes <v></v>, others no <v>: both mean "never calculated". (An empty
    // text result is t="str".)
    if (hasFormula && value.empty() && type != Type::Str && type != Type::Inline) {
      cellError(
          Message("the formula ={0} has no cached value (the program that wrote the "
                  "workbook did not calculate it); open and save it in Excel or "
                  "LibreOffice, or type the value",
                  formula));
      return;
    }
    switch (type) {
      case Type::Shared: {
        const size_t i = std::strtoul(value.c_str(), nullptr, 10);
        if (i >= shared.size()) {
          cellError(
              Message("refers to shared string {0}, which the workbook does not have (a "
                      "damaged file)",
                      value));
          return;
        }
        text = shared[i];
        break;
      }
      case Type::Inline:
      case Type::Str:
        text = std::move(value);
        value.clear();
        break;
      case Type::Date:  // an ISO 8601 date (strict Open XML)
        text = value.substr(0, 10);
        break;
      case Type::Boolean:
        text = value == "1" ? "TRUE" : "FALSE";
        break;
      case Type::Error:
        cellError(Message("holds the error value {0}", value));
        return;
      case Type::Number: {
        if (value.empty()) break;
        const CellStyle cs = style >= 0 && static_cast<size_t>(style) < styles.size()
                                 ? styles[static_cast<size_t>(style)]
                                 : CellStyle{};
        if (cs.date) {
          double serial = std::strtod(value.c_str(), nullptr);
          // 9999-12-31 is Excel's last day (serial 2 958 465; 1904 system 2 957 003); past
          // it, or not a number at all, no date — and no long to convert it to.
          if (!(serial < (date1904 ? 2957004.0 : 2958466.0))) {
            cellError(Message("the date {0} {1}", value,
                              Message("is after 9999-12-31, the last day a workbook holds")));
            return;
          }
          if (serial < -1) serial = -1;  // before the first day either way
          try {
            SerialDate d = excelSerialToDate(static_cast<long>(std::floor(serial)), date1904);
            text = std::to_string(d.year) + "-" + twoDigits(d.month) + "-" + twoDigits(d.day);
          } catch (const std::out_of_range& e) {
            cellError(Message("the date {0} {1}", value, serialDateProblem(e.what())));
            return;
          }
        } else {
          text = numberText(value, cs.zeroPad);
        }
        break;
      }
    }
    if (text.empty()) return;
    if (row.cells.size() < column) row.cells.resize(column);
    row.cells[column - 1] = std::move(text);
  }
};

// "worksheets/sheet1.xml" (relative to xl/) or "/xl/worksheets/sheet1.xml" → a part name.
std::string partName(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string t = target;
  std::string base = "xl";
  while (t.rfind("../", 0) == 0) {
    t = t.substr(3);
    base.clear();
  }
  return base.empty() ? t : base + "/" + t;
}

}  // namespace

std::string columnLetters(size_t column) {
  std::string s;
  while (column > 0) {
    s.insert(s.begin(), static_cast<char>('A' + (column - 1) % 26));
    column = (column - 1) / 26;
  }
  return s;
}

bool looksLikeZip(std::string_view bytes) { return bytes.substr(0, 4) == "PK\x03\x04"; }

bool looksLikeOleFile(std::string_view bytes) { return bytes.substr(0, 4) == "\xD0\xCF\x11\xE0"; }

SerialDate excelSerialToDate(long serial, bool date1904) {
  long days;  // since 1970-01-01
  if (date1904) {
    if (serial < 0) throw std::out_of_range("is before 1904-01-01, the workbook's first day");
    days = serial - 24107;  // 1904-01-01 is day −24107
  } else {
    if (serial < 1) throw std::out_of_range("is before 1900-01-01, the workbook's first day");
    if (serial == 60) {
      throw std::out_of_range(
          "is 1900-02-29, a day Excel counts but which never was (its 1900 leap-year bug)");
    }
    days = serial - (serial < 60 ? 25568 : 25569);  // serial 1 = 1900-01-01
  }
  // Days since 1970-01-01 → civil date (Howard Hinnant's algorithm).
  long z = days + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

bool isDateFormat(int id, const std::string& code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
      (id >= 50 && id <= 58)) {
    return true;
  }
  if (code.empty()) return false;
  bool quoted = false, hasDate = false;
  int bracket = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      quoted = c != '"';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or padding)
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']') {
      bracket = bracket > 0 ? bracket - 1 : 0;
    } else if (bracket == 0 && c == ';') {
      break;  // the positive section decides
    } else if (bracket == 0) {
      const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (l == 'y' || l == 'd' || l == 'm') hasDate = true;
    }
  }
  return hasDate;
}

SheetRows readXlsx(std::string_view bytes, const std::string& source, const XlsxLimits& limits,
                   const RowSink& sink) {
  if (looksLikeOleFile(bytes)) {
    throw InputError(source,
                     Message("is an old Excel .xls workbook or an .xlsx protected with a "
                             "password, which gongwen cannot read; in Excel or WPS remove the "
                             "password and save it as Excel Workbook (.xlsx) or CSV UTF-8"));
  }
  if (!looksLikeZip(bytes)) {
    throw InputError(source,
                     Message("is not an Excel .xlsx workbook (it does not start as a zip file)"));
  }
  SheetRows out;
  out.format = "xlsx";
  try {
    XlsxPackage book(bytes, source, limits.maxInflatedBytes);
    if (!book.has("xl/workbook.xml")) {
      throw InputError(source, Message("is a zip file but not an Excel workbook (it has no "
                                       "xl/workbook.xml); save it as .xlsx or CSV"));
    }
    WorkbookHandler wb;
    book.parse("xl/workbook.xml", wb);
    RelsHandler rels;
    book.parse("xl/_rels/workbook.xml.rels", rels);
    if (wb.sheets.empty()) throw InputError(source, Message("the workbook has no worksheet"));
    size_t chosen = 0;
    if (!limits.sheet.empty()) {
      chosen = wb.sheets.size();
      std::vector<std::string> names;
      for (size_t i = 0; i < wb.sheets.size(); ++i) {
        if (wb.sheets[i].first == limits.sheet) chosen = i;
        names.push_back(wb.sheets[i].first);
      }
      if (chosen == wb.sheets.size()) {
        throw InputError(source, Message("has no sheet named \"{0}\"; it has: {1}", limits.sheet,
                                         joinedNames(names)));
      }
    }
    out.sheet = wb.sheets[chosen].first;
    auto target = rels.targets.find(wb.sheets[chosen].second);
    if (target == rels.targets.end()) {
      throw InputError(source,
                       Message("sheet \"{0}\" has no part (a damaged workbook)", out.sheet));
    }
    SharedStringsHandler strings;
    if (book.has("xl/sharedStrings.xml")) book.parse("xl/sharedStrings.xml", strings);
    StylesHandler stylesHandler;
    if (book.has("xl/styles.xml")) book.parse("xl/styles.xml", stylesHandler);
    const std::vector<CellStyle> styles = stylesHandler.styles();
    SheetHandler sheet(out, strings.strings, styles, wb.date1904, limits.maxRows,
                       limits.rowsAboveRecords, out.sheet, sink);
    // Stopped: by the sink (which has its reason), or past the row limit.
    if (!book.parse(partName(target->second), sheet) && !sheet.tooMany.empty()) {
      throw TooManyRows(source, sheet.tooMany);
    }
  } catch (const InputError&) {
    throw;
  } catch (const Poco::Exception& e) {
    throw InputError(source, Message("is not a readable .xlsx workbook ({0}); save it again as "
                                     ".xlsx or CSV",
                                     e.displayText()));
  } catch (const std::ios_base::failure& e) {
    throw InputError(source, Message("is not a readable .xlsx workbook ({0})", e.what()));
  }
  return out;
}

}  // namespace gongwen
