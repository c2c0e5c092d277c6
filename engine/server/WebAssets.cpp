#include "server/WebAssets.h"

#include <filesystem>

#include "model/LayoutCatalog.h"

namespace gongwen::server {
namespace {

std::string contentTypeOf(const std::string& extension) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".csv", "text/csv; charset=utf-8"},
  };
  auto it = types.find(extension);
  return it == types.end() ? "" : it->second;
}

}  // namespace

WebAssets WebAssets::loadDirectory(const std::string& dir) {
  WebAssets web;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return web;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    std::string type = contentTypeOf(entry.path().extension().string());
    if (type.empty()) continue;
    std::string name = entry.path().filename().string();
    web.assets_["/" + name] = WebAsset{type, readFile(entry.path().string())};
    if (name == "index.html") web.assets_["/"] = web.assets_["/" + name];
  }
  return web;
}

const WebAsset* WebAssets::find(const std::string& requestPath) const {
  auto it = assets_.find(requestPath);
  return it == assets_.end() ? nullptr : &it->second;
}

}  // namespace gongwen::server
