// The document outline (PDF bookmarks, OFD 大纲) from the marks the layout left on the
// first glyph run of titles and headings, and a merged batch's one entry per record.
#pragma once

#include <string>

#include "layout/DisplayList.h"

namespace gongwen {

// Replaces list.outline with the marked runs, in page order: each at its page and the
// top of its em box.
void collectOutline(DisplayList& list);

// Appends one top-level entry for a record whose pages start at `firstPage` of `merged`
// (named `title`), with the record's own entries beneath it.
void appendRecordOutline(DisplayList& merged, const std::string& title,
                         const std::vector<OutlineEntry>& recordOutline, size_t firstPage);

}  // namespace gongwen
