// The shared secret of --token-file: requests to /v1/ must carry
// "Authorization: Bearer TOKEN". Compared in constant time.
#pragma once

#include <string>
#include <string_view>

namespace gongwen::server {

// The token in `path` (surrounding whitespace dropped). Throws InputError naming the
// file when it cannot be read or holds no token.
std::string readTokenFile(const std::string& path);

// Whether the Authorization header value carries `token`; takes the same time for every
// header of a given length, whatever its content.
bool bearerMatches(std::string_view authorizationHeader, std::string_view token);

}  // namespace gongwen::server
