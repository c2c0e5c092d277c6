// Font subsets and images that repeat from one PDF to the next — the same title glyphs, the
// same seal on every certificate an office prints — prepared once by a long-running process
// (the HTTP server) and reused: the cross-request backing of a document's PdfResources.
// Keyed by content (a face and its glyphs; an image's bytes and kind). Bounded: when full it
// starts afresh. Thread-safe.
#pragma once

#include <atomic>
#include <memory>

#include "common/SharedCache.h"
#include "pdf/PreparedObjects.h"

namespace gongwen {

class PdfCache final : public PreparedObjects {
 public:
  // At most `maxFonts` subsets (a few KB to a few hundred KB each) and `maxImages` images
  // (each up to the 8 MiB an image field may carry).
  explicit PdfCache(size_t maxFonts = 256, size_t maxImages = 8)
      : fonts_(maxFonts), images_(maxImages) {}

  std::shared_ptr<const PreparedFont> font(const FontUse& use, bool compress,
                                           bool retainGids) override;
  std::shared_ptr<const PreparedImage> image(const ImageContent& image, bool compress) override;
  // A certificate's border: the same on every request, deflated once.
  std::shared_ptr<const PreparedForm> form(const FormContent& form, bool compress) override;

  // How often a subset or an image was found prepared (hits) or had to be made (misses).
  struct Stats {
    size_t fontHits = 0, fontMisses = 0, imageHits = 0, imageMisses = 0, formHits = 0,
           formMisses = 0;
  };
  Stats stats() const;

 private:
  // An image's bytes are kept beside it: a hash names it, the bytes decide.
  struct CachedImage {
    std::shared_ptr<const ImageData> source;
    std::shared_ptr<const PreparedImage> prepared;
  };
  SharedCache<PreparedFont> fonts_;
  SharedCache<CachedImage> images_;
  SharedCache<PreparedForm> forms_{16};
  std::atomic<size_t> fontHits_{0}, fontMisses_{0}, imageHits_{0}, imageMisses_{0}, formHits_{0},
      formMisses_{0};
};

}  // namespace gongwen
