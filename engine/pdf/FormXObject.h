// Artwork (a certificate's border) as a form XObject: written once per file, drawn by
// every page that places it with `/FmN Do`.
#pragma once

#include <hpdf.h>

#include "pdf/HpdfDocument.h"
#include "pdf/ResourceKeys.h"

namespace gongwen {

HPDF_Dict embedArtwork(HpdfDocument& doc, const FormContent& form, bool compress);

}  // namespace gongwen
