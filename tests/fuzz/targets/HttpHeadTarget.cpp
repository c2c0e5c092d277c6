// Any bytes as the start of a connection: parsed as a request head (server/HttpHead), and
// when the head frames a chunked body, the rest fed to the chunked decoder in pieces of
// varying size. Besides crashes it checks what the connection loop relies on: a
// complete head never claims more bytes than it was given, an error always carries a
// status the server answers with, a Content-Length never exceeds 2^63 - 1, and the
// decoder never uses more bytes than it was fed nor grows the body past its limit.
#include <cstdio>
#include <string>
#include <string_view>

#include "fuzz/targets/FuzzTargets.h"
#include "server/HttpHead.h"
#include "server/RequestBody.h"

namespace {

void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_http_head: %s\n", what);
  __builtin_trap();
}

}  // namespace

namespace gongwen::fuzz {

int httpHead(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  server::HeadLimits limits;
  limits.maxBytes = 4096;
  limits.maxFields = 20;
  server::HeadParse p = server::parseRequestHead(bytes, limits);
  if (p.state == server::HeadParse::State::Error) {
    check(
        p.status == 400 || p.status == 417 || p.status == 431 || p.status == 501 || p.status == 505,
        "an error status the server does not answer with");
    check(!p.error.empty(), "an error without a message");
    return 0;
  }
  if (p.state == server::HeadParse::State::Incomplete) {
    check(size <= limits.maxBytes + 64, "incomplete past the head limit");
    return 0;
  }
  check(p.consumed > 0 && p.consumed <= size, "a head longer than its input");
  check(p.head.contentLength <= static_cast<uint64_t>(INT64_MAX), "a length over 2^63 - 1");
  check(!p.head.method.empty() && !p.head.target.empty(), "a head without method or target");
  if (p.head.framing != server::BodyFraming::Chunked) return 0;
  // The body in pieces of 1, 2, 3 … bytes, as a slow client would send it.
  const size_t limit = 1024;
  server::ChunkedDecoder decoder(limit);
  std::string body;
  std::string_view rest = bytes.substr(p.consumed);
  size_t piece = 1;
  while (!rest.empty() && decoder.state() == server::ChunkedDecoder::State::More) {
    std::string_view part = rest.substr(0, piece++);
    size_t used = decoder.feed(part, body);
    check(used <= part.size(), "the decoder used more than it was fed");
    check(body.size() <= limit, "the body grew past its limit");
    if (decoder.state() == server::ChunkedDecoder::State::More) {
      check(used == part.size(), "the decoder left bytes while wanting more");
    }
    rest.remove_prefix(used);
    if (used < part.size()) break;
  }
  if (decoder.state() == server::ChunkedDecoder::State::Error) {
    check(decoder.status() == 400 || decoder.status() == 413, "a chunk error status");
  }
  return 0;
}

}  // namespace gongwen::fuzz
