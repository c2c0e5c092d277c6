#include "layout/Outline.h"

#include <algorithm>

namespace gongwen {

void collectOutline(DisplayList& list) {
  list.outline.clear();
  for (size_t p = 0; p < list.pages.size(); ++p) {
    forEachDrawn(list.pages[p].items, [&](const DisplayItem& item, const Affine& t) {
      const auto* run = std::get_if<GlyphRun>(&item);
      if (!run || !run->outline || run->glyphs.empty()) return;
      OutlineEntry e;
      e.title = run->outline->title;
      e.level = run->outline->level;
      e.page = p;
      // Turned text (a landscape page, 横排表格): the page from its top.
      e.y = t.isIdentity() ? std::max(0.0, run->glyphs.front().y - run->sizePt) : 0.0;
      list.outline.push_back(std::move(e));
    });
  }
}

void appendRecordOutline(DisplayList& merged, const std::string& title,
                         const std::vector<OutlineEntry>& recordOutline, size_t firstPage) {
  merged.outline.push_back({title, 0, firstPage, 0});
  for (const OutlineEntry& e : recordOutline) {
    merged.outline.push_back({e.title, e.level + 1, e.page + firstPage, e.y});
  }
}

}  // namespace gongwen
