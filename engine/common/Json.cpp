#include "common/Json.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include <cctype>
#include <cstring>

#include "common/Errors.h"
#include "common/Utf8.h"

namespace gongwen {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// A strict recursive-descent scan of RFC 8259 JSON that stops at the first error or at the
// first limit passed, before anything is built. It notes the members of a top-level object.
class JsonScanner {
 public:
  JsonScanner(std::string_view s, const JsonLimits& limits) : s_(s), limits_(limits) {}

  std::optional<JsonLimitError::Kind> limitHit() const { return limitHit_; }
  std::vector<JsonScan::Member> takeMembers() { return std::move(members_); }

  std::optional<JsonSyntaxError> run() {
    skipSpace();
    if (!value(0)) return error_;
    skipSpace();
    if (i_ < s_.size()) return fail(Message("unexpected text after the end of the JSON value"));
    return std::nullopt;
  }

 private:
  std::optional<JsonSyntaxError> fail(Message reason) {
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
      error_ = JsonSyntaxError{line, column, std::move(reason)};
    }
    return error_;
  }
  bool failed(Message reason) {
    fail(std::move(reason));
    return false;
  }
  bool overLimit(JsonLimitError::Kind kind, Message reason) {
    if (!error_) limitHit_ = kind;
    return failed(std::move(reason));
  }
  bool countValue(bool container) {
    if (++values_ > limits_.maxValues)
      return overLimit(JsonLimitError::Kind::Values,
                       Message("more than {0} values", limits_.maxValues));
    if (container && ++containers_ > limits_.maxContainers)
      return overLimit(JsonLimitError::Kind::Values,
                       Message("more than {0} objects and arrays", limits_.maxContainers));
    return true;
  }
  void skipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
      ++i_;
  }
  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return failed(Message("unexpected character"));
    i_ += word.size();
    return true;
  }
  bool value(size_t depth) {
    if (i_ >= s_.size()) return failed(Message("unexpected end of input, a value was expected"));
    const char c = s_[i_];
    const bool container = c == '{' || c == '[';
    if (container && depth >= limits_.maxDepth)
      return overLimit(JsonLimitError::Kind::Depth,
                       Message("nested more than {0} levels deep", limits_.maxDepth));
    if (!countValue(container)) return false;
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
        return failed(
            Message("unexpected character '{0}', a value was expected", std::string(1, s_[i_])));
    }
  }
  bool object(size_t depth) {
    ++i_;
    skipSpace();
    if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
    for (;;) {
      skipSpace();
      if (i_ >= s_.size() || s_[i_] != '"')
        return failed(Message("a quoted member name was expected"));
      const size_t nameBegin = i_;
      if (!string()) return false;
      const std::string_view name = s_.substr(nameBegin, i_ - nameBegin);
      skipSpace();
      if (i_ >= s_.size() || s_[i_] != ':')
        return failed(Message("':' was expected after a member name"));
      ++i_;
      skipSpace();
      const size_t valueBegin = i_;
      if (depth == 0) inRecords_ = name == "\"records\"";
      if (!value(depth + 1)) return false;
      if (depth == 0) members_.push_back({name, s_.substr(valueBegin, i_ - valueBegin)});
      skipSpace();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
      return failed(i_ >= s_.size() ? Message("unexpected end of input, '}' was expected")
                                    : Message("',' or '}' was expected"));
    }
  }
  bool array(size_t depth) {
    ++i_;
    skipSpace();
    if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
    // A batch's records: the items of a top-level array or of the top-level "records".
    const bool records = depth == 0 || (depth == 1 && inRecords_);
    size_t items = 0;
    for (;;) {
      skipSpace();
      if (records && ++items > limits_.maxRecords)
        return overLimit(JsonLimitError::Kind::Records,
                         Message("more than {0} records", limits_.maxRecords));
      if (!value(depth + 1)) return false;
      skipSpace();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
      return failed(i_ >= s_.size() ? Message("unexpected end of input, ']' was expected")
                                    : Message("',' or ']' was expected"));
    }
  }
  bool string() {
    const size_t begin = i_++;
    while (i_ < s_.size()) {
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (i_ - begin > limits_.maxStringBytes) {
        i_ = begin;
        return overLimit(JsonLimitError::Kind::String,
                         Message("a string longer than {0} bytes", limits_.maxStringBytes));
      }
      if (c == '"') return ++i_, true;
      if (c < 0x20)
        return failed(Message("control character inside a string (write it as \\n, \\t …)"));
      if (c == '\\') {
        ++i_;
        if (i_ >= s_.size()) break;
        char e = s_[i_];
        if (e == 'u') {
          for (int k = 1; k <= 4; ++k) {
            if (i_ + k >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_ + k])))
              return failed(Message("\\u must be followed by four hex digits"));
          }
          i_ += 4;
        } else if (!std::strchr("\"\\/bfnrt", e)) {
          return failed(Message("invalid escape \\{0}", std::string(1, e)));
        }
      }
      ++i_;
    }
    return failed(Message("unterminated string"));
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
      return failed(Message("invalid number"));
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (!digits()) return failed(Message("digits expected after the decimal point"));
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digits()) return failed(Message("digits expected in the exponent"));
    }
    return true;
  }

  std::string_view s_;
  const JsonLimits& limits_;
  size_t i_ = 0;
  size_t values_ = 0, containers_ = 0;
  bool inRecords_ = false;
  std::vector<JsonScan::Member> members_;
  std::optional<JsonSyntaxError> error_;
  std::optional<JsonLimitError::Kind> limitHit_;
};

