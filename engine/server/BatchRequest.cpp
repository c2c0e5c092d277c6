#include "server/BatchRequest.h"

#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Array.h>

#include <iterator>
#include <sstream>

#include "batch/SharedValues.h"
#include "batch/SheetTable.h"
#include "common/Errors.h"
#include "common/Json.h"
#include "server/ApiError.h"

namespace gongwen::server {
namespace {

void checkRecordCount(size_t count, const Limits& limits, const std::string& field) {
  if (count <= limits.maxRecords) return;
  throw ApiError(413, "too many records",
                 std::to_string(count) + " records, more than the limit of " +
                     std::to_string(limits.maxRecords) + " in one batch",
                 field);
}

}  // namespace

bool queryFlag(const std::map<std::string, std::string>& query, const std::string& name,
               bool otherwise) {
  auto it = query.find(name);
  if (it == query.end()) return otherwise;
  const std::string& v = it->second;
  if (v == "1" || v == "true" || v == "yes") return true;
  if (v == "0" || v == "false" || v == "no" || v.empty()) return false;
  throw ApiError(400, "bad query parameter", "must be 1 or 0, found \"" + v + "\"", name);
}

BatchRequest parseBatchRequest(const Engine& engine, const std::string& mediaType,
                               const std::string& body,
                               const std::map<std::string, std::string>& query,
                               const Limits& limits) {
  BatchRequest req;
  req.split = queryFlag(query, "split", false);
  req.duplex = queryFlag(query, "duplex", false);
  req.dryRun = queryFlag(query, "dry_run", false);
  req.normalize = queryFlag(query, "normalize", true);
  auto layoutParam = query.find("layout");
  if (layoutParam != query.end()) req.layout = layoutParam->second;

  const bool xlsx = mediaType == kXlsxMediaType;
  if (mediaType == "text/csv" || xlsx) {
    const std::string kind = xlsx ? "xlsx" : "CSV";
    if (req.layout.empty()) {
      throw ApiError(422, "invalid field", "a " + kind + " batch names its layout: ?layout=NAME",
                     "layout");
    }
    const Layout* layout = nullptr;
    try {
      layout = &engine.layouts().get(req.layout);
    } catch (const InputError& e) {
      throw ApiError(422, "invalid field", e.message(), "layout");
    }
    SheetOptions options;
    if (auto sheet = query.find("sheet"); sheet != query.end()) options.sheet = sheet->second;
    options.maxRows = limits.maxRecords;
    // Query fields that name the layout's fields are the values every row shares.
    options.defaults = new Poco::JSON::Object;
    for (const auto& [key, value] : query) {
      if (layout->field(key) && key != "layout") options.defaults->set(key, value);
    }
    SheetItems sheet;
    try {
      sheet = itemsFromSheet(body, kind, *layout, options);
    } catch (const TooManyRows& e) {
      throw ApiError(413, "too many records", e.message(), kind);
    } catch (const InputError& e) {
      throw ApiError(400, "malformed " + kind, e.message(), e.where());
    }
    req.items = std::move(sheet.items);
    req.warnings = std::move(sheet.warnings);
    checkRecordCount(req.items.size(), limits, kind);
    if (req.items.empty()) {
      throw ApiError(422, "no printable records",
                     "the " + kind + " has a header row but no rows of records under it", kind);
    }
    return req;
  }

  Poco::JSON::Object::Ptr root;
  try {
    root = parseJsonObject(body, "$");
  } catch (const InputError& e) {
    throw ApiError(400, "malformed JSON", e.message(), "$");
  }
  if (req.layout.empty()) {
    if (!root->has("layout")) {
      throw ApiError(422, "invalid field", "missing: name the layout of the records", "$.layout");
    }
    auto v = root->get("layout");
    if (!v.isString()) {
      throw ApiError(422, "invalid field", "must be a string, found " + jsonTypeName(v),
                     "$.layout");
    }
    req.layout = v.toString();
  }
  engine.layouts().get(req.layout);  // InputError "$.layout" listing the layouts
  Poco::JSON::Object::Ptr defaults;
  if (root->has("defaults")) {
    defaults = root->getObject("defaults");
    if (!defaults) {
      throw ApiError(422, "invalid field",
                     "must be an object of the values every record shares, found " +
                         jsonTypeName(root->get("defaults")),
                     "$.defaults");
    }
  }
  if (root->has("spreadsheet")) {
    // A CSV or xlsx as a data: URI, with the values its rows share (the web page's batch).
    auto v = root->get("spreadsheet");
    const std::string uri = v.isString() ? v.toString() : "";
    const size_t comma = uri.find(',');
    if (uri.rfind("data:", 0) != 0 || comma == std::string::npos || comma < 12 ||
        uri.compare(comma - 7, 7, ";base64") != 0) {
      throw ApiError(422, "invalid field",
                     "must be the spreadsheet as a data:…;base64,… URI (CSV or xlsx)",
                     "$.spreadsheet");
    }
    std::istringstream in(uri.substr(comma + 1));
    Poco::Base64Decoder decoder(in);
    std::string bytes((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
    const Layout& layout = engine.layouts().get(req.layout);
    SheetOptions options;
    options.maxRows = limits.maxRecords;
    options.defaults = defaults;
    if (root->has("sheet")) options.sheet = root->getValue<std::string>("sheet");
    SheetItems sheet;
    try {
      sheet = itemsFromSheet(bytes, "spreadsheet", layout, options);
    } catch (const TooManyRows& e) {
      throw ApiError(413, "too many records", e.message(), "$.spreadsheet");
    } catch (const InputError& e) {
      throw ApiError(400, "malformed spreadsheet", e.message(), e.where());
    }
    req.items = std::move(sheet.items);
    req.warnings = std::move(sheet.warnings);
    checkRecordCount(req.items.size(), limits, "$.spreadsheet");
    if (req.items.empty()) {
      throw ApiError(422, "no printable records",
                     "the spreadsheet has a header row but no rows of records under it",
                     "$.spreadsheet");
    }
    return req;
  }
  if (!root->has("records")) {
    throw ApiError(422, "invalid field", "missing: the list of records", "$.records");
  }
  auto records = root->getArray("records");
  if (!records) {
    throw ApiError(422, "invalid field",
                   "must be a list of records, found " + jsonTypeName(root->get("records")),
                   "$.records");
  }
  checkRecordCount(records->size(), limits, "$.records");
  req.items = itemsFromJsonArray(records, "$.records");
  if (req.items.empty()) {
    throw ApiError(422, "no printable records", "the list of records is empty", "$.records");
  }
  if (defaults) applyDefaults(req.items, defaults);
  return req;
}

}  // namespace gongwen::server
