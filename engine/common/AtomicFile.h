// Writes a whole file or nothing: bytes go to a temporary beside the target, which is
// renamed over it only when complete. A failed render leaves no partial file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gongwen {

// Throws std::runtime_error naming the file on failure (and removes the temporary).
void writeFileAtomically(const std::string& path, const std::vector<uint8_t>& bytes);

}  // namespace gongwen
