#include "common/Json.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include <cctype>

#include "common/Errors.h"
#include "common/Utf8.h"

namespace gongwen {
namespace {

// A strict recursive-descent scan of RFC 8259 JSON that stops at the first error.
class JsonScanner {
 public:
  explicit JsonScanner(std::string_view s) : s_(s) {}

  std::optional<JsonSyntaxError> run() {
    skipSpace();
    if (!value(0)) return error_;
    skipSpace();
    if (i_ < s_.size()) return fail("unexpected text after the end of the JSON value");
    return std::nullopt;
  }

 private:
  std::optional<JsonSyntaxError> fail(const std::string& reason) {
    if (!error_) {
      size_t line = 1, column = 1;
      for (size_t k = 0; k < i_ && k < s_.size(); ++k) {
        unsigned char c = static_cast<unsigned char>(s_[k]);
        if (c == '\n') {
          ++line;
          column = 1;
        } else if ((c & 0xC0) != 0x80) {
          ++column;
        }
      }
      error_ = JsonSyntaxError{line, column, reason};
    }
    return error_;
  }
  bool failed(const std::string& reason) {
    fail(reason);
    return false;
  }
  void skipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
      ++i_;
  }
  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return failed("unexpected character");
    i_ += word.size();
    return true;
  }
  bool value(int depth) {
    if (depth > 512) return failed("nested too deeply");
    if (i_ >= s_.size()) return failed("unexpected end of input, a value was expected");
    switch (s_[i_]) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default:
        if (s_[i_] == '-' || std::isdigit(static_cast<unsigned char>(s_[i_]))) return number();
        return failed(std::string("unexpected character '") + s_[i_] + "', a value was expected");
    }
  }
  bool object(int depth) {
    ++i_;
    skipSpace();
    if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
    for (;;) {
      skipSpace();
      if (i_ >= s_.size() || s_[i_] != '"') return failed("a quoted member name was expected");
      if (!string()) return false;
      skipSpace();
      if (i_ >= s_.size() || s_[i_] != ':') return failed("':' was expected after a member name");
      ++i_;
      skipSpace();
      if (!value(depth + 1)) return false;
      skipSpace();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
      return failed(i_ >= s_.size() ? "unexpected end of input, '}' was expected"
                                    : "',' or '}' was expected");
    }
  }
  bool array(int depth) {
    ++i_;
    skipSpace();
    if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
    for (;;) {
      skipSpace();
      if (!value(depth + 1)) return false;
      skipSpace();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
      return failed(i_ >= s_.size() ? "unexpected end of input, ']' was expected"
                                    : "',' or ']' was expected");
    }
  }
  bool string() {
    ++i_;
    while (i_ < s_.size()) {
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') return ++i_, true;
      if (c < 0x20) return failed("control character inside a string (write it as \\n, \\t …)");
      if (c == '\\') {
        ++i_;
        if (i_ >= s_.size()) break;
        char e = s_[i_];
        if (e == 'u') {
          for (int k = 1; k <= 4; ++k) {
            if (i_ + k >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_ + k])))
              return failed("\\u must be followed by four hex digits");
          }
          i_ += 4;
        } else if (!std::strchr("\"\\/bfnrt", e)) {
          return failed(std::string("invalid escape \\") + e);
        }
      }
      ++i_;
    }
    return failed("unterminated string");
  }
  bool number() {
    size_t start = i_;
    if (s_[i_] == '-') ++i_;
    auto digits = [&] {
      size_t k = i_;
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
      return i_ > k;
    };
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
    } else if (!digits()) {
      i_ = start;
      return failed("invalid number");
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (!digits()) return failed("digits expected after the decimal point");
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digits()) return failed("digits expected in the exponent");
    }
    return true;
  }

  std::string_view s_;
  size_t i_ = 0;
  std::optional<JsonSyntaxError> error_;
};

}  // namespace

std::optional<JsonSyntaxError> locateJsonError(std::string_view text) {
  return JsonScanner(text).run();
}

Poco::Dynamic::Var parseJson(std::string_view text, const std::string& source) {
  if (auto bad = findInvalidUtf8(text)) {
    throw InputError(source, "invalid UTF-8 at line " + std::to_string(bad->line) + ", column " +
                                 std::to_string(bad->column) + " (byte " +
                                 std::to_string(bad->byteOffset) + "); save the file as UTF-8");
  }
  if (auto err = locateJsonError(text)) {
    throw InputError(source, "invalid JSON at line " + std::to_string(err->line) + ", column " +
                                 std::to_string(err->column) + ": " + err->reason);
  }
  try {
    Poco::JSON::Parser parser;
    return parser.parse(std::string(text));
  } catch (const Poco::Exception& e) {
    throw InputError(source, "invalid JSON: " + e.message());
  }
}

Poco::JSON::Object::Ptr parseJsonObject(std::string_view text, const std::string& source) {
  Poco::Dynamic::Var v = parseJson(text, source);
  if (v.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw InputError(source, "expected a JSON object at the top, found " + jsonTypeName(v));
  }
  return v.extract<Poco::JSON::Object::Ptr>();
}

std::string jsonPath(const std::string& parent, const std::string& key) {
  // A record read from a spreadsheet row is "row 12"; its fields "row 12, field title".
  if (parent.rfind("row ", 0) == 0 && parent.find(", field ") == std::string::npos) {
    return parent + ", field " + key;
  }
  return parent + "." + key;
}

std::string jsonPath(const std::string& parent, size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

std::string jsonTypeName(const Poco::Dynamic::Var& v) {
  if (v.isEmpty()) return "null";
  if (v.type() == typeid(Poco::JSON::Object::Ptr)) return "an object";
  if (v.type() == typeid(Poco::JSON::Array::Ptr)) return "an array";
  if (v.isString()) return "a string";
  if (v.isBoolean()) return "a boolean";
  if (v.isNumeric()) return "a number";
  return "a value of another type";
}

}  // namespace gongwen
