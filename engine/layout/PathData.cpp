#include "layout/PathData.h"

#include <cctype>
#include <cstdlib>

#include "common/Errors.h"

namespace gongwen {
namespace {

class PathReader {
 public:
  PathReader(const std::string& d, const std::string& where) : d_(d), where_(where) {}

  void skipSeparators() {
    while (pos_ < d_.size() &&
           (std::isspace(static_cast<unsigned char>(d_[pos_])) || d_[pos_] == ','))
      ++pos_;
  }
  bool atEnd() {
    skipSeparators();
    return pos_ >= d_.size();
  }
  bool atNumber() {
    skipSeparators();
    if (pos_ >= d_.size()) return false;
    char ch = d_[pos_];
    return std::isdigit(static_cast<unsigned char>(ch)) || ch == '-' || ch == '+' || ch == '.';
  }
  char command() {
    skipSeparators();
    char ch = d_[pos_];
    if (!std::isalpha(static_cast<unsigned char>(ch))) fail(Message("a command letter"));
    ++pos_;
    return ch;
  }
  double number() {
    if (!atNumber()) fail(Message("a number"));
    const char* begin = d_.c_str() + pos_;
    char* end = nullptr;
    double v = std::strtod(begin, &end);
    if (end == begin) fail(Message("a number"));
    pos_ += static_cast<size_t>(end - begin);
    return v;
  }
  [[noreturn]] void fail(const Message& expected) const {
    throw InputError(where_, Message("path data: expected {0} at character {1} of \"{2}\"",
                                     expected, pos_ + 1, d_));
  }

 private:
  const std::string& d_;
  const std::string& where_;
  size_t pos_ = 0;
};

}  // namespace

std::vector<PathSegment> parsePathData(const std::string& d, const std::string& where) {
  using Op = PathSegment::Op;
  std::vector<PathSegment> out;
  PathReader r(d, where);
  double cx = 0, cy = 0;          // current point
  double sx = 0, sy = 0;          // start of the subpath
  double lastCx = 0, lastCy = 0;  // last cubic control point, for S
  char previous = 0;
  while (!r.atEnd()) {
    char cmd = r.command();
    const bool rel = std::islower(static_cast<unsigned char>(cmd));
    const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(cmd)));
    if (up == 'Z') {
      out.push_back({Op::Close});
      cx = sx;
      cy = sy;
      previous = up;
      continue;
    }
    if (up != 'M' && up != 'L' && up != 'H' && up != 'V' && up != 'C' && up != 'S' && up != 'Q') {
      throw InputError(
          where, Message("path data: unknown command \"{0}\" in \"{1}\"", std::string(1, cmd), d));
    }
    bool first = true;
    do {
      const double ox = rel ? cx : 0, oy = rel ? cy : 0;
      if (up == 'M' && first) {
        cx = ox + r.number();
        cy = oy + r.number();
        sx = cx;
        sy = cy;
        out.push_back({Op::Move, cx, cy});
      } else if (up == 'M' || up == 'L') {
        cx = ox + r.number();
        cy = oy + r.number();
        out.push_back({Op::Line, cx, cy});
      } else if (up == 'H') {
        cx = (rel ? cx : 0) + r.number();
        out.push_back({Op::Line, cx, cy});
      } else if (up == 'V') {
        cy = (rel ? cy : 0) + r.number();
        out.push_back({Op::Line, cx, cy});
      } else if (up == 'C' || up == 'S') {
        double x1, y1;
        if (up == 'C') {
          x1 = ox + r.number();
          y1 = oy + r.number();
        } else {
          const bool reflect = previous == 'C' || previous == 'S';
          x1 = reflect ? 2 * cx - lastCx : cx;
          y1 = reflect ? 2 * cy - lastCy : cy;
        }
        double x2 = ox + r.number(), y2 = oy + r.number();
        double x3 = ox + r.number(), y3 = oy + r.number();
        out.push_back({Op::Curve, x1, y1, x2, y2, x3, y3});
        lastCx = x2;
        lastCy = y2;
        cx = x3;
        cy = y3;
      } else {  // Q: a quadratic curve, raised to a cubic one
        double qx = ox + r.number(), qy = oy + r.number();
        double x3 = ox + r.number(), y3 = oy + r.number();
        out.push_back({Op::Curve, cx + 2.0 / 3 * (qx - cx), cy + 2.0 / 3 * (qy - cy),
                       x3 + 2.0 / 3 * (qx - x3), y3 + 2.0 / 3 * (qy - y3), x3, y3});
        cx = x3;
        cy = y3;
      }
      previous = up;
      first = false;
    } while (r.atNumber());
  }
  if (out.empty() || out.front().op != Op::Move) {
    throw InputError(where, Message("path data must start with M: \"{0}\"", d));
  }
  return out;
}

std::vector<PathSegment> transformed(const std::vector<PathSegment>& segments, const Affine& m) {
  std::vector<PathSegment> out = segments;
  for (PathSegment& s : out) {
    m.apply(s.x1, s.y1);
    m.apply(s.x2, s.y2);
    m.apply(s.x3, s.y3);
  }
  return out;
}

}  // namespace gongwen
