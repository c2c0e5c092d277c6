#include "pdf/PdfResources.h"

#include "common/Parallel.h"

namespace gongwen {
namespace {

// Appended, not "F" + std::to_string(…): GCC 12 at -O3 warns falsely (-Wrestrict) inside
// that operator+.
std::string resourceName(const char* prefix, size_t number) {
  return std::string(prefix).append(std::to_string(number));
}

}  // namespace

std::string PdfResources::fontName(size_t index) { return resourceName("F", index + 1); }
std::string PdfResources::formName(size_t index) { return resourceName("Fm", index + 1); }
std::string PdfResources::imageName(size_t index) { return resourceName("Im", index + 1); }

template <typename T, typename Add>
size_t PdfResources::indexOf(std::unordered_map<const T*, Seen<T>>& seen,
                             const std::shared_ptr<const T>& object, Add add) {
  Seen<T>& entry = seen[object.get()];
  if (entry.object.expired()) entry = Seen<T>{object, add()};
  return entry.index;
}

void PdfResources::collect(const Page& page) {
  forEachDrawn(page.items, [&](const DisplayItem& item, const Affine&) {
    if (const auto* run = std::get_if<GlyphRun>(&item)) {
      if (run->glyphs.empty()) return;
      FontUse& use = fonts_[indexOf(fontOf_, run->font, [&] { return addFont(run->font); })];
      for (const auto& g : run->glyphs) {
        auto [t, added] = use.text.emplace(g.glyph, g.text);
        if (added) {
          use.glyphs.push_back(g.glyph);
        } else if (t->second.empty() && !g.text.empty()) {
          t->second = g.text;
        }
      }
    } else if (const auto* placed = std::get_if<PlacedArtwork>(&item)) {
      indexOf(formOf_, placed->art, [&] { return addForm(placed->art); });
    } else if (const auto* img = std::get_if<PlacedImage>(&item)) {
      indexOf(imageOf_, img->image, [&] { return addImage(img->image); });
    }
  });
}

size_t PdfResources::addFont(const FontPtr& font) {
  auto [it, fresh] = fontByFace_.try_emplace(faceIdentity(*font), fonts_.size());
  if (fresh) fonts_.push_back(FontUse{font, {}, {}});
  return it->second;
}

size_t PdfResources::addForm(const std::shared_ptr<const Artwork>& art) {
  FormContent form{art, formStream(*art)};
  auto [it, fresh] = formByContent_.try_emplace(contentKey(form), forms_.size());
  if (fresh) forms_.push_back(std::move(form));
  return it->second;
}

size_t PdfResources::addImage(const std::shared_ptr<const ImageData>& image) {
  const uint64_t hash = contentHash(*image);
  auto [first, last] = imageByHash_.equal_range(hash);
  for (auto it = first; it != last; ++it) {
    if (sameContent(*images_[it->second].data, *image)) return it->second;
  }
  imageByHash_.emplace(hash, images_.size());
  images_.push_back(ImageContent{image, hash});
  return images_.size() - 1;
}

PreparedResources PdfResources::prepare(PreparedObjects* source, bool compress, unsigned threads,
                                        const std::vector<bool>& retainGids) const {
  MadeNow now;
  PreparedObjects& from = source ? *source : now;
  PreparedResources out;
  out.fonts.resize(fonts_.size());
  out.images.resize(images_.size());
  out.forms.resize(forms_.size());
  // Subsetting fonts and decoding images are the costliest steps of a short document.
  forEachParallel(images_.size() + forms_.size() + fonts_.size(), threads, [&](size_t i) {
    if (i < images_.size()) {
      out.images[i] = from.image(images_[i], compress);
    } else if (i < images_.size() + forms_.size()) {
      out.forms[i - images_.size()] = from.form(forms_[i - images_.size()], compress);
    } else {
      const size_t f = i - images_.size() - forms_.size();
      out.fonts[f] = from.font(fonts_[f], compress, !retainGids.empty() && retainGids[f]);
    }
  });
  return out;
}

}  // namespace gongwen
