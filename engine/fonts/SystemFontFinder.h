// Finds installed fonts by family name with fontconfig. Owns its own FcConfig (no global
// fontconfig state); made only when a family-name candidate is reached.
#pragma once

#include <optional>
#include <string>

#include "common/CHandle.h"

struct _FcConfig;

namespace gongwen {

struct FoundFont {
  std::string path;
  unsigned index = 0;
};

class SystemFontFinder {
 public:
  SystemFontFinder();
  ~SystemFontFinder();
  SystemFontFinder(const SystemFontFinder&) = delete;
  SystemFontFinder& operator=(const SystemFontFinder&) = delete;

  // An installed font whose family (in any language) is exactly `family`; the regular
  // weight when there are several.
  std::optional<FoundFont> find(const std::string& family);

 private:
  _FcConfig* config();
  _FcConfig* config_ = nullptr;
};

}  // namespace gongwen
