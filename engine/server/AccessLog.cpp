#include "server/AccessLog.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace gongwen::server {
namespace {

// Text from a request, cut short and with anything unprintable escaped (%XX), so a
// request cannot forge log lines. A path keeps no spaces; a quoted value (an error
// phrase, a field) keeps them but escapes backslashes.
std::string escaped(const std::string& text, bool quoted) {
  std::string out;
  for (unsigned char c : text) {
    if (out.size() >= 200) {
      out += "...";
      break;
    }
    bool escape = c < (quoted ? 0x20 : 0x21) || c >= 0x7F || c == '"' || (quoted && c == '\\');
    if (escape) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string printablePath(const std::string& path) {
  std::string out = escaped(path, false);
  return out.empty() ? "-" : out;
}

std::string quotedValue(const std::string& text) { return escaped(text, true); }

std::string utcNow() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms.count()));
  return buf;
}

}  // namespace

std::string formatAccessLine(const AccessRecord& r) {
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.1fms", r.milliseconds);
  return utcNow() + " " + (r.remote.empty() ? "-" : r.remote) + " " + printablePath(r.method) +
         " " + printablePath(r.path) + " " + std::to_string(r.status) + " " +
         std::to_string(r.bytes) + " " + ms +
         (r.requestId.empty() ? "" : " id=" + printablePath(r.requestId)) +
         (r.error.empty() ? "" : " error=\"" + quotedValue(r.error) + "\"") +
         (r.field.empty() ? "" : " field=\"" + quotedValue(r.field) + "\"") + "\n";
}

void writeAccessLine(const AccessRecord& r) {
  std::string line = formatAccessLine(r);
  [[maybe_unused]] ssize_t n = ::write(STDERR_FILENO, line.data(), line.size());
}

}  // namespace gongwen::server
