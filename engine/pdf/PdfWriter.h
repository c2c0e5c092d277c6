// Draws a DisplayList into a complete PDF (libharu document, our own CID fonts).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "layout/DisplayList.h"

namespace gongwen {

class PdfCache;

struct PdfOptions {
  bool compress = true;
  // Threads that build and compress page contents (documents of 8 pages and more);
  // 0 = one per core.
  unsigned threads = 0;
  // Subsets and images kept from earlier PDFs (a server's); null: prepared afresh.
  PdfCache* cache = nullptr;
  std::string creator = std::string("gongwen ") + GONGWEN_VERSION;
};

// Throws std::runtime_error on failure (never returns a partial file).
std::vector<uint8_t> writePdf(const DisplayList& list, const PdfOptions& options = {});

}  // namespace gongwen
