#include "fonts/SystemFontFinder.h"

#include <fontconfig/fontconfig.h>

#include <cstdlib>

namespace gongwen {

SystemFontFinder::SystemFontFinder(std::string cacheFile) : cache_(std::move(cacheFile)) {}

SystemFontFinder::~SystemFontFinder() {
  cache_.save();
  if (config_) FcConfigDestroy(config_);
}

std::optional<FoundFont> SystemFontFinder::find(const std::string& family) {
  if (auto known = cache_.lookup(family)) return *known;
  std::optional<FoundFont> found = askFontconfig(family);
  if (config_) cache_.remember(family, found, fontDirs());
  return found;
}

// The folders fontconfig reads fonts from (what the cache's fingerprint covers).
std::vector<std::string> SystemFontFinder::fontDirs() {
  std::vector<std::string> dirs;
  CHandle<FcStrList, FcStrListDone> list(FcConfigGetFontDirs(config()));
  if (!list) return dirs;
  while (FcChar8* dir = FcStrListNext(list.get())) {
    dirs.emplace_back(reinterpret_cast<const char*>(dir));
  }
  return dirs;
}

FcConfig* SystemFontFinder::config() {
  if (!config_) config_ = FcInitLoadConfigAndFonts();
  return config_;
}

std::optional<FoundFont> SystemFontFinder::askFontconfig(const std::string& family) {
  FcConfig* cfg = config();
  if (!cfg) return std::nullopt;
  CHandle<FcPattern, FcPatternDestroy> pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddBool(pattern.get(), FC_OUTLINE, FcTrue);
  CHandle<FcObjectSet, FcObjectSetDestroy> objects(
      FcObjectSetBuild(FC_FILE, FC_INDEX, FC_WEIGHT, nullptr));
  CHandle<FcFontSet, FcFontSetDestroy> set(FcFontList(cfg, pattern.get(), objects.get()));
  if (!set) return std::nullopt;
  std::optional<FoundFont> best;
  int bestDistance = 1 << 30;
  for (int i = 0; i < set->nfont; ++i) {
    FcChar8* file = nullptr;
    int index = 0, weight = FC_WEIGHT_REGULAR;
    if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
    FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
    FcPatternGetInteger(set->fonts[i], FC_WEIGHT, 0, &weight);
    int distance = std::abs(weight - FC_WEIGHT_REGULAR);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = FoundFont{reinterpret_cast<const char*>(file), static_cast<unsigned>(index)};
    }
  }
  return best;
}

}  // namespace gongwen
