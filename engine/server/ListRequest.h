// POST /v1/batch?list=1&title=…[&sort=strokes|pinyin][&sheet=…][&preamble=…] with a CSV or
// xlsx register (one row per person or unit): ONE commendation list, as `gongwen list`.
#pragma once

#include <Poco/JSON/Object.h>

#include <map>
#include <string>
#include <vector>

#include "server/ServerSettings.h"

namespace gongwen::server {

// The list's record (layout commendation-list). Throws ApiError: 415 a body that is not
// CSV or xlsx, 422 no title, 400 a register that cannot make a list.
Poco::JSON::Object::Ptr parseListRequest(const std::string& mediaType, const std::string& body,
                                         const std::map<std::string, std::string>& query,
                                         const Limits& limits, std::vector<std::string>* warnings);

}  // namespace gongwen::server
