// Units: layout works in PostScript points (1/72 inch); the standard speaks millimetres.
#pragma once

namespace gongwen {

constexpr double kPtPerMm = 72.0 / 25.4;
constexpr double mmToPt(double mm) { return mm * kPtPerMm; }
constexpr double ptToMm(double pt) { return pt / kPtPerMm; }

}  // namespace gongwen
