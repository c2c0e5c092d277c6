#include "server/BatchRequest.h"

#include <Poco/JSON/Array.h>

#include <algorithm>

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

JsonLimits requestJsonLimits(const Limits& limits) {
  JsonLimits json;
  json.maxRecords = limits.maxRecords;
  // A record is an object with a few lists at most: room for that, and no more objects and
  // arrays than that in any body (each costs up to 1 KB in Poco's DOM).
  json.maxContainers = std::max<size_t>(20'000, 8 * limits.maxRecords);
  json.maxValues = std::max<size_t>(100'000, 40 * limits.maxRecords);
  return json;
}

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

  if (mediaType == "text/csv") {
    if (req.layout.empty()) {
      throw ApiError(422, "invalid field", "a CSV batch names its layout: ?layout=NAME", "layout");
    }
    const Layout* layout = nullptr;
    try {
      layout = &engine.layouts().get(req.layout);
    } catch (const InputError& e) {
      throw ApiError(422, "invalid field", e.message(), "layout");
    }
    try {
      req.items = itemsFromCsv(body, "CSV", *layout);
    } catch (const InputError& e) {
      throw ApiError(400, "malformed CSV", e.message(), e.where());
    }
    checkRecordCount(req.items.size(), limits, "CSV");
    if (req.items.empty()) {
      throw ApiError(422, "no printable records",
                     "the CSV has a header row but no rows of records under it", "CSV");
    }
    return req;
  }

  Poco::JSON::Object::Ptr root;
  try {
    // Only "layout" and "records" are built; the records are counted while scanning.
    root = buildJsonObject(scanJson(body, "$", requestJsonLimits(limits)), "$",
                           [](const std::string& k) { return k == "layout" || k == "records"; });
  } catch (const JsonLimitError& e) {
    throw invalidInput(e);
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
  return req;
}

}  // namespace gongwen::server
