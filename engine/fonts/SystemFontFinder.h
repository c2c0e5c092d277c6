// Finds installed fonts by family name with fontconfig. Owns its own FcConfig (no global
// fontconfig state), made only when a family name is not in the cache of earlier answers
// (FontFamilyCache), which it saves when it is destroyed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/CHandle.h"
#include "fonts/FontFamilyCache.h"

struct _FcConfig;

namespace gongwen {

class SystemFontFinder {
 public:
  // `cacheFile` "" = no cache.
  explicit SystemFontFinder(std::string cacheFile = defaultFontCacheFile());
  ~SystemFontFinder();
  SystemFontFinder(const SystemFontFinder&) = delete;
  SystemFontFinder& operator=(const SystemFontFinder&) = delete;

  // An installed font whose family (in any language) is exactly `family`; the regular
  // weight when there are several.
  std::optional<FoundFont> find(const std::string& family);

  // Whether fontconfig had to be started (a family the cache did not know).
  bool startedFontconfig() const { return config_ != nullptr; }

 private:
  _FcConfig* config();
  std::optional<FoundFont> askFontconfig(const std::string& family);
  std::vector<std::string> fontDirs();

  FontFamilyCache cache_;
  _FcConfig* config_ = nullptr;
};

}  // namespace gongwen
