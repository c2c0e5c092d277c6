#include "text/ParagraphComposer.h"

#include <algorithm>
#include <cmath>

namespace gongwen {
namespace {

constexpr double kEps = 0.01;  // pt

class Composer {
 public:
  Composer(const ShapedText& t, const ParagraphStyle& s) : t_(t), s_(s) {
    tracking_ = s.gridPitch > 0 ? s.gridPitch - t.em() : 0;
  }

  std::vector<LineBox> run() {
    std::vector<LineBox> lines;
    size_t s = std::min(s_.startCluster, t_.clusters.size()), n = t_.clusters.size();
    while (s < n && isSpace(s)) ++s;
    while (s < n) {
      LineBox line;
      line.first = s;
      line.indent = lines.empty() ? s_.firstIndent + s_.indent : s_.indent;
      double avail = s_.width - line.indent;
      size_t e = chooseEnd(s, avail, line);
      line.end = trimmedEnd(s, e);
      place(line, avail, /*last=*/e >= n);
      lines.push_back(std::move(line));
      s = e;
      while (s < n && isSpace(s)) ++s;
    }
    return lines;
  }

  std::vector<LineBox> atBreaks(const std::vector<size_t>& starts) const {
    std::vector<LineBox> lines;
    const size_t n = t_.clusters.size();
    for (size_t k = 0; k < starts.size(); ++k) {
      LineBox line;
      line.first = starts[k];
      size_t e = k + 1 < starts.size() ? starts[k + 1] : n;
      line.end = trimmedEnd(line.first, e);
      line.indent = lines.empty() ? s_.firstIndent + s_.indent : s_.indent;
      place(line, s_.width - line.indent, /*last=*/e >= n);
      lines.push_back(std::move(line));
    }
    return lines;
  }

  double extent(size_t first, size_t end) const {
    end = trimmedEnd(first, end);
    if (end <= first) return 0;
    double x = 0;
    for (size_t i = first; i + 1 < end; ++i) x += box(i);
    return x + t_.clusters[end - 1].endAdvance;
  }

 private:
  bool isSpace(size_t i) const { return t_.clusters[i].kind == ClusterKind::Space; }
  size_t trimmedEnd(size_t first, size_t end) const {
    while (end > first && isSpace(end - 1)) --end;
    return end;
  }
  double box(size_t i) const {
    const Cluster& c = t_.clusters[i];
    return c.kind == ClusterKind::FullWidth ? c.advance + c.cells * tracking_ : c.advance;
  }
  bool canEndAt(size_t e) const { return e >= t_.clusters.size() || t_.breakBefore[e]; }
  // Squeezable blank inside clusters [first, end) (the last one's right side is its end).
  double squeezable(size_t first, size_t end) const {
    double sum = 0;
    for (size_t i = first; i < end; ++i) {
      sum += t_.clusters[i].squeezeLeft;
      if (i + 1 < end) sum += t_.clusters[i].squeezeRight;
    }
    return sum;
  }

  size_t chooseEnd(size_t s, double avail, LineBox& line) const {
    const size_t n = t_.clusters.size();
    // f: the most clusters that fit at their natural width, break rules aside.
    size_t f = s;
    double x = 0;
    while (f < n) {
      double inkEnd = x + t_.clusters[f].endAdvance;
      if (!isSpace(f) && inkEnd > avail + kEps) break;
      x += box(f);
      ++f;
    }
    if (f >= n) return n;
    if (f > s && canEndAt(f)) return f;

    // Kinsoku: the cluster at f may not start a line (or f-1 may not end one).
    size_t pushOut = s;
    for (size_t e = f; e > s + 1;) {
      --e;
      if (canEndAt(e)) {
        pushOut = e;
        break;
      }
    }
    for (size_t e = f + 1; e <= std::min(n, f + 2); ++e) {
      if (!canEndAt(e)) continue;
      double need = extent(s, e) - avail;
      if (need <= squeezable(s, e) + kEps) {
        line.pushedIn = static_cast<int>(e - f);
        return e;
      }
      break;
    }
    if (pushOut > s) {
      line.pushedOut = static_cast<int>(f - pushOut);
      return pushOut;
    }
    return std::max(f, s + 1);  // one unbreakable word wider than the line
  }

  void place(LineBox& line, double avail, bool last) const {
    const size_t first = line.first, end = line.end;
    line.x.assign(end - first, 0);
    double natural = extent(first, end);
    double delta = avail - natural;
    bool justify = s_.align == Alignment::Justify && !last;

    std::vector<double> squeezeL(end - first, 0), squeezeR(end - first, 0),
        gapAfter(end - first, 0);
    if (delta < -kEps) {  // a line that took one more mark (推入) squeezes, last or not
      double ratio = std::min(1.0, -delta / std::max(squeezable(first, end), kEps));
      for (size_t i = first; i < end; ++i) {
        squeezeL[i - first] = t_.clusters[i].squeezeLeft * ratio;
        if (i + 1 < end) squeezeR[i - first] = t_.clusters[i].squeezeRight * ratio;
      }
    } else if (justify && delta > kEps) {
      std::vector<size_t> gaps;  // gap after cluster i
      for (size_t i = first; i + 1 < end; ++i) {
        const Cluster& a = t_.clusters[i];
        const Cluster& b = t_.clusters[i + 1];
        bool opportunity = a.kind != ClusterKind::Word || b.kind != ClusterKind::Word;
        if (opportunity) gaps.push_back(i);
      }
      if (gaps.empty()) {  // one long word: letter-space it
        for (size_t i = first; i + 1 < end; ++i) gaps.push_back(i);
      }
      if (!gaps.empty()) {
        double each = delta / static_cast<double>(gaps.size());
        for (size_t i : gaps) gapAfter[i - first] = each;
      }
    }

    double x = line.indent;
    for (size_t i = first; i < end; ++i) {
      size_t k = i - first;
      x -= squeezeL[k];
      line.x[k] = x;
      x += box(i) - squeezeR[k] + gapAfter[k];
    }
    line.extent = end > first ? line.x.back() + t_.clusters[end - 1].endAdvance : line.indent;
    line.justified = justify;

    double shift = 0;
    double free = s_.width - line.extent;
    if (s_.align == Alignment::Center) shift = (free - line.indent) / 2;
    if (s_.align == Alignment::Right) shift = free;
    if (shift != 0) {
      for (double& v : line.x) v += shift;
      line.extent += shift;
    }
  }

  const ShapedText& t_;
  const ParagraphStyle& s_;
  double tracking_ = 0;
};

}  // namespace

std::vector<LineBox> composeParagraph(const ShapedText& text, const ParagraphStyle& style) {
  return Composer(text, style).run();
}

std::vector<LineBox> composeAtBreaks(const ShapedText& text, const ParagraphStyle& style,
                                     const std::vector<size_t>& lineStarts) {
  return Composer(text, style).atBreaks(lineStarts);
}

double naturalWidth(const ShapedText& text, size_t first, size_t end, const ParagraphStyle& style) {
  return Composer(text, style).extent(first, end);
}

}  // namespace gongwen
