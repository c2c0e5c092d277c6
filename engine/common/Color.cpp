#include "common/Color.h"

#include <stdexcept>

namespace gongwen {

Color Color::fromHex(const std::string& hex) {
  auto digit = [&](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw std::invalid_argument("colour \"" + hex + "\" is not of the form #RRGGBB");
  };
  if (hex.size() != 7 || hex[0] != '#') {
    throw std::invalid_argument("colour \"" + hex + "\" is not of the form #RRGGBB");
  }
  auto component = [&](int i) { return (digit(hex[i]) * 16 + digit(hex[i + 1])) / 255.0; };
  return Color{component(1), component(3), component(5)};
}

}  // namespace gongwen
