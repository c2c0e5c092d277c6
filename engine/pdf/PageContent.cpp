#include "pdf/PageContent.h"

#include "pdf/ContentStream.h"
#include "pdf/DeflatedStream.h"

namespace gongwen {

// Appended, not "F" + std::to_string(…): GCC 12 at -O3 warns falsely (-Wrestrict) inside
// that operator+.
std::string resourceName(const char* prefix, size_t number) {
  return std::string(prefix).append(std::to_string(number));
}

namespace {

// The items in order; a group's between q … cm and Q (横排表格: layout/LandscapePages.h).
void draw(ContentStream& cs, const std::vector<DisplayItem>& items, const PageResources& r) {
  for (const auto& item : items) {
    if (const auto* run = std::get_if<GlyphRun>(&item)) {
      if (run->glyphs.empty()) continue;
      size_t index = r.fontIndex.at(run->font.get());
      cs.text(*run, r.fonts[index], resourceName("F", index + 1));
    } else if (const auto* rect = std::get_if<FilledRect>(&item)) {
      cs.rect(*rect);
    } else if (const auto* path = std::get_if<VectorPath>(&item)) {
      cs.path(*path);
    } else if (const auto* placed = std::get_if<PlacedArtwork>(&item)) {
      size_t index = r.formIndex.at(placed->art.get());
      cs.form(resourceName("Fm", index + 1), placed->x, placed->y, placed->art->heightPt);
    } else if (const auto* img = std::get_if<PlacedImage>(&item)) {
      size_t index = r.imageIndex.at(ImageKey{img->image.get()});
      cs.image(resourceName("Im", index + 1), img->x, img->y, img->width, img->height);
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
