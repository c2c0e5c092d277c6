#include "server/JsonText.h"

#include <Poco/JSON/Stringifier.h>

#include <cstdio>
#include <sstream>

#include "common/Utf8.h"

namespace gongwen::server {

std::string jsonText(const Poco::Dynamic::Var& value) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(value, out);
  return out.str();
}

std::string asciiJson(std::string_view utf8Json) {
  std::string out;
  out.reserve(utf8Json.size());
  auto escape = [&out](unsigned unit) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\u%04x", unit & 0xFFFFu);
    out += buf;
  };
  for (char32_t cp : decodeUtf8(utf8Json)) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x10000) {
      escape(cp);
    } else {
      char32_t v = cp - 0x10000;
      escape(0xD800 + (v >> 10));
      escape(0xDC00 + (v & 0x3FF));
    }
  }
  return out;
}

}  // namespace gongwen::server
