#include "batch/XlsxReader.h"

#include <Poco/Exception.h>
#include <Poco/MemoryStream.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "common/Errors.h"

namespace gongwen {
namespace {

// Thrown from the counting stream to stop the parser (a limit reached, or the sheet
// handler has seen enough); caught in readXlsx.
struct StopReading {
  Message message;
  bool tooManyRows = false;
};

// What SheetHandler::stop says when the row sink asked to stop.
constexpr const char* kSinkStopped = "(stopped by the reader of the rows)";

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

// Counts the inflated bytes of a zip entry and stops the parse past the limit, or when the
// handler asks (`stop` set): the parser reads through this buffer, so the exception leaves
// from the C++ read loop, never from inside expat's callbacks.
class CountingBuf : public std::streambuf {
 public:
  CountingBuf(std::istream& in, uint64_t& used, uint64_t limit, const std::string& part,
              const Message* stop)
      : in_(in), used_(used), limit_(limit), part_(part), stop_(stop) {}

 protected:
  int_type underflow() override {
    if (stop_ && !stop_->empty()) throw StopReading{*stop_, true};
    in_.read(buf_, sizeof buf_);
    const std::streamsize n = in_.gcount();
    if (n <= 0) return traits_type::eof();
    used_ += static_cast<uint64_t>(n);
    if (used_ > limit_) {
      throw StopReading{
          Message("{0} inflates to more than {1} MiB, the limit for a workbook's "
                  "parts (a damaged file or a zip bomb)",
                  part_, limit_ >> 20)};
    }
    setg(buf_, buf_, buf_ + n);
    return traits_type::to_int_type(buf_[0]);
  }

 private:
  std::istream& in_;
  uint64_t& used_;
  uint64_t limit_;
  std::string part_;
  const Message* stop_;
  char buf_[64 * 1024];
};

// The name without its namespace prefix ("x:row" → "row"): the parser runs without
// namespace processing (much faster), and the parts of a workbook do not reuse local names
// across namespaces in the places read here.
std::string_view local(const std::string& qname) {
  for (size_t i = 0; i < qname.size(); ++i) {  // names are short: no memchr call
    if (qname[i] == ':') return std::string_view(qname).substr(i + 1);
  }
  return qname;
}

const std::string* attr(const Poco::XML::Attributes& a, std::string_view localName) {
  for (int i = 0; i < a.getLength(); ++i) {
    if (local(a.getQName(i)) == localName) return &a.getValue(i);
  }
  return nullptr;
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
struct WorkbookHandler : Poco::XML::DefaultHandler {
  std::vector<std::pair<std::string, std::string>> sheets;  // name, r:id
  bool date1904 = false;
  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                    const Poco::XML::XMLString& qname, const Poco::XML::Attributes& a) override {
    const std::string_view localName = local(qname);
    if (localName == "workbookPr") {
      if (const auto* v = attr(a, "date1904")) date1904 = *v == "1" || *v == "true";
    } else if (localName == "sheet") {
      const auto* name = attr(a, "name");
      const auto* id = attr(a, "id");
      if (name && id) sheets.emplace_back(*name, *id);
    }
  }
};

struct RelsHandler : Poco::XML::DefaultHandler {
  std::map<std::string, std::string> targets;  // id → target
  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                    const Poco::XML::XMLString& qname, const Poco::XML::Attributes& a) override {
    const std::string_view localName = local(qname);
    if (localName != "Relationship") return;
    const auto* id = attr(a, "Id");
    const auto* target = attr(a, "Target");
    if (id && target) targets[*id] = *target;
  }
};

// Shared strings: the text of each <si>, rich runs joined, phonetic runs (<rPh>) left out.
struct SharedStringsHandler : Poco::XML::DefaultHandler {
  std::vector<std::string> strings;
  std::string current;
  bool inText = false;
  int phonetic = 0;
  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                    const Poco::XML::XMLString& qname, const Poco::XML::Attributes&) override {
    const std::string_view localName = local(qname);
    if (localName == "si") {
      current.clear();
    } else if (localName == "rPh") {
      ++phonetic;
    } else if (localName == "t" && phonetic == 0) {
      inText = true;
    }
  }
  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                  const Poco::XML::XMLString& qname) override {
    const std::string_view localName = local(qname);
    if (localName == "si") {
      strings.push_back(std::move(current));
      current.clear();
    } else if (localName == "rPh") {
      --phonetic;
    } else if (localName == "t") {
      inText = false;
    }
  }
  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    if (inText) current.append(ch + start, static_cast<size_t>(length));
  }
};

