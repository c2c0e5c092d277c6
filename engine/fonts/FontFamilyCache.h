// What fontconfig answered for each family name, remembered across runs, so that a run
// whose family names are all known never starts fontconfig (its start-up is ~31 M
// instructions, 14 % of rendering the 3-page article). Kept valid by a fingerprint of the
// folders fontconfig reads fonts from (each folder under them with its modification time)
// and of its configuration (/etc/fonts, FONTCONFIG_FILE, FONTCONFIG_PATH): installing or
// removing a font, or changing fontconfig's settings, starts the cache afresh. It is only
// a cache: a file that cannot be read or written is ignored.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gongwen {

struct FoundFont {
  std::string path;
  unsigned index = 0;
};

class FontFamilyCache {
 public:
  // `file` "" = no cache. Reads it when it is there and still valid.
  explicit FontFamilyCache(std::string file);

  // The remembered answer: a font, or known to be absent (nullopt inside); nullopt outside
  // when the family was never asked.
  std::optional<std::optional<FoundFont>> lookup(const std::string& family) const;
  // An answer of fontconfig's, and the folders it reads fonts from (what the fingerprint
  // covers).
  void remember(const std::string& family, const std::optional<FoundFont>& found,
                const std::vector<std::string>& fontDirs);
  // Writes the cache file when something new was remembered (atomically; errors ignored).
  void save() const;

 private:
  std::string file_;
  std::vector<std::string> dirs_;
  std::map<std::string, std::optional<FoundFont>> families_;
  bool changed_ = false;
};

// $GONGWEN_FONT_CACHE ("off" = none), else $XDG_CACHE_HOME/gongwen/font-families.json,
// else $HOME/.cache/gongwen/font-families.json; "" when there is no home.
std::string defaultFontCacheFile();

// The fingerprint of these font folders and of fontconfig's configuration.
std::string fontFoldersFingerprint(const std::vector<std::string>& fontDirs);

}  // namespace gongwen
