// A message for a person, in the language the person reads (issue 11: Chinese first).
// It is built where the problem is found, from an English template with {0}, {1}, … where
// its arguments go, and rendered by a front end (the CLI by the locale, the server by
// Accept-Language). The English template is also the key of the translations, in
// po/zh_CN.po (gettext's format: a translator edits it with any PO editor; `xgettext
// --keyword=Message` finds every template in the code, and a test fails when one has no
// Chinese text).
#pragma once

#include <concepts>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen {

enum class Language { Chinese, English };

class Message {
 public:
  Message() = default;
  // `english` must be a string literal (it is the catalogue's key). Arguments: text (a name,
  // a value, a path: printed as given), numbers, or Messages (translated in turn).
  template <class... Args>
  explicit Message(const char* english, Args&&... args) : template_(english) {
    args_.reserve(sizeof...(args));
    (args_.push_back(argument(std::forward<Args>(args))), ...);
  }

  // Text that is not translated: a path, a file name, a message from a library.
  static Message verbatim(std::string text);

  std::string text(Language language) const;
  std::string english() const { return text(Language::English); }
  bool empty() const { return template_ == nullptr && verbatim_.empty() && args_.empty(); }
  // The English template ("" for verbatim text): for tests and the catalogue check.
  std::string_view id() const { return template_ ? template_ : ""; }

 private:
  struct Argument {
    std::string text;
    std::shared_ptr<const Message> message;  // when the argument is itself a message
  };
  static Argument argument(const Message& m) { return {"", std::make_shared<Message>(m)}; }
  static Argument argument(std::string s) { return {std::move(s), nullptr}; }
  static Argument argument(std::string_view s) { return {std::string(s), nullptr}; }
  static Argument argument(const char* s) { return {s, nullptr}; }
  template <std::integral T>
  requires(!std::same_as<T, bool> && !std::same_as<T, char>) static Argument argument(T n) {
    return {std::to_string(n), nullptr};
  }
  static Argument argument(double d);

  friend Message joinedList(std::vector<Message> items);

  const char* template_ = nullptr;
  std::string verbatim_;
  std::vector<Argument> args_;
  bool list_ = false;  // args_ joined by the language's list separator
};

// Joins messages with the language's list separator ("、" in Chinese, ", " in English).
Message joinedList(std::vector<Message> items);
// Joins texts that are not translated (names, headers) the same way.
Message joinedNames(std::vector<std::string> names);

// The language a locale name asks for (LC_ALL / LC_MESSAGES / LANG): "zh_CN.UTF-8" → Chinese,
// "en_US.UTF-8" or any other language → English; "", "C" and "POSIX" say nothing → Chinese.
Language languageOfLocale(std::string_view locale);
// The language an HTTP Accept-Language header prefers among the two we have (by q-value,
// then order); Chinese when it is absent or names neither.
Language languageOfAcceptLanguage(std::string_view header);

}  // namespace gongwen
