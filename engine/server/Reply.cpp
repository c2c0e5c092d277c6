#include "server/Reply.h"

#include <cstdio>

#include "common/Utf8.h"
#include "server/JsonText.h"

namespace gongwen::server {

Reply jsonReply(int status, const Poco::Dynamic::Var& json) {
  Reply r;
  r.status = status;
  r.contentType = "application/json; charset=utf-8";
  r.body = jsonText(json) + "\n";
  return r;
}

Reply errorReply(const ApiError& error, Language language) {
  Reply r = jsonReply(error.status(), error.toJson(language));
  r.headers.emplace_back("Content-Language", language == Language::Chinese ? "zh-CN" : "en");
  r.error = error.error();
  r.field = error.field();
  if (error.retryAfterSeconds() > 0) {
    r.headers.emplace_back("Retry-After", std::to_string(error.retryAfterSeconds()));
  }
  if (error.status() == 401) r.headers.emplace_back("WWW-Authenticate", "Bearer");
  return r;
}

std::string contentDisposition(const std::string& disposition, const std::string& utf8Name,
                               const std::string& fallback) {
  std::string encoded;
  for (unsigned char c : utf8Name) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      encoded += buf;
    }
  }
  std::string ascii;
  for (char c : fallback) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '-' || c == '_')
      ascii += c;
  }
  if (ascii.empty() || ascii[0] == '.') ascii = "document" + ascii;
  return disposition + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace gongwen::server
