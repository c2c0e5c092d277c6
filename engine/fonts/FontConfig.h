// The role → candidates configuration (fonts/fonts.json, a user's --fonts file, --font flags).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "fonts/FontCandidate.h"

namespace gongwen {

// The roles every layout may name.
inline const std::vector<std::string>& knownFontRoles() {
  static const std::vector<std::string> roles = {"xiaobiaosong", "fangsong", "heiti", "kaiti",
                                                 "songti"};
  return roles;
}

struct FontConfig {
  std::map<std::string, std::vector<FontCandidate>> roles;
  std::vector<FontCandidate> fallback;

  // Reads a config file. Throws InputError naming the file and JSON path.
  static FontConfig fromFile(const std::string& path);
  static FontConfig fromJson(const std::string& text, const std::string& source);

  // Roles and fallback given in `user` replace ours; the rest stay.
  void overlay(const FontConfig& user);
  // "ROLE=FILE" or "ROLE=FILE#INDEX" (ROLE may be "fallback"): puts FILE first for ROLE.
  // Throws InputError for an unknown role or a malformed spec.
  void preferFile(const std::string& spec);
};

}  // namespace gongwen
