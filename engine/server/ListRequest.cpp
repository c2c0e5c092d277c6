#include "server/ListRequest.h"

#include "batch/ListFromRows.h"
#include "common/Errors.h"
#include "server/ApiError.h"
#include "server/BatchRequest.h"

namespace gongwen::server {

Poco::JSON::Object::Ptr parseListRequest(const std::string& mediaType, const std::string& body,
                                         const std::map<std::string, std::string>& query,
                                         const Limits& limits, std::vector<std::string>* warnings) {
  const bool xlsx = mediaType == kXlsxMediaType;
  if (!xlsx && mediaType != "text/csv") {
    throw ApiError(
        415, "unsupported content type",
        "a list is made from a register: send it as text/csv or as " + std::string(kXlsxMediaType),
        "Content-Type");
  }
  auto param = [&](const char* name) {
    auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
  };
  ListOptions options;
  options.title = param("title");
  options.sort = param("sort");
  options.preamble = param("preamble");
  options.sheet.sheet = param("sheet");
  options.sheet.maxRows = limits.maxRecords;
  if (options.title.empty()) {
    throw ApiError(422, "invalid field", "missing: the list's title (?title=…)", "title");
  }
  const std::string kind = xlsx ? "xlsx" : "CSV";
  try {
    ListRecord list = listFromRows(body, kind, options);
    if (warnings) *warnings = std::move(list.warnings);
    return list.record;
  } catch (const TooManyRows& e) {
    throw ApiError(413, "too many records", e.message(), kind);
  } catch (const InputError& e) {
    throw ApiError(e.where() == "sort" ? 422 : 400,
                   e.where() == "sort" ? "invalid field" : "malformed " + kind, e.message(),
                   e.where());
  }
}

}  // namespace gongwen::server
