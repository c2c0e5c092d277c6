// Images by content: the same seal loaded for every record of a batch is embedded once
// (a key for unordered maps over a display list's images).
#pragma once

#include <functional>

#include "layout/DisplayList.h"

namespace gongwen {

struct ImageKey {
  const ImageData* image;
  bool operator==(const ImageKey& o) const {
    return image == o.image || image->png == o.image->png;
  }
};
struct ImageKeyHash {
  size_t operator()(const ImageKey& k) const {
    const auto& png = k.image->png;
    // Size and a sample of the bytes: cheap, and equal images hash equal.
    size_t h = std::hash<size_t>{}(png.size());
    for (size_t i = 0; i < png.size(); i += 1 + png.size() / 64) h = h * 131 + png[i];
    return h;
  }
};

}  // namespace gongwen
