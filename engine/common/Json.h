// JSON input: Poco's parser, plus the line and column of a syntax error (Poco's messages
// do not say where), and typed accessors that name the JSON path of a bad value.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <string_view>

namespace gongwen {

// Parses UTF-8 JSON text. Throws InputError naming `source` with line and column for
// invalid UTF-8 and syntax errors.
Poco::Dynamic::Var parseJson(std::string_view text, const std::string& source);
// Same, requiring an object at the top.
Poco::JSON::Object::Ptr parseJsonObject(std::string_view text, const std::string& source);

// Where a JSON syntax error is: 1-based line and column (in characters) of the first
// byte that makes `text` invalid JSON, with a short reason; nothing if it is valid.
struct JsonSyntaxError {
  size_t line, column;
  std::string reason;
};
std::optional<JsonSyntaxError> locateJsonError(std::string_view text);

// "$.a" + "b" → "$.a.b"; "$.a" + 3 → "$.a[3]".
// "$.body" + "title" → "$.body.title"; a spreadsheet row "row 12" + "title" →
// "row 12, field title" (and "row 12, field body" + 3 → "row 12, field body[3]").
std::string jsonPath(const std::string& parent, const std::string& key);
std::string jsonPath(const std::string& parent, size_t index);

// The JSON type of a value as a person would say it: "a string", "a number", "an object"…
std::string jsonTypeName(const Poco::Dynamic::Var& v);

}  // namespace gongwen