// Styles: for each cell format (the s attribute's index), its number format, and whether
// that shows a date, text (@), or a number padded with zeros ("000000").
struct CellStyle {
  bool date = false;
  size_t zeroPad = 0;  // digits of a "000000" format
};

struct StylesHandler : Poco::XML::DefaultHandler {
  std::map<int, std::string> customFormats;
  std::vector<int> xfFormats;
  int depthCellXfs = 0;
  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                    const Poco::XML::XMLString& qname, const Poco::XML::Attributes& a) override {
    const std::string_view localName = local(qname);
    if (localName == "numFmt") {
      const auto* id = attr(a, "numFmtId");
      const auto* code = attr(a, "formatCode");
      if (id && code) customFormats[std::atoi(id->c_str())] = *code;
    } else if (localName == "cellXfs") {
      ++depthCellXfs;
    } else if (localName == "xf" && depthCellXfs > 0) {
      const auto* id = attr(a, "numFmtId");
      xfFormats.push_back(id ? std::atoi(id->c_str()) : 0);
    }
  }
  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                  const Poco::XML::XMLString& qname) override {
    const std::string_view localName = local(qname);
    if (localName == "cellXfs") --depthCellXfs;
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
struct SheetHandler : Poco::XML::DefaultHandler {
  SheetRows& out;
  const std::vector<std::string>& shared;
  const std::vector<CellStyle>& styles;
  bool date1904;
  size_t maxRows, slack;
  std::string sheetName;
  Message stop;  // set → CountingBuf stops the parse with this message

  SheetRow row;
  size_t nextRow = 1, nextColumn = 1, lastWidth = 0, rowsRead = 0;
  const RowSink& sink;
  bool inRow = false, inCell = false, inValue = false, inInlineText = false, hasFormula = false,
       hasValue = false;
  size_t column = 0;
  std::string type, value, formula;
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

  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                    const Poco::XML::XMLString& qname, const Poco::XML::Attributes& a) override {
    const std::string_view localName = local(qname);
    if (!stop.empty()) return;
    if (localName == "row") {
      row = SheetRow{};
      row.cells.reserve(lastWidth);  // as wide as the row before: no regrowing
      size_t r = 0;
      if (const auto* v = attr(a, "r")) r = std::strtoul(v->c_str(), nullptr, 10);
      row.number = r ? r : nextRow;
      nextRow = row.number + 1;
      nextColumn = 1;
      inRow = true;
    } else if (localName == "c" && inRow) {
      inCell = true;
      hasFormula = false;
      hasValue = false;
      value.clear();
      formula.clear();
      type = "n";
      style = 0;
      const std::string* refAttr = nullptr;
      for (int i = 0; i < a.getLength(); ++i) {  // one pass: a cell has t, s and r
        const std::string_view name = local(a.getQName(i));
        if (name == "t") {
          type = a.getValue(i);
        } else if (name == "s") {
          style = std::atoi(a.getValue(i).c_str());
        } else if (name == "r") {
          refAttr = &a.getValue(i);
        }
      }
      size_t r = 0;
      if (!refAttr || !parseCellRef(*refAttr, column, r)) column = nextColumn;
      nextColumn = column + 1;
    } else if (inCell && localName == "v") {
      inValue = true;
      hasValue = true;
    } else if (inCell && localName == "f") {
      hasFormula = true;
      inValue = false;
    } else if (inCell && localName == "t" && type == "inlineStr") {
      inInlineText = true;
    } else if (localName == "mergeCell") {
      const auto* r = attr(a, "ref");
      if (!r) return;
      MergedRange m;
      m.ref = *r;
      const size_t colon = r->find(':');
      const std::string first = r->substr(0, colon);
      const std::string last = colon == std::string::npos ? first : r->substr(colon + 1);
      if (parseCellRef(first, m.firstColumn, m.firstRow) &&
          parseCellRef(last, m.lastColumn, m.lastRow)) {
        out.merges.push_back(m);
      }
    }
  }

  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    if (inValue || inInlineText) value.append(ch + start, static_cast<size_t>(length));
    if (inCell && hasFormula && !inValue && !inInlineText) {
      formula.append(ch + start, static_cast<size_t>(length));
    }
  }

  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&,
                  const Poco::XML::XMLString& qname) override {
    const std::string_view localName = local(qname);
    if (!stop.empty()) return;
    if (localName == "v") {
      inValue = false;
    } else if (localName == "f") {
      hasFormula = inCell;  // still a formula cell; its text is done
    } else if (localName == "t") {
      inInlineText = false;
    } else if (localName == "c" && inCell) {
      inCell = false;
      endCell();
    } else if (localName == "row" && inRow) {
      inRow = false;
      bool blank = row.cellErrors.empty();
      for (const auto& c : row.cells) blank = blank && c.empty();
      if (blank) return;
      if (maxRows && rowsRead >= maxRows + slack) {
        stop = Message(
            "sheet \"{0}\" has more than {1} rows of records, the limit for one "
            "batch (row {2}); split it into smaller workbooks",
            sheetName, maxRows, row.number);
        return;
      }
      lastWidth = row.cells.size();
      ++rowsRead;
      if (sink) {
        if (!sink(out, row)) stop = Message::verbatim(kSinkStopped);
        return;
      }
      out.rows.push_back(std::move(row));
    }
  }

  void endCell() {
    std::string text;
    // openpyxl writes <v></v>, others no <v>: both mean "never calculated". (An empty
    // text result is t="str".)
    if (hasFormula && value.empty() && type != "str" && type != "inlineStr") {
      cellError(
          Message("the formula ={0} has no cached value (the program that wrote the "
                  "workbook did not calculate it); open and save it in Excel or "
                  "LibreOffice, or type the value",
                  formula));
      return;
    }
    if (type == "s") {
      const size_t i = std::strtoul(value.c_str(), nullptr, 10);
      if (i >= shared.size()) {
        cellError(
            Message("refers to shared string {0}, which the workbook does not have (a "
                    "damaged file)",
                    value));
        return;
      }
      text = shared[i];
    } else if (type == "inlineStr" || type == "str") {
      text = value;
    } else if (type == "d") {  // an ISO 8601 date (strict Open XML)
      text = value.substr(0, 10);
    } else if (type == "b") {
      text = value == "1" ? "TRUE" : "FALSE";
    } else if (type == "e") {
      cellError(Message("holds the error value {0}", value));
      return;
    } else if (!value.empty()) {  // a number
      const CellStyle cs = style >= 0 && static_cast<size_t>(style) < styles.size()
                               ? styles[static_cast<size_t>(style)]
                               : CellStyle{};
      if (cs.date) {
        double serial = std::strtod(value.c_str(), nullptr);
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
    }
    if (text.empty()) return;
    if (row.cells.size() < column) row.cells.resize(column);
    row.cells[column - 1] = std::move(text);
  }
};

