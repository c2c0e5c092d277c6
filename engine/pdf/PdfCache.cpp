#include "pdf/PdfCache.h"

#include <algorithm>

#include "common/Utf8.h"

namespace gongwen {

template <typename T>
std::shared_ptr<const T> PdfCache::get(
    std::unordered_map<std::string, std::shared_ptr<const T>>& map, const std::string& key,
    size_t maxEntries, Counters counters, const std::function<T()>& make) {
  {
    std::lock_guard lock(mutex_);
    auto it = map.find(key);
    if (it != map.end()) {
      ++counters.hits;
      return it->second;
    }
  }
  auto made = std::make_shared<const T>(make());  // outside the lock: it takes a while
  std::lock_guard lock(mutex_);
  ++counters.misses;
  if (map.size() >= maxEntries) map.clear();
  return map.emplace(key, made).first->second;
}

std::shared_ptr<const PreparedFont> PdfCache::font(const FontUse& use, bool compress) {
  // The font, the glyphs (in code order, which is what the subset depends on) and the text
  // each stands for (the ToUnicode map).
  std::string key =
      use.font->path() + '#' + std::to_string(use.font->faceIndex()) + (compress ? "z" : "-");
  std::vector<uint32_t> glyphs = use.glyphs;
  std::sort(glyphs.begin(), glyphs.end());
  for (uint32_t g : glyphs) {
    key += ' ' + std::to_string(g);
    auto t = use.text.find(g);
    if (t != use.text.end()) key += '=' + encodeUtf8(t->second);
  }
  return get<PreparedFont>(fonts_, key, maxFonts_, {stats_.fontHits, stats_.fontMisses},
                           [&] { return prepareFont(use, compress); });
}

std::shared_ptr<const PreparedImage> PdfCache::image(const ImageData& image, bool compress) {
  std::string key(image.png.begin(), image.png.end());
  key += compress ? 'z' : '-';
  return get<PreparedImage>(images_, key, maxImages_, {stats_.imageHits, stats_.imageMisses},
                            [&] { return prepareImage(image, compress); });
}

PdfCache::Stats PdfCache::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace gongwen
