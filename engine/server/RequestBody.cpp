#include "server/RequestBody.h"

#include <algorithm>
#include <cctype>

#include "server/HttpHead.h"

namespace gongwen::server {
namespace {

constexpr size_t kMaxLine = 4096;  // a chunk-size line with its extensions, or a trailer

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
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

size_t ChunkedDecoder::fail(int status, Message error) {
  state_ = State::Error;
  status_ = status;
  error_ = std::move(error);
  return 0;
}

size_t ChunkedDecoder::feed(std::string_view bytes, std::string& body) {
  size_t used = 0;
  while (used < bytes.size() && state_ == State::More) {
    if (part_ == Part::Data) {
      size_t n = static_cast<size_t>(std::min<uint64_t>(left_, bytes.size() - used));
      body.append(bytes.data() + used, n);
      used += n;
      left_ -= n;
      if (left_ == 0) part_ = Part::DataEnd;
      continue;
    }
    // A line: the chunk size, the CRLF after a chunk's data, or a trailer field.
    size_t lf = bytes.find('\n', used);
    size_t take = (lf == std::string_view::npos ? bytes.size() : lf + 1) - used;
    line_.append(bytes.data() + used, take);
    used += take;
    if (line_.size() > kMaxLine)
      return fail(400, Message("a chunk line is longer than 4096 bytes"));
    if (line_.back() != '\n') continue;
    if (line_.size() < 2 || line_[line_.size() - 2] != '\r') {
      return fail(400, Message("a chunk line does not end in CRLF"));
    }
    std::string_view text(line_.data(), line_.size() - 2);
    if (part_ == Part::DataEnd) {
      if (!text.empty()) return fail(400, Message("a chunk's data is longer than its size"));
      part_ = Part::Size;
    } else if (part_ == Part::Size) {
      // chunk-size = 1*HEXDIG, then optional ";ext" (BWS allowed before ';').
      size_t end = 0;
      uint64_t size = 0;
      while (end < text.size() && hexValue(text[end]) >= 0) {
        if (end >= 15) return fail(400, Message("a chunk size is too large"));
        size = size * 16 + static_cast<uint64_t>(hexValue(text[end]));
        ++end;
      }
      if (end == 0) return fail(400, Message("a chunk size is not a hexadecimal number"));
      std::string_view rest = text.substr(end);
      while (!rest.empty() && (rest[0] == ' ' || rest[0] == '\t')) rest.remove_prefix(1);
      if (!rest.empty() && rest[0] != ';')
        return fail(400, Message("a chunk size is followed by junk"));
      for (unsigned char c : rest) {
        if ((c < 0x20 && c != '\t') || c == 0x7F)
          return fail(400, Message("a control character in a chunk extension"));
      }
      if (size > limit_ || body.size() + size > limit_) {
        return fail(413, Message("the request body is larger than the limit of {0} bytes", limit_));
      }
      left_ = size;
      part_ = size == 0 ? Part::Trailer : Part::Data;
    } else {  // Trailer
      if (text.empty()) {
        state_ = State::Done;
      } else {
        size_t colon = text.find(':');
        if (colon == 0 || colon == std::string_view::npos ||
            !std::all_of(text.begin(), text.begin() + static_cast<long>(colon),
                         [](char c) { return isTokenChar(static_cast<unsigned char>(c)); })) {
          return fail(400, Message("a malformed trailer field"));
        }
      }
    }
    line_.clear();
  }
  return used;
}

}  // namespace gongwen::server
