// 套打 and printer calibration applied to laid-out pages (common/PrintAdjust.h says what
// the settings are).
#pragma once

#include "common/PrintAdjust.h"
#include "layout/DisplayList.h"

namespace gongwen {

// Moves every item of every page as `adjust` says (glyphs, sizes, rules, paths, images, art).
void applyPrintAdjust(DisplayList& list, const PrintAdjust& adjust);

// For flow layouts: after applyPrintAdjust, an error when anything printed on a page lies
// off it ("page 2: the offset … puts text off the page by 1.2 mm").
void checkOnPage(const DisplayList& list, const PrintAdjust& adjust);

}  // namespace gongwen
