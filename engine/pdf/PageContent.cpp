#include "pdf/PageContent.h"

#include "pdf/ContentStream.h"
#include "pdf/DeflatedStream.h"

namespace gongwen {

namespace {

// The items in order; a group's between q … cm and Q (横排表格: layout/LandscapePages.h).
void draw(ContentStream& cs, const std::vector<DisplayItem>& items, const PageResources& r) {
  for (const auto& item : items) {
    if (const auto* run = std::get_if<GlyphRun>(&item)) {
      if (run->glyphs.empty()) continue;
      const size_t index = r.registry.fontOf(*run->font);
      cs.text(*run, r.fonts[index], PdfResources::fontName(index));
    } else if (const auto* rect = std::get_if<FilledRect>(&item)) {
      cs.rect(*rect);
    } else if (const auto* path = std::get_if<VectorPath>(&item)) {
      cs.path(*path);
    } else if (const auto* placed = std::get_if<PlacedArtwork>(&item)) {
      cs.form(PdfResources::formName(r.registry.formOf(*placed->art)), placed->x, placed->y,
              placed->art->heightPt);
    } else if (const auto* img = std::get_if<PlacedImage>(&item)) {
      cs.image(PdfResources::imageName(r.registry.imageOf(*img->image)), img->x, img->y, img->width,
               img->height);
    } else if (const auto* group = std::get_if<TransformedGroup>(&item)) {
      cs.beginTransform(group->transform);
      draw(cs, group->items, r);
      cs.endTransform();
    }
  }
}

}  // namespace

std::vector<uint8_t> pageContent(const Page& page, const PageResources& r, bool compress) {
  ContentStream cs(page.heightPt);
  draw(cs, page.items, r);
  const std::string& text = cs.str();
  return compress ? deflateBytes(text) : std::vector<uint8_t>(text.begin(), text.end());
}

}  // namespace gongwen
