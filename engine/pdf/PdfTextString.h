// PDF text strings (document info, bookmarks): UTF-16BE with a byte order mark, which is
// how PDF carries Chinese outside content streams.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gongwen {

std::vector<uint8_t> pdfTextString(const std::string& utf8);

}  // namespace gongwen
