// What the records of one batch share and need to work out only once: the images they
// carry (the same seal on every certificate) and the texts they have in common (the same
// citation, issuer and date in every box). Per batch; safe to share between its threads.
#pragma once

#include "layout/ImageField.h"
#include "layout/TextFitter.h"

namespace gongwen {

struct BatchCache {
  ImageCache images;
  TextFitCache fits;
};

}  // namespace gongwen
