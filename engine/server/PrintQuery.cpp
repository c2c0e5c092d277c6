#include "server/PrintQuery.h"

#include "common/Errors.h"
#include "render/SvgPreview.h"
#include "server/ApiError.h"
#include "server/BatchRequest.h"

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
    throw ApiError(400, "bad query parameter", e.message(), e.where());
  }
  return adjust;
}

Reply svgPreview(const Engine& engine, const Poco::JSON::Object::Ptr& record,
                 RenderOptions options) {
  options.allowFilePaths = false;
  LayoutResult laid = engine.layout(record, options);
  Reply r;
  r.contentType = "image/svg+xml; charset=utf-8";
  r.body = pageSvg(laid.list.pages.at(0));
  r.headers.emplace_back("X-Gongwen-Pages", std::to_string(laid.list.pages.size()));
  return r;
}

}  // namespace gongwen::server
