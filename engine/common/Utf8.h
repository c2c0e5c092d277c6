// UTF-8 validation, decoding and encoding.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gongwen {

struct Utf8Problem {
  size_t byteOffset;  // where the bad sequence starts
  size_t line;        // 1-based
  size_t column;      // 1-based, in characters
};

// The first invalid sequence in `bytes`, or nothing when it is valid UTF-8.
std::optional<Utf8Problem> findInvalidUtf8(std::string_view bytes);

// Decodes valid UTF-8 (invalid bytes become U+FFFD).
std::u32string decodeUtf8(std::string_view bytes);

std::string encodeUtf8(std::u32string_view text);
void appendUtf8(std::string& out, char32_t cp);

// "U+4E2D '中'": how errors name a character.
std::string describeCodepoint(char32_t cp);

}  // namespace gongwen
