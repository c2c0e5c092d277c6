#include "layout/ArtInk.h"

#include <algorithm>
#include <limits>

namespace gongwen {
namespace {

// Liang–Barsky: does the segment a–b pass through `box`?
bool segmentHitsBox(double ax, double ay, double bx, double by, const RectPt& box) {
  double t0 = 0, t1 = 1;
  const double dx = bx - ax, dy = by - ay;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {ax - box.x0, box.x1 - ax, ay - box.y0, box.y1 - ay};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;
      continue;
    }
    const double t = q[i] / p[i];
    if (p[i] < 0) {
      t0 = std::max(t0, t);
    } else {
      t1 = std::min(t1, t);
    }
    if (t0 > t1) return false;
  }
  return true;
}

bool overlaps(const RectPt& a, const RectPt& b) {
  return a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;
}

// The path's straight pieces: lines as they are, each cubic curve as 16 chords.
template <typename Fn>
void forEachPiece(const VectorPath& path, double dx, double dy, Fn fn) {
  double cx = 0, cy = 0, sx = 0, sy = 0;
  for (const PathSegment& s : path.segments) {
    switch (s.op) {
      case PathSegment::Op::Move:
        cx = sx = s.x1 + dx;
        cy = sy = s.y1 + dy;
        break;
      case PathSegment::Op::Line:
        fn(cx, cy, s.x1 + dx, s.y1 + dy);
        cx = s.x1 + dx;
        cy = s.y1 + dy;
        break;
      case PathSegment::Op::Curve: {
        constexpr int kSteps = 16;
        double px = cx, py = cy;
        for (int i = 1; i <= kSteps; ++i) {
          const double t = static_cast<double>(i) / kSteps, u = 1 - t;
          const double b0 = u * u * u, b1 = 3 * u * u * t, b2 = 3 * u * t * t, b3 = t * t * t;
          const double x = b0 * cx + b1 * (s.x1 + dx) + b2 * (s.x2 + dx) + b3 * (s.x3 + dx);
          const double y = b0 * cy + b1 * (s.y1 + dy) + b2 * (s.y2 + dy) + b3 * (s.y3 + dy);
          fn(px, py, x, y);
          px = x;
          py = y;
        }
        cx = s.x3 + dx;
        cy = s.y3 + dy;
        break;
      }
      case PathSegment::Op::Close:
        fn(cx, cy, sx, sy);
        cx = sx;
        cy = sy;
        break;
    }
  }
}

}  // namespace

ArtInk inkOf(const Artwork& art, double x, double y) {
  ArtInk ink;
  for (const VectorPath& path : art.paths) {
    if (path.stroke) {
      forEachPiece(path, x, y, [&](double ax, double ay, double bx, double by) {
        ink.strokes.push_back({ax, ay, bx, by, path.lineWidth / 2});
      });
    }
    if (path.fill) {
      constexpr double kInf = std::numeric_limits<double>::infinity();
      RectPt all{kInf, kInf, -kInf, -kInf};
      bool any = false;
      forEachPiece(path, x, y, [&](double ax, double ay, double bx, double by) {
        any = true;
        all = {std::min({all.x0, ax, bx}), std::min({all.y0, ay, by}), std::max({all.x1, ax, bx}),
               std::max({all.y1, ay, by})};
      });
      if (any) ink.fillBounds.push_back(all);
    }
  }
  return ink;
}

bool ArtInk::touches(const RectPt& box, double margin) const {
  for (const Stroke& s : strokes) {
    const double m = margin + s.halfWidth;
    const RectPt grown{box.x0 - m, box.y0 - m, box.x1 + m, box.y1 + m};
    if (segmentHitsBox(s.ax, s.ay, s.bx, s.by, grown)) return true;
  }
  // A filled shape counts by its whole bounds: conservative, and the fills of a
  // certificate's art are small ornaments.
  const RectPt grown{box.x0 - margin, box.y0 - margin, box.x1 + margin, box.y1 + margin};
  return std::any_of(fillBounds.begin(), fillBounds.end(),
                     [&](const RectPt& f) { return overlaps(f, grown); });
}

RectPt ArtInk::bounds() const {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  RectPt all{kInf, kInf, -kInf, -kInf};
  auto grow = [&](const RectPt& r) {
    all = {std::min(all.x0, r.x0), std::min(all.y0, r.y0), std::max(all.x1, r.x1),
           std::max(all.y1, r.y1)};
  };
  for (const Stroke& s : strokes) {
    grow({std::min(s.ax, s.bx) - s.halfWidth, std::min(s.ay, s.by) - s.halfWidth,
          std::max(s.ax, s.bx) + s.halfWidth, std::max(s.ay, s.by) + s.halfWidth});
  }
  for (const RectPt& f : fillBounds) grow(f);
  return all;
}

}  // namespace gongwen
