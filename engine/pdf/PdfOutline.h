// The document outline as PDF bookmarks (/Outlines), each going to its page at the top of
// its line; the viewer opens with the outline shown.
#pragma once

#include <vector>

#include "layout/DisplayList.h"
#include "pdf/HpdfDocument.h"

namespace gongwen {

// `pages` are the document's pages in order (list.pages' heights give the y flip).
void addPdfOutline(HpdfDocument& doc, const DisplayList& list, const std::vector<HPDF_Page>& pages);

}  // namespace gongwen
