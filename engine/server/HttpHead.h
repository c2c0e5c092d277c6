// An HTTP/1.1 request head parsed as RFC 9112 says, strictly: a request line, header
// fields, and the framing of the body (Content-Length or chunked). Framing the server
// cannot trust (two lengths, a length that is not 1*DIGIT, an unknown transfer coding,
// both a length and chunked) is refused, never guessed: a guess is how one request is
// smuggled inside another.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/Message.h"

namespace gongwen::server {

enum class BodyFraming { None, Length, Chunked };

struct HttpHead {
  std::string method, target;                               // as sent
  int minorVersion = 1;                                     // HTTP/1.0 or HTTP/1.1
  std::vector<std::pair<std::string, std::string>> fields;  // names as sent, values trimmed
  BodyFraming framing = BodyFraming::None;
  uint64_t contentLength = 0;  // when framing is Length
  bool keepAlive = true;       // the client allows another request on this connection
  bool expectContinue = false;

  // The first field of that name (case-insensitive); nullopt when absent.
  std::optional<std::string> field(std::string_view name) const;
  // Every value of fields of that name, in order.
  std::vector<std::string> fieldValues(std::string_view name) const;
};

struct HeadLimits {
  size_t maxBytes = 32 * 1024;  // request line and fields together (431 above)
  size_t maxFields = 100;       // (431 above)
};

struct HeadParse {
  enum class State { Incomplete, Complete, Error } state = State::Incomplete;
  size_t consumed = 0;  // bytes of the head, blank line included (Complete)
  HttpHead head;        // Complete
  int status = 0;       // Error: 400, 431, 501 or 505
  Message error;        // Error: what was wrong, for the client
};

// Parses the head at the start of `bytes`. Incomplete while the blank line ending it has
// not come yet (and the limit is not reached). Never throws.
HeadParse parseRequestHead(std::string_view bytes, const HeadLimits& limits = {});

// "123" → 123; nullopt for anything but 1*DIGIT or a value over 2^63 - 1.
std::optional<uint64_t> parseContentLength(std::string_view text);

// RFC 9110 token characters (method, field names, transfer codings).
bool isTokenChar(unsigned char c);

}  // namespace gongwen::server
