// JSON input: Poco's parser, plus the line and column of a syntax error (Poco's messages
// do not say where), and typed accessors that name the JSON path of a bad value.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/Errors.h"

namespace gongwen {

// What one JSON input may hold, checked while scanning, before any DOM exists: Poco's DOM
// costs up to 1 KB per `{}`, so 10 MB of small values would cost gigabytes.
struct JsonLimits {
  size_t maxDepth = 64;               // nesting of objects and arrays
  size_t maxValues = 2'000'000;       // values of every kind
  size_t maxContainers = 250'000;     // objects and arrays (the costly ones)
  size_t maxStringBytes = 16u << 20;  // one string, as written (escapes included)
  size_t maxRecords = SIZE_MAX;       // items of a top-level array or "records" array
};

// An input over one of those limits: InputError for the command line (exit 2), 413 for
// the HTTP service.
class JsonLimitError : public InputError {
 public:
  enum class Kind { Depth, Values, String, Records };
  JsonLimitError(std::string where, Kind kind, Message message)
      : InputError(std::move(where), std::move(message)), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// A checked JSON text (a UTF-8 BOM dropped) and the members of its top-level object.
struct JsonScan {
  struct Member {
    std::string_view name;   // as written, quotes included
    std::string_view value;  // as written
  };
  std::string_view text;
  bool topIsObject = false;
  std::vector<Member> members;  // of the top-level object, in order
  // The text of the top-level member `name` when it is a string.
  std::optional<std::string> stringMember(std::string_view name) const;
};

// Checks UTF-8, syntax and limits; builds nothing. Throws InputError naming `source` with
// line and column for invalid UTF-8 and syntax errors, JsonLimitError over a limit.
JsonScan scanJson(std::string_view text, const std::string& source, const JsonLimits& limits);
// The top-level object of a scanned text with only the members `keep` accepts built; the
// others are present as null (so that their names can still be reported) and cost nothing.
Poco::JSON::Object::Ptr buildJsonObject(const JsonScan& scan, const std::string& source,
                                        const std::function<bool(const std::string&)>& keep);

// Parses UTF-8 JSON text (a leading BOM is dropped) within `limits`. Throws InputError
// naming `source` with line and column for invalid UTF-8 and syntax errors, JsonLimitError.
Poco::Dynamic::Var parseJson(std::string_view text, const std::string& source,
                             const JsonLimits& limits = {});
// Same, requiring an object at the top.
Poco::JSON::Object::Ptr parseJsonObject(std::string_view text, const std::string& source,
                                        const JsonLimits& limits = {});

// Where a JSON syntax error is: 1-based line and column (in characters) of the first
// byte that makes `text` invalid JSON, with a short reason; nothing if it is valid.
struct JsonSyntaxError {
  size_t line, column;
  Message reason;
};
std::optional<JsonSyntaxError> locateJsonError(std::string_view text);

// "$.a" + "b" → "$.a.b"; "$.a" + 3 → "$.a[3]".
// "$.body" + "title" → "$.body.title"; a spreadsheet row "row 12" + "title" →
// "row 12, field title" (and "row 12, field body" + 3 → "row 12, field body[3]").
std::string jsonPath(const std::string& parent, const std::string& key);
std::string jsonPath(const std::string& parent, size_t index);

// The JSON type of a value as a person would say it: "a string", "a number", "an object"…
std::string jsonTypeName(const Poco::Dynamic::Var& v);
// The same as a Message, for messages in the reader's language ("found {0}").
Message jsonType(const Poco::Dynamic::Var& v);

}  // namespace gongwen
