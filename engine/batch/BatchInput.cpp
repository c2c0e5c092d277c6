#include "batch/BatchInput.h"

#include <Poco/JSON/Array.h>

#include <cctype>

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
  if (endsWith(input.fileName, ".json")) return true;
  if (endsWith(input.fileName, ".csv")) return false;
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
      return key == "layout" || key == "records";
    });
  } catch (const JsonLimitError&) {
    throw;
  } catch (const InputError& e) {
    throw JobError(JobError::Kind::MalformedJson, input.source.empty() ? "$" : input.source,
                   e.message());
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
                   fromCaller ? input.layoutOption : inputPath(input, e.where()), e.message());
  }
}

void checkRecordCount(size_t count, size_t maxRecords, const std::string& where) {
  if (count <= maxRecords) return;
  throw JobError(JobError::Kind::TooManyRecords, where,
                 std::to_string(count) + " records, more than the limit of " +
                     std::to_string(maxRecords) + " in one batch");
}

std::string layoutOf(const Poco::JSON::Object::Ptr& root, const JobInput& input) {
  if (!root->has("layout")) return "";
  auto v = root->get("layout");
  if (!v.isString()) {
    throw JobError(JobError::Kind::Invalid, inputPath(input, "$.layout"),
                   "must be a string, found " + jsonTypeName(v));
  }
  return v.toString();
}

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
                     "missing: name the layout of the records (\"layout\": \"certificate\"), "
                     "or pass --layout NAME (?layout=NAME over HTTP)");
    }
    if (layout.empty()) checkLayout(layouts, in.layout, input, false);
    if (!root->has("records")) {
      throw JobError(JobError::Kind::Invalid, inputPath(input, at),
                     "missing: a batch is a JSON array of records, or an object with a "
                     "\"records\" array");
    }
    records = root->getArray("records");
    if (!records) {
      throw JobError(JobError::Kind::Invalid, inputPath(input, at),
                     "must be a list of records, found " + jsonTypeName(root->get("records")));
    }
  } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    records = v.extract<Poco::JSON::Array::Ptr>();
  } else {
    throw JobError(JobError::Kind::Invalid, inputPath(input, "$"),
                   "a batch is a JSON array of records, or an object with a \"records\" array; "
                   "found " +
                       jsonTypeName(v));
  }
  checkRecordCount(records->size(), maxRecords, inputPath(input, at));
  if (records->size() == 0) {
    throw JobError(JobError::Kind::NothingPrinted, inputPath(input, at),
                   "the list of records is empty");
  }
  in.items = itemsFromJsonArray(records, at);
  in.recordsPath = inputPath(input, at);
  return in;
}

BatchInput readCsvBatch(const JobInput& input, const std::string& layout,
                        const LayoutCatalog& layouts, size_t maxRecords) {
  const std::string where = input.source.empty() ? "CSV" : input.source;
  if (layout.empty()) {
    throw JobError(JobError::Kind::Invalid, input.source.empty() ? "layout" : input.source,
                   "a CSV batch needs its layout named (--layout NAME; ?layout=NAME over HTTP): "
                   "its columns are that layout's fields");
  }
  BatchInput in;
  in.layout = layout;
  const Layout& spec = layouts.get(layout);  // checked by readBatchInput
  try {
    in.items = itemsFromCsv(input.bytes, where, spec);
  } catch (const InputError& e) {
    throw JobError(JobError::Kind::MalformedCsv, e.where(), e.message());
  }
  checkRecordCount(in.items.size(), maxRecords, where);
  in.recordsPath = where;
  if (in.items.empty()) {
    throw JobError(JobError::Kind::NothingPrinted, where,
                   "the CSV has a header row but no rows of records under it");
  }
  return in;
}

}  // namespace

std::string inputPath(const JobInput& input, const std::string& path) {
  return input.source.empty() ? path : input.source + ": " + path;
}

BatchInput readBatchInput(const JobInput& input, const std::string& layout,
                          const LayoutCatalog& layouts, size_t maxRecords,
                          const JsonLimits& json) {
  if (!layout.empty()) checkLayout(layouts, layout, input, true);
  return isJson(input) ? readJsonBatch(input, layout, layouts, maxRecords, json)
                       : readCsvBatch(input, layout, layouts, maxRecords);
}


}  // namespace gongwen
