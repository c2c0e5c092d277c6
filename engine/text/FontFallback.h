// Which font draws each character: the role's font, else the first of the role's alternates
// (its later installed candidates: FontRegistry::alternatesOf) that has it, else the first
// font of the fallback chain that has it. A character no font has is a MissingGlyphError naming it
// and where. A private-use character (U+E000–U+F8FF, planes 15–16: an office's 造字) only from the
// role's font, never from the fallback chain.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/Message.h"
#include "fonts/Font.h"

namespace gongwen {

class FontRegistry;

struct MissingGlyphPolicy {
  bool allowMissing = false;  // draw .notdef and warn instead of failing
  std::vector<Message>* warnings = nullptr;
};

// For characters [from, to) of `text`, an index into `fonts` (which starts with `primary`
// and grows with the fallback fonts used), written into out[from..to): a whole paragraph, or
// a run in its own font (a run-in heading). `where` names the field for messages (e.g.
// "$.body"), which count characters in all of `text`.
void chooseFontsInRange(std::u32string_view text, size_t from, size_t to, const FontPtr& primary,
                        const FontRegistry& registry, std::vector<FontPtr>& fonts,
                        const std::string& where, const MissingGlyphPolicy& policy,
                        std::vector<uint16_t>& out);

}  // namespace gongwen
