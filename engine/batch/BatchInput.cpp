#include "batch/BatchInput.h"

#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Array.h>

#include <cctype>
#include <iterator>
#include <sstream>

#include "batch/SharedValues.h"
#include "batch/SheetRows.h"
#include "batch/SheetTable.h"
#include "batch/XlsxReader.h"
#include "common/JobError.h"
#include "common/Json.h"

namespace gongwen {
namespace {

bool endsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// JSON by media type, else by name, else when the text starts with [ or {.
bool isJson(const JobInput& input) {
  if (!input.mediaType.empty()) return input.mediaType == "application/json";
  if (looksLikeZip(input.bytes) || looksLikeOleFile(input.bytes)) return false;  // a workbook
  if (endsWith(input.fileName, ".json")) return true;
  if (endsWith(input.fileName, ".csv") || endsWith(input.fileName, ".xlsx")) return false;
  const std::string& bytes = input.bytes;
  size_t i = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  return i < bytes.size() && (bytes[i] == '[' || bytes[i] == '{');
}

// The batch's JSON: scanned within the limits first; of an object only "layout" and
// "records" are built.
Poco::Dynamic::Var parseJsonInput(const JobInput& input, const JsonLimits& limits) {
  const std::string source = input.source.empty() ? "$" : input.source;
  try {
    JsonScan scan = scanJson(input.bytes, source, limits);
    if (!scan.topIsObject) return parseJson(input.bytes, source, limits);
    return buildJsonObject(scan, source, [](const std::string& key) {
      return key == "layout" || key == "records" || key == "defaults" || key == "spreadsheet" ||
             key == "sheet";
    });
  } catch (const JsonLimitError&) {
    throw;
  } catch (const InputError& e) {
    throw JobError(JobError::Kind::MalformedJson, input.source.empty() ? "$" : input.source,
                   e.messageText());
  }
}

// An unknown layout name is an error of the job, naming where the name came from: the
// caller's option, or the input's "layout".
void checkLayout(const LayoutCatalog& layouts, const std::string& name, const JobInput& input,
                 bool fromCaller) {
  try {
    layouts.get(name);
  } catch (const InputError& e) {
    throw JobError(JobError::Kind::Invalid,
                   fromCaller ? input.layoutOption : inputPath(input, e.where()), e.messageText());
  }
}

void checkRecordCount(size_t count, size_t maxRecords, const std::string& where) {
  if (count <= maxRecords) return;
  throw JobError(
      JobError::Kind::TooManyRecords, where,
      Message("{0} records, more than the limit of {1} in one batch", count, maxRecords));
}

std::string layoutOf(const Poco::JSON::Object::Ptr& root, const JobInput& input) {
  if (!root->has("layout")) return "";
  auto v = root->get("layout");
  if (!v.isString()) {
    throw JobError(JobError::Kind::Invalid, inputPath(input, "$.layout"),
                   Message("must be a string, found {0}", jsonType(v)));
  }
  return v.toString();
}

std::string spreadsheetBytes(const Poco::Dynamic::Var& v, const JobInput& input);
BatchInput readSheetBatch(const JobInput& input, const std::string& layout, const Layout& spec,
                          size_t maxRecords, const Poco::JSON::Object::Ptr& ownDefaults,
                          size_t keepAtMost);

BatchInput readJsonBatch(const JobInput& input, const std::string& layout,
                         const LayoutCatalog& layouts, size_t maxRecords,
                         const JsonLimits& limits) {
  BatchInput in;
  in.layout = layout;
  auto v = parseJsonInput(input, limits);
  Poco::JSON::Array::Ptr records;
  std::string at = "$";
  if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
    // {"layout": "…", "records": […]}, as POST /v1/batch takes it.
    auto root = v.extract<Poco::JSON::Object::Ptr>();
    at = "$.records";
    if (in.layout.empty()) in.layout = layoutOf(root, input);
    if (in.layout.empty()) {
      throw JobError(JobError::Kind::Invalid, inputPath(input, "$.layout"),
                     Message("missing: name the layout of the records (\"layout\": "
                             "\"certificate\"), or pass --layout NAME (?layout=NAME over HTTP)"));
    }
    if (layout.empty()) checkLayout(layouts, in.layout, input, false);
    const Layout& spec = layouts.get(in.layout);
    Poco::JSON::Object::Ptr defaults;  // the file's or body's own shared values
    if (root->has("defaults")) {
      defaults = root->getObject("defaults");
      if (!defaults) {
        throw JobError(JobError::Kind::Invalid, inputPath(input, "$.defaults"),
                       Message("must be an object of the values every record shares, found {0}",
                               jsonType(root->get("defaults"))));
      }
    }
    if (root->has("spreadsheet")) {
      // A CSV or xlsx as a data: URI with the values its rows share (the web page's batch).
      JobInput sheet = input;
      sheet.bytes = spreadsheetBytes(root->get("spreadsheet"), input);
      sheet.source = inputPath(input, "$.spreadsheet");
      if (root->has("sheet") && root->get("sheet").isString()) {
        sheet.sheet = root->get("sheet").toString();
      }
      // Kept whole: its bytes are this function's (a streamed batch reads them again).
      return readSheetBatch(sheet, in.layout, spec, maxRecords, defaults,
                            std::numeric_limits<size_t>::max());
    }
    if (!root->has("records")) {
      throw JobError(JobError::Kind::Invalid, inputPath(input, at),
                     Message("missing: a batch is a JSON array of records, or an object with a "
                             "\"records\" array"));
    }
    records = root->getArray("records");
    if (!records) {
      throw JobError(
          JobError::Kind::Invalid, inputPath(input, at),
          Message("must be a list of records, found {0}", jsonType(root->get("records"))));
    }
  } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    records = v.extract<Poco::JSON::Array::Ptr>();
  } else {
    throw JobError(JobError::Kind::Invalid, inputPath(input, "$"),
                   Message("a batch is a JSON array of records, or an object with a "
                           "\"records\" array; found {0}",
                           jsonType(v)));
  }
  checkRecordCount(records->size(), maxRecords, inputPath(input, at));
  if (records->size() == 0) {
    throw JobError(JobError::Kind::NothingPrinted, inputPath(input, at),
                   Message("the list of records is empty"));
  }
  in.items = itemsFromJsonArray(records, at);
  in.records = in.items.size();
  in.recordsPath = inputPath(input, at);
  if (!in.layout.empty()) {
    const Layout& spec = layouts.get(in.layout);
    // The caller's shared values first (they win over the file's), then the file's.
    if (auto shared = sharedValues(input, spec)) applyDefaults(in.items, shared);
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
      auto root = v.extract<Poco::JSON::Object::Ptr>();
      if (root->has("defaults") && root->getObject("defaults")) {
        applyDefaults(in.items, root->getObject("defaults"));
      }
    }
  } else if (!input.settings.empty()) {
    throw JobError(JobError::Kind::Invalid, "--set",
                   Message("values every record shares need the batch's layout (--layout NAME)"));
  }
  return in;
}

