#include "pdf/ResourceKeys.h"

#include <cstring>
#include <functional>
#include <string_view>

#include "pdf/ContentStream.h"

namespace gongwen {

std::string faceIdentity(const Font& font) {
  return std::string(font.path()).append("#").append(std::to_string(font.faceIndex()));
}

uint64_t contentHash(const ImageData& image) {
  const std::string_view bytes(reinterpret_cast<const char*>(image.png.data()), image.png.size());
  const uint64_t h = std::hash<std::string_view>{}(bytes);
  return image.jpeg ? ~h : h;
}

bool sameContent(const ImageData& a, const ImageData& b) {
  return &a == &b || (a.jpeg == b.jpeg && a.png == b.png);
}

std::string formStream(const Artwork& art) {
  ContentStream cs(art.heightPt);
  for (const VectorPath& p : art.paths) cs.path(p);
  return cs.str();
}

std::string contentKey(const FormContent& form) {
  const double box[2] = {form.art->widthPt, form.art->heightPt};
  std::string key(sizeof box, '\0');
  std::memcpy(key.data(), box, sizeof box);
  return key.append(form.stream);
}

}  // namespace gongwen
