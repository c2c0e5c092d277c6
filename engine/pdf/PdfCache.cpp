#include "pdf/PdfCache.h"

#include <algorithm>

#include "common/Utf8.h"

namespace gongwen {

std::shared_ptr<const PreparedFont> PdfCache::font(const FontUse& use, bool compress,
                                                   bool retainGids) {
  // The face, the glyphs (in code order, which is what the subset depends on) and the text
  // each stands for (the ToUnicode map).
  std::string key = faceIdentity(*use.font) + (compress ? "z" : "-") + (retainGids ? "r" : "");
  std::vector<uint32_t> glyphs = use.glyphs;
  std::sort(glyphs.begin(), glyphs.end());
  for (uint32_t g : glyphs) {
    key += ' ' + std::to_string(g);
    auto t = use.text.find(g);
    if (t != use.text.end()) key += '=' + encodeUtf8(t->second);
  }
  if (auto found = fonts_.find(key)) {
    ++fontHits_;
    return found;
  }
  ++fontMisses_;
  auto made = std::make_shared<const PreparedFont>(prepareFont(use, compress, retainGids));
  fonts_.add(key, made);
  return made;
}

std::shared_ptr<const PreparedImage> PdfCache::image(const ImageContent& image, bool compress) {
  const std::string key = std::to_string(image.hash) + (compress ? "z" : "-");
  if (auto found = images_.find(key); found && sameContent(*found->source, *image.data)) {
    ++imageHits_;
    return found->prepared;
  }
  ++imageMisses_;
  auto made = std::make_shared<const PreparedImage>(prepareImage(*image.data, compress));
  images_.add(key, std::make_shared<const CachedImage>(CachedImage{image.data, made}));
  return made;
}

std::shared_ptr<const PreparedForm> PdfCache::form(const FormContent& form, bool compress) {
  // The key holds the whole stream: equal keys, equal forms.
  const std::string key = contentKey(form) + (compress ? "z" : "-");
  if (auto found = forms_.find(key)) {
    ++formHits_;
    return found;
  }
  ++formMisses_;
  auto made = std::make_shared<const PreparedForm>(prepareForm(form, compress));
  forms_.add(key, made);
  return made;
}

PdfCache::Stats PdfCache::stats() const {
  return {fontHits_.load(),    fontMisses_.load(), imageHits_.load(),
          imageMisses_.load(), formHits_.load(),   formMisses_.load()};
}

}  // namespace gongwen
