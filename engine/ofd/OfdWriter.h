// Draws a DisplayList into an OFD package (GB/T 33190-2016, 版式文档): the same pages,
// glyph positions, rules, art and images as the PDF writer's, in China's own fixed-layout
// format. Fonts are embedded as subset TrueType/OpenType files that keep a cmap (OFD
// readers find glyphs through it); a certificate's art is a TemplatePage written once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "layout/DisplayList.h"

namespace gongwen {

struct OfdOptions {
  std::string creator = "gongwen";
  std::string creatorVersion = GONGWEN_VERSION;
};

// Throws std::runtime_error on failure (never returns a partial package).
std::vector<uint8_t> writeOfd(const DisplayList& list, const OfdOptions& options = {});

}  // namespace gongwen
