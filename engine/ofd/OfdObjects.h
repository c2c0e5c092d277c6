// The graphic objects of an OFD page (GB/T 33190-2016 §9–§13) written from display-list
// items: TextObject, PathObject, ImageObject. Coordinates in millimetres from the page's
// top-left, as the display list's (converted from points).
#pragma once

#include <cstdint>
#include <unordered_map>

#include "layout/DisplayList.h"
#include "ofd/OfdXml.h"

namespace gongwen::ofd {

// Hands out the document's object IDs (ST_ID), 1, 2, 3, …; the last is MaxUnitID.
class IdCounter {
 public:
  IdCounter() = default;
  explicit IdCounter(uint32_t last) : last_(last) {}  // the next ID is last + 1
  uint32_t next() { return ++last_; }
  uint32_t last() const { return last_; }

 private:
  uint32_t last_ = 0;
};

// An embedded font: its resource ID and the subset's glyph ids.
struct FontRef {
  uint32_t id = 0;
  const std::unordered_map<uint32_t, uint32_t>* newGlyphOf = nullptr;
};

// How many objects (IDs) the writers below make of an item (a group: of all its items):
// pages are written in parallel, each from its own first ID.
uint32_t objectCount(const DisplayItem& item);

// Each writer takes the map of the group the item is in (a TransformedGroup's, composed
// with its outer groups'), or null: the object's Boundary is then the box the map makes of
// it and its CTM carries the map.

// One TextObject per baseline of the run (cut after a character beyond the BMP).
void writeText(XmlOut& xml, const GlyphRun& run, const FontRef& font, IdCounter& ids,
               const Affine* t = nullptr);
void writeRect(XmlOut& xml, const FilledRect& rect, IdCounter& ids, const Affine* t = nullptr);
// The path moved by (dx, dy) pt (an artwork's placement).
void writePath(XmlOut& xml, const VectorPath& path, double dx, double dy, IdCounter& ids,
               const Affine* t = nullptr);
void writeImage(XmlOut& xml, const PlacedImage& image, uint32_t resourceId, IdCounter& ids,
                const Affine* t = nullptr);

}  // namespace gongwen::ofd
