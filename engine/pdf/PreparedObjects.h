// Where a PDF's prepared objects come from — its fonts' subsets and ToUnicode maps, its
// images' stream data: made now for this one document (MadeNow), or kept from one document
// to the next by a long-running process (PdfCache, the server's). Thread-safe: a document
// prepares its fonts and images on several threads at once.
#pragma once

#include <memory>

#include "pdf/CidFontEmbedder.h"
#include "pdf/FormXObject.h"
#include "pdf/ImageEmbedder.h"
#include "pdf/ResourceKeys.h"

namespace gongwen {

class PreparedObjects {
 public:
  virtual ~PreparedObjects() = default;
  // `retainGids`: see subsetFont.
  virtual std::shared_ptr<const PreparedFont> font(const FontUse& use, bool compress,
                                                   bool retainGids) = 0;
  virtual std::shared_ptr<const PreparedImage> image(const ImageContent& image, bool compress) = 0;
  virtual std::shared_ptr<const PreparedForm> form(const FormContent& form, bool compress) = 0;
};

// Prepared afresh each time, kept by no one.
class MadeNow final : public PreparedObjects {
 public:
  std::shared_ptr<const PreparedFont> font(const FontUse& use, bool compress,
                                           bool retainGids) override {
    return std::make_shared<const PreparedFont>(prepareFont(use, compress, retainGids));
  }
  std::shared_ptr<const PreparedImage> image(const ImageContent& image, bool compress) override {
    return std::make_shared<const PreparedImage>(prepareImage(*image.data, compress));
  }
  std::shared_ptr<const PreparedForm> form(const FormContent& form, bool compress) override {
    return std::make_shared<const PreparedForm>(prepareForm(form, compress));
  }
};

}  // namespace gongwen
