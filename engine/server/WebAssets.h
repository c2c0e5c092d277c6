// The web page for secretaries (web/ in the data folder): read once at start and served
// from memory, so a request path is only ever a key in this table, never a file name.
#pragma once

#include <map>
#include <string>

namespace gongwen::server {

struct WebAsset {
  std::string contentType;
  std::string body;
};

class WebAssets {
 public:
  // Every regular file of a known type directly in `dir` (.html .js .css .svg .png .ico
  // .csv); none when the folder does not exist.
  static WebAssets loadDirectory(const std::string& dir);

  // "/" is index.html; "/app.js" is app.js; anything else is not found (nullptr).
  const WebAsset* find(const std::string& requestPath) const;
  bool empty() const { return assets_.empty(); }

 private:
  std::map<std::string, WebAsset> assets_;  // by request path
};

}  // namespace gongwen::server
