#pragma once

#include <cstdint>
#include <string>

namespace gongwen {

// An sRGB colour with components in 0..1.
struct Color {
  double r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;

  static Color black() { return {}; }
  // Parses "#RRGGBB"; throws std::invalid_argument on anything else.
  static Color fromHex(const std::string& hex);
};

}  // namespace gongwen
