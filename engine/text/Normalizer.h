// Input normalization (on by default): real input is typed with half-width punctuation
// inside Chinese text. Half-width , ; : ? ! ( ) next to Chinese characters become
// ，；：？！（）, and straight quotes around Chinese text become “ ” and ‘ ’.
#pragma once

#include <string>
#include <string_view>

namespace gongwen {

std::u32string normalizePunctuation(std::u32string_view text);

}  // namespace gongwen
