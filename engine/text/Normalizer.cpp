#include "text/Normalizer.h"

#include "text/CharClass.h"

namespace gongwen {
namespace {

bool isChinese(char32_t c) { return isFullWidth(c) && c != U' '; }

char32_t fullWidthOf(char32_t c) {
  switch (c) {
    case U',':
      return U'，';
    case U';':
      return U'；';
    case U':':
      return U'：';
    case U'?':
      return U'？';
    case U'!':
      return U'！';
    case U'(':
      return U'（';
    case U')':
      return U'）';
    default:
      return 0;
  }
}

// The nearest character before/after `i` that is not a space, or 0.
char32_t neighbour(std::u32string_view t, size_t i, int dir) {
  for (long k = static_cast<long>(i) + dir; k >= 0 && k < static_cast<long>(t.size()); k += dir) {
    if (t[k] != U' ' && t[k] != U'\t') return t[k];
  }
  return 0;
}

// Pairs straight marks (quotes: open == close; parentheses) whose enclosed text holds a
// Chinese character, or that stand next to one, and turns them into full-width ones.
void pairMarks(std::u32string& t, char32_t openIn, char32_t closeIn, char32_t openOut,
               char32_t closeOut) {
  size_t openAt = std::u32string::npos;
  for (size_t i = 0; i < t.size(); ++i) {
    bool isOpen = openAt == std::u32string::npos && t[i] == openIn;
    bool isClose = openAt != std::u32string::npos && t[i] == closeIn;
    if (isOpen) {
      // An apostrophe inside a Latin word (don't) is not a quote.
      if (openIn == U'\'' && i > 0 && isWordChar(t[i - 1]) && i + 1 < t.size() &&
          isWordChar(t[i + 1]))
        continue;
      openAt = i;
    } else if (isClose) {
      bool chinese = false;
      for (size_t k = openAt + 1; k < i && !chinese; ++k) chinese = isChinese(t[k]);
      if (!chinese) chinese = isChinese(neighbour(t, openAt, -1)) || isChinese(neighbour(t, i, +1));
      if (chinese) {
        t[openAt] = openOut;
        t[i] = closeOut;
      }
      openAt = std::u32string::npos;
    }
  }
}

}  // namespace

std::u32string normalizePunctuation(std::u32string_view in) {
  std::u32string t(in);
  pairMarks(t, U'"', U'"', U'“', U'”');
  pairMarks(t, U'\'', U'\'', U'‘', U'’');
  pairMarks(t, U'(', U')', U'（', U'）');

  std::u32string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    char32_t c = t[i];
    if (char32_t fw = fullWidthOf(c); fw && c != U'(' && c != U')') {
      char32_t before = neighbour(t, i, -1), after = neighbour(t, i, +1);
      bool chinese = isChinese(before) || isChinese(after);
      // "10:30", "3,000" between digits or Latin words stay as they are.
      if (isWordChar(before) && isWordChar(after)) chinese = false;
      if (chinese) c = fw;
    }
    if (compressibleSide(c) != 0) {
      // A full-width mark carries its own space: drop spaces typed around it.
      while (!out.empty() && (out.back() == U' ' || out.back() == U'\t')) out.pop_back();
      out.push_back(c);
      while (i + 1 < t.size() && (t[i + 1] == U' ' || t[i + 1] == U'\t')) ++i;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace gongwen
