#include "text/StrokeTable.h"

#include <algorithm>
#include <array>

namespace gongwen {
namespace {

constexpr CharStrokes kTable[] = {
#include "text/StrokeTable.inc"
};

static_assert(std::is_sorted(std::begin(kTable), std::end(kTable),
                             [](const CharStrokes& a, const CharStrokes& b) {
                               return a.codePoint < b.codePoint;
                             }),
              "StrokeTable.inc must be sorted by code point");

}  // namespace

const CharStrokes* findStrokes(char32_t c) {
  const auto* it =
      std::lower_bound(std::begin(kTable), std::end(kTable), c,
                       [](const CharStrokes& e, char32_t cp) { return e.codePoint < cp; });
  return it != std::end(kTable) && it->codePoint == c ? it : nullptr;
}

size_t strokeTableSize() { return std::size(kTable); }

}  // namespace gongwen
