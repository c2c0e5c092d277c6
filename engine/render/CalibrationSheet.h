// 套打校准页: the calibration sheet of a layout, printed on plain paper and held against a
// card to read off a printer's offset. At the layout's page size: millimetre rulers along
// the four edges (a tick each mm, longer each 5 and 10 mm, numbered each 10 mm from the
// page's top-left corner), a crosshair at each corner of every box of the layout with the
// box's role, a cross at the page's centre, and the instructions in Chinese.
#pragma once

#include "common/PrintAdjust.h"
#include "layout/DisplayList.h"
#include "render/Engine.h"

namespace gongwen {

// Throws InputError("--layout") when `layout` is not a "boxes" layout. `adjust` (a
// printer profile's offset and scale) is applied, to check a profile once it is set.
// The sheet as PDF bytes (what `gongwen calibrate` writes).
std::vector<uint8_t> calibrationSheetPdf(const Engine& engine, const std::string& layout,
                                         const PrintAdjust& adjust);

DisplayList calibrationSheet(const Engine& engine, const std::string& layout,
                             const PrintAdjust& adjust = {});

}  // namespace gongwen
