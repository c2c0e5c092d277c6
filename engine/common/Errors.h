// Error types shared by every stage. An InputError is the user's fault (exit 2, HTTP 4xx)
// and names where in the input the problem is; anything else is ours.
#pragma once

#include <stdexcept>
#include <string>

#include "common/Message.h"
#include "common/Place.h"

namespace gongwen {

// Bad input: a message for a person, and where it is (a JSON path like "$.body", a
// spreadsheet's "row 12, column C", or a file name). Both are Messages (common/Message.h),
// shown in the reader's language by the front ends; what() is the English text, for logs.
class InputError : public std::runtime_error {
 public:
  InputError(Message where, Message message)
      : std::runtime_error(joined(where, message, Language::English)),
        where_(std::move(where)),
        message_(std::move(message)),
        whereEnglish_(where_.english()),
        messageEnglish_(message_.english()) {}
  // A JSON path or a file name (not translated), or a spreadsheet's place ("row 12, column C",
  // translated: common/Place.h).
  InputError(std::string where, Message message)
      : InputError(placeMessage(std::move(where)), std::move(message)) {}

  // English, machine-readable enough for an API's "field" and for logs.
  const std::string& where() const { return whereEnglish_; }
  const std::string& message() const { return messageEnglish_; }
  // For a person: "where: message" in the language.
  std::string text(Language language) const { return joined(where_, message_, language); }
  const Message& whereMessage() const { return where_; }
  const Message& messageText() const { return message_; }

 private:
  static std::string joined(const Message& where, const Message& message, Language language) {
    if (where.empty()) return message.text(language);
    return where.text(language) + (language == Language::Chinese ? "：" : ": ") +
           message.text(language);
  }

  Message where_, message_;
  std::string whereEnglish_, messageEnglish_;
};

// A font that cannot be read or used. what() is the English text, for logs.
class FontError : public std::runtime_error {
 public:
  explicit FontError(Message message)
      : std::runtime_error(message.english()), message_(std::move(message)) {}

  const Message& messageText() const { return message_; }
  std::string text(Language language) const { return message_.text(language); }

 private:
  Message message_;
};

// A character that no configured font can draw (豆腐块 must never be printed).
class MissingGlyphError : public InputError {
 public:
  MissingGlyphError(Message where, Message message, char32_t cp)
      : InputError(std::move(where), std::move(message)), codepoint_(cp) {}
  MissingGlyphError(std::string where, Message message, char32_t cp)
      : InputError(std::move(where), std::move(message)), codepoint_(cp) {}
  char32_t codepoint() const { return codepoint_; }

 private:
  char32_t codepoint_;
};

}  // namespace gongwen
