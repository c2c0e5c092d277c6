// Font subsets and images that repeat from one PDF to the next — the same title glyphs, the
// same seal on every certificate an office prints — prepared once by a long-running process
// (the HTTP server) and reused. Bounded: when full it starts afresh. Thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "pdf/CidFontEmbedder.h"
#include "pdf/ImageEmbedder.h"

namespace gongwen {

class PdfCache {
 public:
  // At most `maxFonts` subsets (a few KB to a few hundred KB each) and `maxImages` images
  // (each up to the 8 MiB an image field may carry).
  explicit PdfCache(size_t maxFonts = 256, size_t maxImages = 8)
      : maxFonts_(maxFonts), maxImages_(maxImages) {}

  std::shared_ptr<const PreparedFont> font(const FontUse& use, bool compress);
  std::shared_ptr<const PreparedImage> image(const ImageData& image, bool compress);

  // How often a subset or an image was found prepared (hits) or had to be made (misses).
  struct Stats {
    size_t fontHits = 0, fontMisses = 0, imageHits = 0, imageMisses = 0;
  };
  Stats stats() const;

 private:
  struct Counters {
    size_t& hits;
    size_t& misses;
  };
  template <typename T>
  std::shared_ptr<const T> get(std::unordered_map<std::string, std::shared_ptr<const T>>& map,
                               const std::string& key, size_t maxEntries, Counters counters,
                               const std::function<T()>& make);

  size_t maxFonts_, maxImages_;
  mutable std::mutex mutex_;
  Stats stats_;
  std::unordered_map<std::string, std::shared_ptr<const PreparedFont>> fonts_;
  std::unordered_map<std::string, std::shared_ptr<const PreparedImage>> images_;
};

}  // namespace gongwen
