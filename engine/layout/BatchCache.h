// What the records of one batch share and need to work out only once: the images they
// carry (the same seal on every certificate) and the texts they have in common (the same
// citation, issuer and date in every box). Per batch, or bounded and shared by the
// server's requests; safe to share between threads.
#pragma once

#include "layout/TextFitter.h"
#include "model/ImageLoader.h"

namespace gongwen {

struct BatchCache {
  BatchCache() = default;
  // Bounded, for a process that lives on (the server shares one across its requests).
  BatchCache(size_t maxImages, size_t maxFits) : images(maxImages), fits(maxFits) {}

  ImageCache images;
  TextFitCache fits;
};

}  // namespace gongwen
