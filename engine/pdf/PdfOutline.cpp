#include "pdf/PdfOutline.h"

#include <algorithm>

#include "pdf/PdfTextString.h"

namespace gongwen {

void addPdfOutline(HpdfDocument& doc, const DisplayList& list,
                   const std::vector<HPDF_Page>& pages) {
  if (list.outline.empty()) return;
  std::vector<HPDF_Outline> open;  // the last entry of each level, root first
  for (const OutlineEntry& e : list.outline) {
    if (e.page >= pages.size()) continue;
    const size_t level = std::min(static_cast<size_t>(std::max(e.level, 0)), open.size());
    open.resize(level);
    HPDF_Outline parent = open.empty() ? nullptr : open.back();
    HPDF_Outline item = HPDF_CreateOutline(doc.get(), parent, "", nullptr);
    doc.check("creating a bookmark");
    // The title as UTF-16BE (libharu's own strings stop at the first zero byte).
    std::vector<uint8_t> title = pdfTextString(e.title);
    HPDF_Dict_Add(item, "Title",
                  HPDF_Binary_New(doc.mmgr(), title.data(), static_cast<HPDF_UINT>(title.size())));
    HPDF_Destination dest = HPDF_Page_CreateDestination(pages[e.page]);
    const double top = list.pages[e.page].heightPt - e.y;
    HPDF_Destination_SetFitH(dest, static_cast<HPDF_REAL>(top));
    HPDF_Outline_SetDestination(item, dest);
    HPDF_Outline_SetOpened(item, level == 0 ? HPDF_TRUE : HPDF_FALSE);
    doc.check("writing a bookmark");
    open.push_back(item);
  }
  HPDF_SetPageMode(doc.get(), HPDF_PAGE_MODE_USE_OUTLINE);
  doc.check("bookmarks");
}

}  // namespace gongwen
