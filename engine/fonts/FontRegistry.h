// Resolves the font configuration once per process: every role gets the first candidate
// found on this machine, loaded once and shared read-only by all threads.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/Font.h"
#include "fonts/FontConfig.h"

namespace gongwen {

struct RoleResolution {
  std::string role;                   // "fangsong" …, or "fallback"
  FontPtr font;                       // null when no candidate was found
  std::string chosen;                 // the candidate that serves it
  std::vector<std::string> notFound;  // candidates before it (or all) that are not here
  // The role's later candidates that are installed (not for "fallback"): they draw, in
  // order, a character `font` lacks before the fallback chain is tried, so that a rare
  // character of a 小标宋 title is still bold.
  std::vector<FontPtr> alternates;
  std::vector<std::string> alternatesChosen;  // the candidates they come from
};

class FontRegistry {
 public:
  // Resolves and loads every role and the fallback chain. A candidate that is not on
  // this machine is skipped; one that is there but cannot be read is a FontError.
  static std::shared_ptr<const FontRegistry> create(const FontConfig& config);

  // The font serving `role`. Throws FontError when the role has none (all candidates
  // missing) and InputError when the role is unknown.
  const FontPtr& font(std::string_view role) const;
  // Fonts tried, in order, for a character a role's font lacks: the alternates of the
  // roles `font` serves (in the order of the roles, each once; empty for a font that
  // serves no role), then the fallback chain.
  const std::vector<FontPtr>& alternatesOf(const Font& font) const;
  const std::vector<FontPtr>& fallbackChain() const { return fallback_; }
  // One row per role, then one per fallback candidate: what `gongwen fonts` prints.
  const std::vector<RoleResolution>& resolutions() const { return resolutions_; }

 private:
  std::vector<RoleResolution> resolutions_;
  std::vector<FontPtr> fallback_;
  std::map<const Font*, std::vector<FontPtr>> alternates_;
};

}  // namespace gongwen
