// Writing an answer: the status line (always HTTP/1.1, with the status's own reason
// phrase), the headers every answer carries, and the bytes sent within a deadline.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "server/Reply.h"

namespace gongwen::server {

// "Unprocessable Entity" for 422; "Unknown" for a status it does not know.
std::string_view reasonPhrase(int status);

struct ResponseMeta {
  std::string instance;      // X-Gongwen-Instance
  std::string requestId;     // X-Request-Id
  bool close = false;        // Connection: close, else keep-alive
  bool http10 = false;       // an HTTP/1.0 client kept alive needs "Connection: keep-alive"
  bool headRequest = false;  // HEAD: the headers only
};

// The status line and headers, blank line included.
std::string responseHead(const Reply& reply, const ResponseMeta& meta);

// Writes all of `parts` to the non-blocking socket `fd` before `deadline`; false when
// the peer is gone or too slow.
bool sendAll(int fd, std::string_view head, std::string_view body,
             std::chrono::steady_clock::time_point deadline);

}  // namespace gongwen::server
