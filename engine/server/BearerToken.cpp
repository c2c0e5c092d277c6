#include "server/BearerToken.h"

#include <cctype>

#include "common/Errors.h"
#include "model/LayoutCatalog.h"

namespace gongwen::server {
namespace {

std::string_view trim(std::string_view s) {
  const char* space = " \t\r\n";
  size_t a = s.find_first_not_of(space);
  if (a == std::string_view::npos) return {};
  size_t b = s.find_last_not_of(space);
  return s.substr(a, b - a + 1);
}

// Every byte of both is looked at; no early exit.
bool equalConstantTime(std::string_view given, std::string_view expected) {
  unsigned diff = given.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < given.size(); ++i) {
    unsigned char e = expected.empty() ? 0 : expected[i % expected.size()];
    diff |= static_cast<unsigned char>(given[i]) ^ e;
  }
  return diff == 0;
}

}  // namespace

std::string readTokenFile(const std::string& path) {
  std::string token(trim(readFile(path)));
  if (token.empty()) throw InputError(path, Message("the token file is empty"));
  if (token.find_first_of(" \t\r\n") != std::string::npos) {
    throw InputError(path,
                     Message("the token file must hold one token (no spaces or line breaks)"));
  }
  return token;
}

bool bearerMatches(std::string_view header, std::string_view token) {
  constexpr std::string_view scheme = "Bearer ";
  if (header.size() < scheme.size()) return false;
  for (size_t i = 0; i < scheme.size(); ++i) {  // the scheme is case-insensitive
    if (std::tolower(static_cast<unsigned char>(header[i])) !=
        std::tolower(static_cast<unsigned char>(scheme[i])))
      return false;
  }
  return equalConstantTime(trim(header.substr(scheme.size())), token);
}

}  // namespace gongwen::server
