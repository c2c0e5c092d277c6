#include "server/RequestBody.h"

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>

#include <algorithm>
#include <cctype>
#include <chrono>

#include "server/ApiError.h"

namespace gongwen::server {
namespace {

ApiError tooLarge(size_t limit) {
  return ApiError(
      413, "payload too large",
      "the request body is larger than the limit of " + std::to_string(limit) + " bytes");
}

}  // namespace

std::string mediaTypeOf(const std::string& contentType) {
  std::string type = contentType.substr(0, contentType.find(';'));
  type.erase(0, type.find_first_not_of(" \t"));
  type.erase(type.find_last_not_of(" \t") + 1);
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

std::string readBody(Poco::Net::HTTPServerRequest& request, size_t limit) {
  if (request.hasContentLength() && request.getContentLength64() > static_cast<long long>(limit)) {
    throw tooLarge(limit);
  }
  std::string body;
  if (request.hasContentLength()) body.reserve(static_cast<size_t>(request.getContentLength64()));
  std::istream& in = request.stream();
  char buffer[64 * 1024];
  while (in) {
    in.read(buffer, sizeof buffer);
    body.append(buffer, static_cast<size_t>(in.gcount()));
    if (body.size() > limit) throw tooLarge(limit);
  }
  bool shortOfLength = request.hasContentLength() &&
                       static_cast<long long>(body.size()) != request.getContentLength64();
  if (in.bad() || shortOfLength) {
    throw ApiError(400, "incomplete body", "the connection broke while the body was being read");
  }
  return body;
}

void discardBody(Poco::Net::HTTPServerRequest& request, size_t budget) {
  try {
    if (auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request)) {
      impl->socket().setReceiveTimeout(Poco::Timespan(0, 500'000));
    }
    auto end = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    std::istream& in = request.stream();
    char buffer[64 * 1024];
    size_t dropped = 0;
    while (in && dropped < budget && std::chrono::steady_clock::now() < end) {
      in.read(buffer, sizeof buffer);
      dropped += static_cast<size_t>(in.gcount());
    }
  } catch (...) {
    // The client went away or stalled: nothing more to do, the connection closes.
  }
}

}  // namespace gongwen::server
