#include "text/BalancedLines.h"

#include <algorithm>
#include <limits>

namespace gongwen {
namespace {

constexpr long kMaxSearch = 200000;  // break combinations tried before giving up

class TitleBreaker {
 public:
  TitleBreaker(const ShapedText& t, const ParagraphStyle& s) : t_(t), s_(s) {
    const size_t n = t_.clusters.size();
    for (size_t i = 1; i < n; ++i) {
      if (t_.breakBefore[i] && t_.clusters[i].kind != ClusterKind::Space) starts_.push_back(i);
    }
  }

  // Best breaks into exactly `lines` lines; empty when there is none.
  std::vector<size_t> search(size_t lines, bool needShape) {
    lines_ = lines;
    needShape_ = needShape;
    best_.clear();
    bestSpread_ = std::numeric_limits<double>::infinity();
    budget_ = kMaxSearch;
    std::vector<size_t> chosen = {0};
    std::vector<double> widths;
    walk(0, 0, chosen, widths);
    return best_;
  }

 private:
  size_t characters(size_t first, size_t end) const {
    size_t count = 0;
    for (size_t i = first; i < end; ++i) {
      if (t_.clusters[i].kind != ClusterKind::Space) {
        count += t_.clusters[i].textEnd - t_.clusters[i].textStart;
      }
    }
    return count;
  }

  double indentOf(size_t line) const { return line == 0 ? s_.firstIndent + s_.indent : s_.indent; }

  // Line `line` starts at cluster starts-index `from` (cluster `first`).
  void walk(size_t first, size_t fromIndex, std::vector<size_t>& chosen,
            std::vector<double>& widths) {
    if (--budget_ < 0) return;
    const size_t n = t_.clusters.size();
    const size_t line = chosen.size() - 1;
    const double avail = s_.width - indentOf(line);
    if (line + 1 == lines_) {
      double w = naturalWidth(t_, first, n, s_);
      if (w > avail + 0.01 || characters(first, n) < 2) return;
      widths.push_back(w);
      consider(chosen, widths);
      widths.pop_back();
      return;
    }
    for (size_t k = fromIndex; k < starts_.size(); ++k) {
      size_t end = starts_[k];
      if (end <= first) continue;
      double w = naturalWidth(t_, first, end, s_);
      if (w > avail + 0.01) break;  // longer lines only get wider
      if (characters(first, end) < 2) continue;
      chosen.push_back(end);
      widths.push_back(w);
      walk(end, k + 1, chosen, widths);
      widths.pop_back();
      chosen.pop_back();
      if (budget_ < 0) return;
    }
  }

  void consider(const std::vector<size_t>& chosen, const std::vector<double>& widths) {
    if (needShape_ && !isTrapezoidOrDiamond(widths, t_.em() / 2)) return;
    auto [lo, hi] = std::minmax_element(widths.begin(), widths.end());
    double spread = *hi - *lo;
    if (spread < bestSpread_ - 0.01) {
      bestSpread_ = spread;
      best_ = chosen;
    }
  }

  const ShapedText& t_;
  const ParagraphStyle& s_;
  std::vector<size_t> starts_;
  size_t lines_ = 0;
  bool needShape_ = true;
  std::vector<size_t> best_;
  double bestSpread_ = 0;
  long budget_ = 0;
};

}  // namespace

bool isTrapezoidOrDiamond(const std::vector<double>& widths, double tolerance) {
  size_t peak =
      static_cast<size_t>(std::max_element(widths.begin(), widths.end()) - widths.begin());
  for (size_t i = 0; i < peak; ++i) {
    if (widths[i] > widths[i + 1] + tolerance) return false;
  }
  for (size_t i = peak; i + 1 < widths.size(); ++i) {
    if (widths[i + 1] > widths[i] + tolerance) return false;
  }
  return true;
}

std::vector<LineBox> composeBalanced(const ShapedText& text, const ParagraphStyle& style) {
  auto greedy = composeParagraph(text, style);
  // The search is quadratic in the breaks; past a few lines' worth of text (never a real
  // title or name) the greedy lines are the answer, so a huge input cannot hang a render.
  constexpr size_t kMaxBalancedClusters = 400;
  if (greedy.size() < 2 || text.clusters.size() > kMaxBalancedClusters) return greedy;
  TitleBreaker breaker(text, style);
  for (bool needShape : {true, false}) {
    for (size_t lines = greedy.size(); lines <= greedy.size() + 1; ++lines) {
      auto starts = breaker.search(lines, needShape);
      if (!starts.empty()) return composeAtBreaks(text, style, starts);
    }
  }
  return greedy;
}

}  // namespace gongwen