// The bytes of a "spreadsheet": "data:…;base64,…" member.
std::string spreadsheetBytes(const Poco::Dynamic::Var& v, const JobInput& input) {
  const std::string uri = v.isString() ? v.toString() : "";
  const size_t comma = uri.find(',');
  if (uri.rfind("data:", 0) != 0 || comma == std::string::npos || comma < 12 ||
      uri.compare(comma - 7, 7, ";base64") != 0) {
    throw JobError(JobError::Kind::Invalid, inputPath(input, "$.spreadsheet"),
                   Message("must be the spreadsheet as a data:…;base64,… URI (CSV or xlsx)"));
  }
  std::istringstream in(uri.substr(comma + 1));
  Poco::Base64Decoder decoder(in);
  return std::string((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
}

// A CSV or xlsx whose header names `layout`'s fields; `ownDefaults` (a JSON body's) after
// the caller's shared values. More than `keepAtMost` records: counted, checked, not kept.
BatchInput readSheetBatch(const JobInput& input, const std::string& layout, const Layout& spec,
                          size_t maxRecords, const Poco::JSON::Object::Ptr& ownDefaults,
                          size_t keepAtMost) {
  const bool workbook = looksLikeZip(input.bytes) || looksLikeOleFile(input.bytes);
  const std::string kind = workbook ? "xlsx" : "CSV";
  const std::string where = input.source.empty() ? kind : input.source;
  BatchInput in;
  in.layout = layout;
  SheetOptions options;
  options.sheet = input.sheet;
  options.maxRows = maxRecords;
  options.defaults = sharedValues(input, spec);
  if (ownDefaults) {
    if (!options.defaults) options.defaults = new Poco::JSON::Object;
    for (const auto& [field, value] : *ownDefaults) {
      if (!options.defaults->has(field)) options.defaults->set(field, value);
    }
  }
  SheetItems sheet;
  bool keep = true;  // until there are more than keepAtMost
  try {
    sheet = forEachSheetItem(input.bytes, where, spec, options, [&](BatchItem& item) {
      if (keep && in.items.size() < keepAtMost) {
        in.items.push_back(std::move(item));
      } else if (keep) {
        keep = false;
        std::vector<BatchItem>().swap(in.items);
      }
      return true;
    });
  } catch (const TooManyRows& e) {
    throw JobError(JobError::Kind::TooManyRecords,
                   e.whereMessage().empty() ? placeMessage(where) : e.whereMessage(),
                   e.messageText());
  } catch (const InputError& e) {
    throw JobError(workbook ? JobError::Kind::MalformedXlsx : JobError::Kind::MalformedCsv,
                   e.whereMessage().empty() ? placeMessage(where) : e.whereMessage(),
                   e.messageText());
  }
  in.records = sheet.records;
  in.warnings = std::move(sheet.warnings);
  checkRecordCount(in.records, maxRecords, where);
  in.recordsPath = where;
  if (!keep) in.reread = sheetRecords(input.bytes, where, spec, options);
  if (in.records == 0) {
    throw JobError(JobError::Kind::NothingPrinted, where,
                   workbook ? Message("the xlsx has a header row but no rows of records under it")
                            : Message("the CSV has a header row but no rows of records under it"));
  }
  return in;
}

BatchInput readCsvBatch(const JobInput& input, const std::string& layout,
                        const LayoutCatalog& layouts, size_t maxRecords, size_t keepAtMost) {
  if (layout.empty()) {
    throw JobError(JobError::Kind::Invalid, input.source.empty() ? "layout" : input.source,
                   Message("a spreadsheet batch (CSV, xlsx) needs its layout named (--layout "
                           "NAME; ?layout=NAME over HTTP): its columns are that layout's fields"));
  }
  return readSheetBatch(input, layout, layouts.get(layout), maxRecords, nullptr, keepAtMost);
}

}  // namespace

Poco::JSON::Object::Ptr sharedValues(const JobInput& input, const Layout& layout) {
  Poco::JSON::Object::Ptr values;
  if (!input.settings.empty()) {
    values = defaultsFromSettings(input.settings, layout, input.settingsFolder);
  }
  for (const auto& [key, value] : input.fieldValues) {
    if (key == "layout" || !layout.field(key)) continue;
    if (!values) values = new Poco::JSON::Object;
    if (!values->has(key)) values->set(key, value);
  }
  return values;
}

std::string inputPath(const JobInput& input, const std::string& path) {
  return input.source.empty() ? path : input.source + ": " + path;
}

BatchInput readBatchInput(const JobInput& input, const std::string& layout,
                          const LayoutCatalog& layouts, size_t maxRecords, const JsonLimits& json,
                          size_t keepAtMost) {
  if (!layout.empty()) checkLayout(layouts, layout, input, true);
  return isJson(input) ? readJsonBatch(input, layout, layouts, maxRecords, json)
                       : readCsvBatch(input, layout, layouts, maxRecords, keepAtMost);
}

}  // namespace gongwen
