// One page's content stream from its display items, as written into the PDF (deflated
// when asked): shared by the whole-document writer and the streaming batch writer.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "layout/DisplayList.h"
#include "layout/ImageKey.h"
#include "pdf/CidFontEmbedder.h"

namespace gongwen {

// A page resource's name: F1, Fm2, Im3.
std::string resourceName(const char* prefix, size_t number);

// Where each font, form and image of a page is in the document's one resource dictionary
// (index i is named F<i+1>, Fm<i+1>, Im<i+1>), and the content codes of each font.
struct PageResources {
  const std::unordered_map<const Font*, size_t>& fontIndex;
  const std::vector<EmbeddedFont>& fonts;
  const std::unordered_map<const Artwork*, size_t>& formIndex;
  const std::unordered_map<ImageKey, size_t, ImageKeyHash>& imageIndex;
};

// The stream data of `page`'s contents (zlib-deflated when `compress`).
std::vector<uint8_t> pageContent(const Page& page, const PageResources& resources, bool compress);

}  // namespace gongwen
