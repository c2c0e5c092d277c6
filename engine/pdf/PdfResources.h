// The fonts, forms and images of one PDF, each registered once by its content (ResourceKeys.h)
// as the pages that draw them are collected, numbered in order of first use and named as the
// page resources call them (F1…, Fm1…, Im1…); found again by the objects a page draws, and
// prepared for embedding through one interface (PreparedObjects: made now, or the server's
// PdfCache). Used by both writers: writePdf and StreamingPdfWriter.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "layout/DisplayList.h"
#include "pdf/CidFontEmbedder.h"
#include "pdf/PreparedObjects.h"
#include "pdf/ResourceKeys.h"

namespace gongwen {

// The prepared objects of a document, index for index with its PdfResources.
struct PreparedResources {
  std::vector<std::shared_ptr<const PreparedFont>> fonts;
  std::vector<std::shared_ptr<const PreparedImage>> images;
  std::vector<std::shared_ptr<const PreparedForm>> forms;
};

class PdfResources {
 public:
  // Registers the fonts (with the glyphs drawn in each), forms and images that `page` draws.
  void collect(const Page& page);

  const std::vector<FontUse>& fonts() const { return fonts_; }
  const std::vector<FormContent>& forms() const { return forms_; }
  const std::vector<ImageContent>& images() const { return images_; }

  // The index of what a collected page draws (that page still alive). Safe on several
  // threads at once between two collects.
  size_t fontOf(const Font& font) const { return fontOf_.at(&font).index; }
  size_t formOf(const Artwork& art) const { return formOf_.at(&art).index; }
  size_t imageOf(const ImageData& image) const { return imageOf_.at(&image).index; }

  // Names in the page resources: index 0 is F1, Fm1, Im1.
  static std::string fontName(size_t index);
  static std::string formName(size_t index);
  static std::string imageName(size_t index);

  // The fonts' subsets and the images' stream data from `source` (null: made now), each font
  // and image on its own thread (up to `threads`, 0: one per core). `retainGids[i]`: font i
  // keeps its glyph ids (subsetFont); empty: none does.
  PreparedResources prepare(PreparedObjects* source, bool compress, unsigned threads,
                            const std::vector<bool>& retainGids = {}) const;

 private:
  // An object a page drew, and its resource. While `object` lives no other can take its
  // address, so the entry stays true; once it is gone the address is looked at afresh.
  template <typename T>
  struct Seen {
    std::weak_ptr<const T> object;
    size_t index = 0;
  };
  template <typename T, typename Add>
  static size_t indexOf(std::unordered_map<const T*, Seen<T>>& seen,
                        const std::shared_ptr<const T>& object, Add add);
  size_t addFont(const FontPtr& font);
  size_t addForm(const std::shared_ptr<const Artwork>& art);
  size_t addImage(const std::shared_ptr<const ImageData>& image);

  std::vector<FontUse> fonts_;
  std::vector<FormContent> forms_;
  std::vector<ImageContent> images_;
  std::unordered_map<const Font*, Seen<Font>> fontOf_;
  std::unordered_map<const Artwork*, Seen<Artwork>> formOf_;
  std::unordered_map<const ImageData*, Seen<ImageData>> imageOf_;
  std::unordered_map<std::string, size_t> fontByFace_, formByContent_;
  std::unordered_multimap<uint64_t, size_t> imageByHash_;
};

}  // namespace gongwen
