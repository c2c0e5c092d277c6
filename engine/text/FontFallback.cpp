#include "text/FontFallback.h"

#include <algorithm>

#include "common/Errors.h"
#include "common/Utf8.h"
#include "fonts/FontRegistry.h"
#include "text/CharClass.h"

namespace gongwen {
namespace {

bool needsNoGlyph(char32_t c) {
  return c == U'\n' || c == U'\r' || c == U'\t' || c == 0x200B || c == 0x200D || c == 0x200C ||
         c == 0xFEFF || isVariationSelector(c) || (c >= 0x0300 && c <= 0x036F);
}

std::string context(std::u32string_view text, size_t i) {
  size_t from = i >= 8 ? i - 8 : 0;
  size_t to = std::min(text.size(), i + 9);
  std::u32string snippet(text.substr(from, to - from));
  std::replace(snippet.begin(), snippet.end(), U'\n', U' ');
  return (from > 0 ? "…" : "") + encodeUtf8(snippet) + (to < text.size() ? "…" : "");
}

// Private-use code points (U+E000–U+F8FF, planes 15 and 16) mean what a font says they
// mean: an office's own characters (造字) in its own font. A font of the generic fallback
// chain gives them some unrelated glyph, so only the role's font may draw them.
bool privateUse(char32_t c) {
  return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0x10FFFD);
}

uint16_t indexOf(std::vector<FontPtr>& fonts, const FontPtr& f) {
  for (size_t k = 0; k < fonts.size(); ++k) {
    if (fonts[k] == f) return static_cast<uint16_t>(k);
  }
  fonts.push_back(f);
  return static_cast<uint16_t>(fonts.size() - 1);
}

}  // namespace

void chooseFontsInRange(std::u32string_view text, size_t from, size_t to, const FontPtr& primary,
                        const FontRegistry& registry, std::vector<FontPtr>& fonts,
                        const std::string& where, const MissingGlyphPolicy& policy,
                        std::vector<uint16_t>& out) {
  const uint16_t primaryIndex = indexOf(fonts, primary);
  // The role's later installed candidates first (a bold title stays bold), then the rest.
  const std::vector<FontPtr>& alternates = registry.alternatesOf(*primary);
  for (size_t i = from; i < to; ++i) {
    out[i] = primaryIndex;
    char32_t c = text[i];
    if (needsNoGlyph(c)) {
      if (i > from && c != U'\n') out[i] = out[i - 1];  // marks and selectors follow their base
      continue;
    }
    if (primary->hasGlyph(c)) continue;
    const FontPtr* found = nullptr;
    const bool fromRoleOnly = privateUse(c);
    for (const auto* chain : {&alternates, &registry.fallbackChain()}) {
      for (const auto& f : *chain) {
        if (fromRoleOnly || found) break;
        if (f->hasGlyph(c)) found = &f;
      }
    }
    if (found) {
      out[i] = indexOf(fonts, *found);
      continue;
    }
    Message message =
        fromRoleOnly
            ? Message(
                  "character {0} at character {1} ({2}) is a private-use character and has "
                  "no glyph in the font of its role ({3}); private-use characters (an "
                  "office's own 造字) are drawn only by the office's font configured for the "
                  "role, never by a fallback font: configure that font with --font ROLE=FILE "
                  "or --fonts, or pass --allow-missing-glyphs",
                  describeCodepoint(c), i + 1, context(text, i), primary->describe())
            : Message(
                  "character {0} at character {1} ({2}) has no glyph in any configured font "
                  "({3} and {4} fallback fonts); install a font that has it and add it to "
                  "the fallback chain, or pass --allow-missing-glyphs",
                  describeCodepoint(c), i + 1, context(text, i), primary->describe(),
                  registry.fallbackChain().size());
    if (!policy.allowMissing) throw MissingGlyphError(where, message, c);
    if (policy.warnings)
      policy.warnings->push_back(Message("{0}: {1}", placeMessage(where), message));
  }
}

}  // namespace gongwen
