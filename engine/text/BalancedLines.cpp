#include "text/BalancedLines.h"

namespace gongwen {
namespace {

bool hasLoneCharacter(const std::vector<LineBox>& lines) {
  if (lines.size() < 2) return false;
  for (const auto& l : lines) {
    if (l.end - l.first == 1) return true;
  }
  return false;
}

}  // namespace

std::vector<LineBox> composeBalanced(const ShapedText& text, const ParagraphStyle& style) {
  auto best = composeParagraph(text, style);
  if (best.size() < 2) return best;
  const size_t count = best.size();
  ParagraphStyle trial = style;
  double lo = style.width / static_cast<double>(count) * 0.9, hi = style.width;
  for (int iter = 0; iter < 24 && hi - lo > 0.25; ++iter) {
    trial.width = (lo + hi) / 2;
    auto lines = composeParagraph(text, trial);
    if (lines.size() <= count && !hasLoneCharacter(lines)) {
      hi = trial.width;
    } else {
      lo = trial.width;
    }
  }
  trial.width = hi;
  auto lines = composeParagraph(text, trial);
  if (lines.size() > count || hasLoneCharacter(lines)) return best;
  // Re-centre on the real block.
  double shift = (style.width - trial.width) / 2;
  if (style.align == Alignment::Center) {
    for (auto& l : lines) {
      for (double& x : l.x) x += shift;
      l.extent += shift;
    }
  }
  return lines;
}

}  // namespace gongwen