// Poco's DOM of one value whose text the scanner has checked. Poco parses only objects and
// arrays at the top: a string, number or literal is read as the item of an array.
Poco::Dynamic::Var build(std::string_view text, const std::string& source) {
  try {
    Poco::JSON::Parser parser;
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && (text[first] == '{' || text[first] == '['))
      return parser.parse(std::string(text));
    std::string wrapped;
    wrapped.reserve(text.size() + 2);
    wrapped.append("[").append(text).append("]");
    return parser.parse(wrapped).extract<Poco::JSON::Array::Ptr>()->get(0);
  } catch (const Poco::Exception& e) {
    throw InputError(source, Message("invalid JSON: {0}", e.message()));
  }
}

Message position(const JsonSyntaxError& e) {
  return Message("line {0}, column {1}", e.line, e.column);
}

}  // namespace

std::optional<JsonSyntaxError> locateJsonError(std::string_view text) {
  JsonLimits unlimited;
  unlimited.maxDepth = 512;  // the recursion's own bound
  unlimited.maxValues = unlimited.maxContainers = unlimited.maxStringBytes = unlimited.maxRecords =
      SIZE_MAX;
  return JsonScanner(text, unlimited).run();
}

std::string_view withoutBom(std::string_view text) {
  return text.starts_with(kBom) ? text.substr(kBom.size()) : text;
}

JsonScan scanJson(std::string_view text, const std::string& source, const JsonLimits& limits) {
  text = withoutBom(text);
  if (auto bad = findInvalidUtf8(text)) {
    throw InputError(source, Message("invalid UTF-8 at line {0}, column {1} (byte {2}); save the "
                                     "file as UTF-8",
                                     bad->line, bad->column, bad->byteOffset));
  }
  JsonScanner scanner(text, limits);
  if (auto err = scanner.run()) {
    if (auto kind = scanner.limitHit()) {
      if (*kind == JsonLimitError::Kind::Records) {
        const auto first = text.find_first_not_of(" \t\r\n");
        const bool inObject = first != std::string_view::npos && text[first] == '{';
        throw JsonLimitError(inObject ? jsonPath(source, "records") : source, *kind,
                             Message("{0} in one batch, the limit (counted while reading, at {1})",
                                     err->reason, position(*err)));
      }
      throw JsonLimitError(source, *kind,
                           Message("too large to read: {0} (at {1}); the limit keeps one input "
                                   "from taking the memory of all",
                                   err->reason, position(*err)));
    }
    throw InputError(source, Message("invalid JSON at {0}: {1}", position(*err), err->reason));
  }
  JsonScan scan;
  scan.text = text;
  const auto first = text.find_first_not_of(" \t\r\n");
  scan.topIsObject = first != std::string_view::npos && text[first] == '{';
  scan.members = scanner.takeMembers();
  return scan;
}

std::optional<std::string> JsonScan::stringMember(std::string_view name) const {
  std::optional<std::string> found;
  for (const auto& m : members) {
    if (m.name.substr(1, m.name.size() - 2) == name && m.value.starts_with('"')) {
      Poco::Dynamic::Var v = build(m.value, "$");
      found = v.toString();
    }
  }
  return found;
}

Poco::Dynamic::Var parseJson(std::string_view text, const std::string& source,
                             const JsonLimits& limits) {
  JsonScan scan = scanJson(text, source, limits);
  return build(scan.text, source);
}

Poco::JSON::Object::Ptr parseJsonObject(std::string_view text, const std::string& source,
                                        const JsonLimits& limits) {
  Poco::Dynamic::Var v = parseJson(text, source, limits);
  if (v.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw InputError(source, Message("expected a JSON object at the top, found {0}", jsonType(v)));
  }
  return v.extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Object::Ptr buildJsonObject(const JsonScan& scan, const std::string& source,
                                        const std::function<bool(const std::string&)>& keep) {
  if (!scan.topIsObject) {
    throw InputError(source, Message("expected a JSON object at the top, found {0}",
                                     jsonType(build(scan.text, source))));
  }
  Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
  for (const auto& m : scan.members) {
    const std::string name = build(m.name, source).toString();
    // A member not kept stays as null: its name is still reported (an unknown field).
    object->set(name, keep(name) ? build(m.value, source) : Poco::Dynamic::Var());
  }
  return object;
}

std::string jsonPath(const std::string& parent, const std::string& key) {
  // A record read from a spreadsheet row is "row 12" (or `sheet "名单", row 12`); its fields
  // "row 12, field title".
  const bool row = parent.rfind("row ", 0) == 0 || (parent.rfind("sheet \"", 0) == 0 &&
                                                    parent.find("\", row ") != std::string::npos);
  if (row && parent.find(", field ") == std::string::npos) {
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

Message jsonType(const Poco::Dynamic::Var& v) {
  if (v.isEmpty()) return Message("null");
  if (v.type() == typeid(Poco::JSON::Object::Ptr)) return Message("an object");
  if (v.type() == typeid(Poco::JSON::Array::Ptr)) return Message("an array");
  if (v.isString()) return Message("a string");
  if (v.isBoolean()) return Message("a boolean");
  if (v.isNumeric()) return Message("a number");
  return Message("a value of another type");
}

}  // namespace gongwen
