// One page's content stream from its display items, as written into the PDF (deflated
// when asked): shared by the whole-document writer and the streaming batch writer.
#pragma once

#include <cstdint>
#include <vector>

#include "layout/DisplayList.h"
#include "pdf/CidFontEmbedder.h"
#include "pdf/PdfResources.h"

namespace gongwen {

// The document's resources (one dictionary for every page) and the content codes of each
// of its fonts (index for index with registry.fonts()).
struct PageResources {
  const PdfResources& registry;
  const std::vector<EmbeddedFont>& fonts;
};

// The stream data of `page`'s contents (zlib-deflated when `compress`).
std::vector<uint8_t> pageContent(const Page& page, const PageResources& resources, bool compress);

}  // namespace gongwen
