// The laid-out pages as text, for people writing layouts and for golden tests: one line per
// page, one per drawn item (kind, font role and file, size, colour, position in mm to
// 0.01, the text), deterministic and diffable (`gongwen render X.json --display-list FILE`).
#pragma once

#include <string>

#include "fonts/FontRegistry.h"
#include "layout/DisplayList.h"

namespace gongwen {

// `fonts` names each run's font by its role ("fangsong"; "fallback" for the chain).
std::string displayListText(const DisplayList& list, const FontRegistry& fonts);

}  // namespace gongwen