class Workbook {
 public:
  Workbook(std::string_view bytes, const std::string& source, uint64_t limit)
      : in_(bytes.data(), static_cast<std::streamsize>(bytes.size())),
        source_(source),
        limit_(limit) {
    archive_ = std::make_unique<Poco::Zip::ZipArchive>(in_);
  }

  bool has(const std::string& part) const {
    return archive_->findHeader(part) != archive_->headerEnd();
  }

  void parse(const std::string& part, Poco::XML::DefaultHandler& handler,
             const Message* stop = nullptr) {
    auto it = archive_->findHeader(part);
    if (it == archive_->headerEnd()) {
      throw InputError(source_, Message("is not an Excel workbook: it has no {0}", part));
    }
    in_.clear();
    Poco::Zip::ZipInputStream zin(in_, it->second, true);
    CountingBuf counting(zin, used_, limit_, part, stop);
    std::istream counted(&counting);
    // An exception from the buffer (a limit) leaves the read instead of becoming an end of
    // file, which expat would report as broken XML.
    counted.exceptions(std::ios::badbit);
    Poco::XML::InputSource input(counted);
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
    parser.setContentHandler(&handler);
    parser.parse(&input);
  }

 private:
  Poco::MemoryInputStream in_;  // over the caller's bytes, not a copy
  std::string source_;
  uint64_t limit_;
  uint64_t used_ = 0;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
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
    if (serial < 0) throw std::out_of_range(kBefore1904);
    days = serial - 24107;  // 1904-01-01 is day −24107
  } else {
    if (serial < 1) throw std::out_of_range(kBefore1900);
    if (serial == 60) {
      throw std::out_of_range(kLeapBug);
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
    Workbook book(bytes, source, limits.maxInflatedBytes);
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
      std::string names;  // Chinese names, joined the Chinese way in both languages
      for (size_t i = 0; i < wb.sheets.size(); ++i) {
        if (wb.sheets[i].first == limits.sheet) chosen = i;
        names += (i ? "、" : "") + wb.sheets[i].first;
      }
      if (chosen == wb.sheets.size()) {
        throw InputError(source,
                         Message("has no sheet named \"{0}\"; it has: {1}", limits.sheet, names));
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
    book.parse(partName(target->second), sheet, &sheet.stop);
  } catch (const StopReading& stop) {
    if (stop.message.english() == kSinkStopped) return out;  // the sink has its reason
    if (stop.tooManyRows) throw TooManyRows(source, stop.message);
    throw InputError(source, stop.message);
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
