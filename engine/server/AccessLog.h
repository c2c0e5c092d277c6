// One line per request on stderr, written with a single write() so lines from
// concurrent requests never interleave:
//   2026-05-01T08:00:00.123Z 127.0.0.1 POST /v1/render 200 48211 12.8ms id=6f1c0a9e2b7d4c15
// and for an error what and where:  … 422 97 3.1ms id=… error="invalid field" field="$.title"
#pragma once

#include <string>

namespace gongwen::server {

struct AccessRecord {
  std::string remote, method, path;
  int status = 0;
  size_t bytes = 0;  // response body
  double milliseconds = 0;
  std::string requestId;     // X-Request-Id
  std::string error, field;  // of an error answer
};

std::string formatAccessLine(const AccessRecord& r);
void writeAccessLine(const AccessRecord& r);  // to stderr

}  // namespace gongwen::server
