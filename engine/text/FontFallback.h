// Which font draws each character: the role's font, else the first font of the fallback
// chain that has it. A character no font has is a MissingGlyphError naming it and where.
// A private-use character (U+E000–U+F8FF, planes 15–16: an office's 造字) only from the
// role's font, never from the fallback chain.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fonts/Font.h"

namespace gongwen {

class FontRegistry;

struct MissingGlyphPolicy {
  bool allowMissing = false;  // draw .notdef and warn instead of failing
  std::vector<std::string>* warnings = nullptr;
};

// Per character of `text`, an index into `fonts` (which starts with `primary` and grows
// with the fallback fonts used). `where` names the field for messages, e.g. "$.body".
std::vector<uint16_t> chooseFonts(std::u32string_view text, const FontPtr& primary,
                                  const FontRegistry& registry, std::vector<FontPtr>& fonts,
                                  const std::string& where, const MissingGlyphPolicy& policy);
// The same for characters [from, to) of `text` only, written into out[from..to): a run of a
// paragraph in its own font (a run-in heading). Messages count characters in all of `text`.
void chooseFontsInRange(std::u32string_view text, size_t from, size_t to, const FontPtr& primary,
                        const FontRegistry& registry, std::vector<FontPtr>& fonts,
                        const std::string& where, const MissingGlyphPolicy& policy,
                        std::vector<uint16_t>& out);

}  // namespace gongwen
