// Small helpers the text elements share.
#pragma once

#include <string>
#include <string_view>

namespace gongwen {

// Without leading and trailing spaces, tabs and ideographic spaces (the layout indents).
std::u32string trimmedText(std::u32string_view s);

}  // namespace gongwen
