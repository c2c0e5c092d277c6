// Request bodies: the media type of Content-Type, and a strict decoder of chunked bodies
// (RFC 9112 7.1) fed as bytes arrive, with the body limit checked while decoding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/Message.h"

namespace gongwen::server {

// "Application/JSON; charset=utf-8" → "application/json".
std::string mediaTypeOf(const std::string& contentType);

class ChunkedDecoder {
 public:
  enum class State { More, Done, Error };
  explicit ChunkedDecoder(size_t limit) : limit_(limit) {}

  // Decodes what it can of `bytes` into `body`; returns the bytes used. Once Done, the
  // bytes after the body's end are not used (they are the next request). Once Error,
  // error() and status() say why (400, or 413 when the body grows past the limit).
  size_t feed(std::string_view bytes, std::string& body);
  State state() const { return state_; }
  int status() const { return status_; }
  const Message& error() const { return error_; }

 private:
  size_t fail(int status, Message error);

  enum class Part { Size, Data, DataEnd, Trailer };
  Part part_ = Part::Size;
  State state_ = State::More;
  size_t limit_;
  uint64_t left_ = 0;  // of the current chunk's data
  std::string line_;   // a size or trailer line being gathered
  int status_ = 0;
  Message error_;
};

}  // namespace gongwen::server
