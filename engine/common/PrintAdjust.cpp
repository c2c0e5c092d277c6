#include "common/PrintAdjust.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "common/Errors.h"
#include "common/Units.h"

namespace gongwen {
namespace {

bool parseNumber(const std::string& text, double& out) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (begin != end && *begin == '+') ++begin;
  auto [ptr, ec] = std::from_chars(begin, end, out);
  return ec == std::errc{} && ptr == end && std::isfinite(out);
}

std::string mm(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

double PrintAdjust::x(double xPt) const { return scale * xPt + mmToPt(offsetXMm); }
double PrintAdjust::y(double yPt) const { return scale * yPt + mmToPt(offsetYMm); }

void checkPrintAdjust(const PrintAdjust& adjust, const std::string& where) {
  if (!(adjust.scale >= 0.5 && adjust.scale <= 2)) {
    throw InputError(where, Message("the scale must be from 0.5 to 2 (0.99 for a printer that "
                                    "prints 1 % too large), found {0}",
                                    mm(adjust.scale)));
  }
  if (!(std::abs(adjust.offsetXMm) <= 50 && std::abs(adjust.offsetYMm) <= 50)) {
    throw InputError(where, Message("an offset must be within ±50 mm, found {0},{1}",
                                    mm(adjust.offsetXMm), mm(adjust.offsetYMm)));
  }
}

void parseOffset(const std::string& text, PrintAdjust& adjust, const std::string& where) {
  const auto comma = text.find(',');
  double x = 0, y = 0;
  if (comma == std::string::npos || !parseNumber(text.substr(0, comma), x) ||
      !parseNumber(text.substr(comma + 1), y)) {
    throw InputError(where, Message("an offset is X,Y in millimetres (X to the right, Y down), "
                                    "e.g. 1.5,-0.8; found \"{0}\"",
                                    text));
  }
  adjust.offsetXMm = x;
  adjust.offsetYMm = y;
}

double parseScale(const std::string& text, const std::string& where) {
  double s = 0;
  if (!parseNumber(text, s)) {
    throw InputError(where, Message("a scale is a number such as 0.99; found \"{0}\"", text));
  }
  return s;
}

Message describe(const PrintAdjust& a) {
  if (a.scale != 1) {
    return Message("offset {0},{1} mm, scale {2}", mm(a.offsetXMm), mm(a.offsetYMm), mm(a.scale));
  }
  return Message("offset {0},{1} mm", mm(a.offsetXMm), mm(a.offsetYMm));
}

}  // namespace gongwen
