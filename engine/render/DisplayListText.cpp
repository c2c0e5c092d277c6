#include "render/DisplayListText.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <variant>

#include "common/Utf8.h"

namespace gongwen {
namespace {

// Millimetres to 0.01, never "-0.00".
std::string mm(double pt) {
  double v = std::round(pt / 72.0 * 25.4 * 100.0) / 100.0;
  if (v == 0) v = 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", std::round(v * 100.0) / 100.0 + 0.0);
  return buf;
}

std::string colour(const Color& c) {
  char buf[16];
  auto byte = [](double v) { return static_cast<int>(std::lround(v * 255.0)); };
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  return buf;
}

std::string fileName(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Each font's role: the first role it serves, else "fallback", else the first role it is an
// alternate of (a rare character of a title, from the role's next installed candidate).
std::map<const Font*, std::string> rolesOf(const FontRegistry& fonts) {
  std::map<const Font*, std::string> roles;
  for (const auto& r : fonts.resolutions()) {
    if (r.font) roles.emplace(r.font.get(), r.role);
  }
  for (const auto& r : fonts.resolutions()) {
    for (const auto& a : r.alternates) roles.emplace(a.get(), r.role);
  }
  return roles;
}

class Writer {
 public:
  explicit Writer(const FontRegistry& fonts) : roles_(rolesOf(fonts)) {}

  void item(const GlyphRun& run) {
    std::u32string text;
    for (const auto& g : run.glyphs) text += g.text;
    auto role = roles_.find(run.font.get());
    out_ += "  text " + (role == roles_.end() ? std::string("?") : role->second) + " " +
            fileName(run.font->path()) + " " + number(run.sizePt) + "pt " + colour(run.color);
    if (!run.glyphs.empty()) {
      out_ += " x=";
      out_ += mm(run.glyphs.front().x);
      out_ += " y=";
      out_ += mm(run.glyphs.front().y);
    }
    out_ += " \"";
    out_ += encodeUtf8(text);
    out_ += "\"\n   ";
    for (const auto& g : run.glyphs) {
      out_ += ' ';
      out_ += mm(g.x);
      if (g.y != run.glyphs.front().y) {
        out_ += '/';
        out_ += mm(g.y);
      }
    }
    out_ += "\n";
  }
  void item(const FilledRect& r) {
    out_ += "  rect x=" + mm(r.x) + " y=" + mm(r.y) + " w=" + mm(r.width) + " h=" + mm(r.height) +
            " " + colour(r.color) + "\n";
  }
  void item(const PlacedImage& i) {
    out_ += "  image x=" + mm(i.x) + " y=" + mm(i.y) + " w=" + mm(i.width) + " h=" + mm(i.height) +
            " " + std::to_string(i.image->pixelWidth) + "x" + std::to_string(i.image->pixelHeight) +
            "px\n";
  }
  void item(const VectorPath& p) { path("  ", p); }
  void item(const PlacedArtwork& a) {
    out_ += "  art x=" + mm(a.x) + " y=" + mm(a.y) + " w=" + mm(a.art->widthPt) +
            " h=" + mm(a.art->heightPt) + " paths=" + std::to_string(a.art->paths.size()) + "\n";
    if (artsWritten_.insert(a.art.get()).second) {
      for (const auto& p : a.art->paths) path("    ", p);
    }
  }

  // Its items between "group" (the map: a b c d unitless, e f in mm) and "end group", in
  // their own coordinates.
  void item(const TransformedGroup& g) {
    const Affine& t = g.transform;
    out_ += "  group " + number(t.a) + " " + number(t.b) + " " + number(t.c) + " " + number(t.d) +
            " " + mm(t.e) + " " + mm(t.f) + "\n";
    for (const auto& i : g.items) std::visit([this](const auto& x) { item(x); }, i);
    out_ += "  end group\n";
  }

  void page(size_t number, const Page& p) {
    out_ += "page " + std::to_string(number) + " " + mm(p.widthPt) + "x" + mm(p.heightPt) + " mm\n";
    for (const auto& i : p.items) std::visit([this](const auto& x) { item(x); }, i);
  }

  std::string take() { return std::move(out_); }

 private:
  void path(const char* indent, const VectorPath& p) {
    out_ += std::string(indent) + "path segments=" + std::to_string(p.segments.size());
    if (p.fill) out_ += " fill=" + colour(*p.fill) + (p.evenOdd ? " even-odd" : "");
    if (p.stroke) out_ += " stroke=" + colour(*p.stroke) + " width=" + mm(p.lineWidth);
    double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
    for (const auto& s : p.segments) {
      if (s.op == PathSegment::Op::Close) continue;
      const int points = s.op == PathSegment::Op::Curve ? 3 : 1;
      const double xs[] = {s.x1, s.x2, s.x3}, ys[] = {s.y1, s.y2, s.y3};
      for (int k = 0; k < points; ++k) {
        minX = std::min(minX, xs[k]), minY = std::min(minY, ys[k]);
        maxX = std::max(maxX, xs[k]), maxY = std::max(maxY, ys[k]);
      }
    }
    if (minX <= maxX) {
      out_ += " bounds=" + mm(minX) + "," + mm(minY) + ".." + mm(maxX) + "," + mm(maxY);
    }
    out_ += "\n";
  }

  std::map<const Font*, std::string> roles_;
  std::set<const Artwork*> artsWritten_;
  std::string out_;
};

}  // namespace

std::string displayListText(const DisplayList& list, const FontRegistry& fonts) {
  Writer w(fonts);
  for (size_t i = 0; i < list.pages.size(); ++i) w.page(i + 1, list.pages[i]);
  return w.take();
}

}  // namespace gongwen
