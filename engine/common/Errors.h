// Error types shared by every stage. An InputError is the user's fault (exit 2, HTTP 4xx)
// and names where in the input the problem is; anything else is ours.
#pragma once

#include <stdexcept>
#include <string>

namespace gongwen {

// Bad input: a message for a person, and where it is (a JSON path like "$.body",
// a CSV "row 12, column recipient", or a file name).
class InputError : public std::runtime_error {
 public:
  InputError(std::string where, const std::string& message)
      : std::runtime_error(where.empty() ? message : where + ": " + message),
        where_(std::move(where)),
        message_(message) {}
  const std::string& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  std::string where_;
  std::string message_;
};

// A font that cannot be read or used.
class FontError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A character that no configured font can draw (豆腐块 must never be printed).
class MissingGlyphError : public InputError {
 public:
  MissingGlyphError(std::string where, const std::string& message, char32_t cp)
      : InputError(std::move(where), message), codepoint_(cp) {}
  char32_t codepoint() const { return codepoint_; }

 private:
  char32_t codepoint_;
};

}  // namespace gongwen
