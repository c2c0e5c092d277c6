// 套打 (printing onto pre-printed card) and printer calibration: what a page is printed
// with. Overlay leaves out what the card already carries (a layout's art and the boxes it
// marks "preprinted": the title, the seal); offset and scale move everything printed so
// that it lands on the card in a printer that feeds a little off or shrinks.
//   x' = scale · x + offset_x,  y' = scale · y + offset_y
// in mm from the page's top-left corner (x to the right, y down): the scale is about the
// page's top-left corner (the origin), then the offset is added. Applied to a display list
// by layout/PrintAdjust.h.
#pragma once

#include <string>

#include "common/Message.h"

namespace gongwen {

struct PrintAdjust {
  bool overlay = false;  // 套打: only what the office prints
  double offsetXMm = 0, offsetYMm = 0;
  double scale = 1;
  bool moves() const { return offsetXMm != 0 || offsetYMm != 0 || scale != 1; }
  // Where a point (pt from the page's top-left) goes.
  double x(double xPt) const;
  double y(double yPt) const;
};

// Checks the numbers (a scale from 0.5 to 2, offsets within ±50 mm); InputError(where).
void checkPrintAdjust(const PrintAdjust& adjust, const std::string& where);

// "1.5,-0.8" → {1.5, -0.8}; InputError(where) for anything else.
void parseOffset(const std::string& text, PrintAdjust& adjust, const std::string& where);
// "0.99" → 0.99; InputError(where) for anything else.
double parseScale(const std::string& text, const std::string& where);

// "offset 1.5,-0.8 mm, scale 0.99" for messages.
Message describe(const PrintAdjust& adjust);

}  // namespace gongwen
