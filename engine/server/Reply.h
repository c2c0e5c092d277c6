// What a route answers, before it is written to the connection: status, type, body and
// headers, plus what the metrics count.
#pragma once

#include <Poco/Dynamic/Var.h>

#include <string>
#include <utility>
#include <vector>

#include "server/ApiError.h"

namespace gongwen::server {

struct Reply {
  int status = 200;
  std::string contentType = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  bool closeConnection = false;
  size_t pages = 0, documents = 0;  // in the PDFs sent, for /metrics
  std::string error, field;         // an error's phrase and field, for the access log
};

Reply jsonReply(int status, const Poco::Dynamic::Var& json);
Reply errorReply(const ApiError& error, Language language);

// Content-Disposition for a file whose name may be Chinese: an ASCII `fallback` name for
// old clients and the UTF-8 name as RFC 6266/5987 filename*. `disposition` is "inline"
// or "attachment".
std::string contentDisposition(const std::string& disposition, const std::string& utf8Name,
                               const std::string& fallback);

}  // namespace gongwen::server
