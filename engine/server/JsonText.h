// JSON values to text for responses and headers.
#pragma once

#include <Poco/Dynamic/Var.h>

#include <string>
#include <string_view>

namespace gongwen::server {

// Compact JSON text (UTF-8).
std::string jsonText(const Poco::Dynamic::Var& value);

// The same JSON with every non-ASCII character written as \uXXXX (surrogate pairs above
// U+FFFF), so it can travel in an HTTP header and JSON.parse gives the characters back.
std::string asciiJson(std::string_view utf8Json);

}  // namespace gongwen::server
