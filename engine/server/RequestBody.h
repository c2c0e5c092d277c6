// Reading request bodies within the size limit.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>

#include <string>

namespace gongwen::server {

// "Application/JSON; charset=utf-8" → "application/json".
std::string mediaTypeOf(const std::string& contentType);

// The whole body. Throws ApiError 413 when Content-Length says it is over `limit` (before
// reading any of it) or when a chunked body grows past it.
std::string readBody(Poco::Net::HTTPServerRequest& request, size_t limit);

// After refusing a body without reading it: reads and drops what the client still sends
// (at most `budget` bytes, for at most two seconds), so that it reads our answer rather
// than a connection reset.
void discardBody(Poco::Net::HTTPServerRequest& request, size_t budget);

}  // namespace gongwen::server
