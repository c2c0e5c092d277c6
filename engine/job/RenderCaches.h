// What a long-running process (the HTTP server) keeps from one job to the next: the font
// subsets and images of its PDFs, the checked seal images and fitted texts of its records.
// Bounded; safe to share between threads. Made by makeRenderCaches() (job/Job.h).
#pragma once

#include <memory>

#include "layout/BatchCache.h"
#include "pdf/PdfCache.h"

namespace gongwen {

class RenderCaches {
 public:
  PdfCache pdf;
  std::shared_ptr<BatchCache> compose = std::make_shared<BatchCache>(8, 1024);
};

}  // namespace gongwen
