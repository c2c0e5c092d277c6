// Reads the parts of a GB/T 9704 document back from a display list in mm: red text,
// rules, images and grid slots.
#pragma once

#include <string>
#include <vector>

#include "layout/DisplayList.h"
#include "support/PageLines.h"

namespace gongwen::test {

inline constexpr double kBlockLeft = 28, kBlockRight = 184, kBlockTop = 37, kBlockBottom = 262;
inline constexpr double kPitch = 225.0 / 22;                    // mm
inline constexpr double kCell = (156.0 - 16 * 25.4 / 72) / 27;  // cell pitch of 16pt text, mm
double emMm(double sizePt);

struct RectMm {
  double x, y, width, height;
  Color color;
  double bottom() const { return y + height; }
};
struct ImageMm {
  double x, y, width, height;
};
std::vector<RectMm> rectsOf(const Page& page);
std::vector<ImageMm> imagesOf(const Page& page);

// The grid slot (0-based, fractional) on which a line of `sizePt` with this baseline sits.
double slotOf(double baselineMm, double sizePt);
// The top and bottom of a line's ideographic em box (baseline ∓ 0.88 / 0.12 em).
double emTop(const LineMm& line);
double emBottom(const LineMm& line);
// Left edge of the first glyph to right edge of the last one, mm.
double centreOf(const LineMm& line);
bool isRed(const Color& c);
// The first black line whose text contains `needle`: {page index, line}; page -1 if none.
struct Found {
  int page = -1;
  LineMm line;
};
Found findLine(const DisplayList& list, const std::u32string& needle);
// Lines of 16pt black text (what the checker calls body lines), per page.
std::vector<std::vector<LineMm>> blackBodyLines(const DisplayList& list);

}  // namespace gongwen::test
