#include "server/PrintQuery.h"

#include "common/Errors.h"
#include "server/ApiError.h"
#include "server/JobRequests.h"

namespace gongwen::server {

PrintAdjust printAdjustFromQuery(const std::map<std::string, std::string>& query) {
  PrintAdjust adjust;
  adjust.overlay = queryFlag(query, "overlay", false);
  std::string field;
  try {
    if (auto it = query.find("offset"); it != query.end() && !it->second.empty()) {
      field = "offset";
      parseOffset(it->second, adjust, field);
    }
    if (auto it = query.find("scale"); it != query.end() && !it->second.empty()) {
      field = "scale";
      adjust.scale = parseScale(it->second, field);
    }
    checkPrintAdjust(adjust, field.empty() ? "offset" : field);
  } catch (const InputError& e) {
    throw ApiError(400, "bad query parameter", e.messageText(), e.where());
  }
  return adjust;
}

}  // namespace gongwen::server
