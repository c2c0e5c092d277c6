// Artwork (a certificate's border) as a form XObject: written once per file, drawn by
// every page that places it with `/FmN Do`.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <vector>

#include "pdf/HpdfDocument.h"
#include "pdf/ResourceKeys.h"

namespace gongwen {

// The form's content stream as it goes into the file: deflated (on a worker thread, or once
// for a server's every request: PdfCache) or as it is.
struct PreparedForm {
  std::vector<uint8_t> stream;
};
PreparedForm prepareForm(const FormContent& form, bool compress);

HPDF_Dict embedArtwork(HpdfDocument& doc, const FormContent& form, const PreparedForm& prepared,
                       bool compress);

}  // namespace gongwen
