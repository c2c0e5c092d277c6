#include "ofd/OfdObjects.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "common/Utf8.h"
#include "ofd/OfdText.h"

namespace gongwen::ofd {
namespace {

// "R G B", 0..255 (the default colour space, sRGB).
std::string colourValue(const Color& c) {
  auto byte = [](double v) { return std::to_string(std::clamp(std::lround(v * 255.0), 0L, 255L)); };
  return byte(c.r) + ' ' + byte(c.g) + ' ' + byte(c.b);
}

void writeColour(XmlOut& xml, const char* element, const Color& c) {
  xml.open(element).attr("Value", colourValue(c)).end(element);
}

// "x y w h" in millimetres.
std::string box(long long x, long long y, long long w, long long h) {
  std::string s;
  XmlOut::appendMicrons(s, x);
  s += ' ';
  XmlOut::appendMicrons(s, y);
  s += ' ';
  XmlOut::appendMicrons(s, std::max(w, 1LL));
  s += ' ';
  XmlOut::appendMicrons(s, std::max(h, 1LL));
  return s;
}

// Writes an object's Boundary: its box (x, y, w, h, microns from the page's top-left) and
// `inner`, the CTM of its content relative to the box's corner (a b c d e f, microns; null:
// none). Drawn through a group's map `t` (null: none), the Boundary becomes the box's image's
// bounding box and the CTM carries the turn (GB/T 33190 §8.2: the object's content is mapped
// by its CTM, then placed at its Boundary's corner).
void writeBoundary(XmlOut& xml, long long x, long long y, long long w, long long h,
                   const long long* inner, const Affine* t) {
  w = std::max(w, 1LL);
  h = std::max(h, 1LL);
  if (!t) {
    xml.attr("Boundary", box(x, y, w, h));
    if (inner) {
      std::string ctm;
      for (int i = 0; i < 6; ++i) {
        if (i) ctm += ' ';
        XmlOut::appendMicrons(ctm, inner[i]);
      }
      xml.attr("CTM", ctm);
    }
    return;
  }
  const double e = static_cast<double>(toMicrons(t->e)), f = static_cast<double>(toMicrons(t->f));
  auto mapX = [&](double px, double py) { return t->a * px + t->c * py + e; };
  auto mapY = [&](double px, double py) { return t->b * px + t->d * py + f; };
  double minX = std::numeric_limits<double>::max(), minY = minX;
  double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
  for (const auto& [cx, cy] : {std::pair{x, y}, {x + w, y}, {x, y + h}, {x + w, y + h}}) {
    const double px = static_cast<double>(cx), py = static_cast<double>(cy);
    minX = std::min(minX, mapX(px, py)), maxX = std::max(maxX, mapX(px, py));
    minY = std::min(minY, mapY(px, py)), maxY = std::max(maxY, mapY(px, py));
  }
  const long long bx = std::llround(minX), by = std::llround(minY);
  xml.attr("Boundary", box(bx, by, std::llround(maxX) - bx, std::llround(maxY) - by));
  // The content: inner, then the group's linear part, then the box corner's move.
  const double in[6] = {inner ? static_cast<double>(inner[0]) / 1000 : 1,
                        inner ? static_cast<double>(inner[1]) / 1000 : 0,
                        inner ? static_cast<double>(inner[2]) / 1000 : 0,
                        inner ? static_cast<double>(inner[3]) / 1000 : 1,
                        inner ? static_cast<double>(inner[4]) : 0,
                        inner ? static_cast<double>(inner[5]) : 0};
  const double px = static_cast<double>(x), py = static_cast<double>(y);
  const double ctm[6] = {t->a * in[0] + t->c * in[1],
                         t->b * in[0] + t->d * in[1],
                         t->a * in[2] + t->c * in[3],
                         t->b * in[2] + t->d * in[3],
                         t->a * in[4] + t->c * in[5] + mapX(px, py) - static_cast<double>(bx),
                         t->b * in[4] + t->d * in[5] + mapY(px, py) - static_cast<double>(by)};
  std::string value;
  for (int i = 0; i < 6; ++i) {
    if (i) value += ' ';
    XmlOut::appendMicrons(value, std::llround(i < 4 ? ctm[i] * 1000 : ctm[i]));
  }
  xml.attr("CTM", value);
}

// ST_Array of the steps, with OFD's "g N v" for N equal steps in a row.
std::string deltas(const std::vector<long long>& steps) {
  std::string s;
  for (size_t i = 0; i < steps.size();) {
    size_t j = i + 1;
    while (j < steps.size() && steps[j] == steps[i]) ++j;
    if (!s.empty()) s += ' ';
    if (j - i >= 2) {
      s += "g " + std::to_string(j - i) + ' ';
    }
    XmlOut::appendMicrons(s, steps[i]);
    i = j;
  }
  return s;
}

void writeLine(XmlOut& xml, const GlyphRun& run, size_t begin, size_t end, const FontRef& font,
               IdCounter& ids, const Affine* t) {
  const std::vector<TextCluster> clusters = clustersOf(run, begin, end);
  const long long size = toMicrons(run.sizePt);
  long long left = std::numeric_limits<long long>::max();
  long long right = std::numeric_limits<long long>::min();
  for (size_t i = begin; i < end; ++i) {
    const PlacedGlyph& g = run.glyphs[i];
    left = std::min(left, toMicrons(g.x));
    right = std::max(right, toMicrons(g.x + std::max(g.advance, 0.0)));
  }
  // Readers clip an object to its Boundary: a little room beside the advances for ink that
  // overhangs them.
  left -= size / 10;
  right += size / 10;
  const long long baseline = toMicrons(run.glyphs[begin].y);
  // The box holds the line from an em above the baseline to 0.3 em below it.
  const long long top = baseline - size;
  xml.open("TextObject").attr("ID", ids.next());
  writeBoundary(xml, left, top, right - left, size * 13 / 10, nullptr, t);
  xml.attr("Font", font.id).attrMicrons("Size", size);
  writeColour(xml, "FillColor", run.color);  // readers differ in their default

  std::string text;
  std::vector<long long> steps;
  size_t position = 0;  // characters so far
  long long previous = 0;
  for (size_t k = 0; k < clusters.size(); ++k) {
    const TextCluster& c = clusters[k];
    const long long x = toMicrons(run.glyphs[c.begin].x);
    if (k > 0) steps.push_back(x - previous);
    previous = x;
    for (size_t n = 1; n < c.code.size(); ++n) steps.push_back(0);  // inside a cluster
    appendUtf8(text, c.code[0]);
    for (size_t n = 1; n < c.code.size(); ++n) appendUtf8(text, c.code[n]);
    if (!c.plain) {
      std::string glyphs;
      for (size_t i = c.begin; i < c.end; ++i) {
        if (!glyphs.empty()) glyphs += ' ';
        glyphs += std::to_string(font.newGlyphOf->at(run.glyphs[i].glyph));
      }
      xml.open("CGTransform")
          .attr("CodePosition", static_cast<long long>(position))
          .attr("CodeCount", static_cast<long long>(c.code.size()))
          .attr("GlyphCount", static_cast<long long>(c.end - c.begin))
          .element("Glyphs", glyphs)
          .end("CGTransform");
    }
    position += c.code.size();
  }
  xml.open("TextCode")
      .attrMicrons("X", toMicrons(run.glyphs[clusters.front().begin].x) - left)
      .attrMicrons("Y", size);
  if (!steps.empty()) xml.attr("DeltaX", deltas(steps));
  xml.text(text).end("TextCode");
  xml.end("TextObject");
}

// The end of the line of glyphs that starts at `begin` (glyphs on one baseline).
size_t lineEnd(const GlyphRun& run, size_t begin) {
  size_t end = begin + 1;
  while (end < run.glyphs.size() && std::abs(run.glyphs[end].y - run.glyphs[begin].y) < 1e-6) {
    ++end;
  }
  return end;
}

// The run's text objects: [begin, end) glyph ranges, one per baseline, cut after a
// character beyond the BMP. Readers that count TextCode in UTF-16 units (ofd.js, Java's)
// and those that count characters then agree on its DeltaX: it is its object's last.
std::vector<std::pair<size_t, size_t>> textObjects(const GlyphRun& run) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < run.glyphs.size();) {
    const size_t end = lineEnd(run, i);
    size_t from = i;
    for (size_t k = i; k < end; ++k) {
      const std::u32string& text = run.glyphs[k].text;
      if (std::none_of(text.begin(), text.end(), [](char32_t c) { return c > 0xFFFF; })) continue;
      size_t cut = k + 1;
      while (cut < end && run.glyphs[cut].text.empty()) ++cut;  // the rest of its cluster
      if (cut < end) {
        out.emplace_back(from, cut);
        from = cut;
      }
      k = cut - 1;
    }
    out.emplace_back(from, end);
    i = end;
  }
  return out;
}

bool drawn(const VectorPath& path) {
  if (!path.fill && !path.stroke) return false;
  return std::any_of(path.segments.begin(), path.segments.end(),
                     [](const PathSegment& s) { return s.op != PathSegment::Op::Close; });
}

}  // namespace

uint32_t objectCount(const DisplayItem& item) {
  if (const auto* run = std::get_if<GlyphRun>(&item)) {
    return static_cast<uint32_t>(textObjects(*run).size());
  }
  if (const auto* path = std::get_if<VectorPath>(&item)) return drawn(*path) ? 1 : 0;
  if (std::holds_alternative<PlacedArtwork>(item)) return 0;
  if (const auto* group = std::get_if<TransformedGroup>(&item)) {
    uint32_t n = 0;
    for (const auto& inner : group->items) {
      // Art inside a group is written as its paths (a template cannot be turned).
      if (const auto* art = std::get_if<PlacedArtwork>(&inner)) {
        for (const auto& path : art->art->paths) n += drawn(path) ? 1 : 0;
      } else {
        n += objectCount(inner);
      }
    }
    return n;
  }
  return 1;  // a rectangle, an image
}

void writeText(XmlOut& xml, const GlyphRun& run, const FontRef& font, IdCounter& ids,
               const Affine* t) {
  for (const auto& [begin, end] : textObjects(run)) writeLine(xml, run, begin, end, font, ids, t);
}

void writeRect(XmlOut& xml, const FilledRect& rect, IdCounter& ids, const Affine* t) {
  const long long x = toMicrons(rect.x), y = toMicrons(rect.y);
  const long long w = toMicrons(rect.x + rect.width) - x, h = toMicrons(rect.y + rect.height) - y;
  std::string data = "M 0 0 L ";
  XmlOut::appendMicrons(data, w);
  data += " 0 L ";
  XmlOut::appendMicrons(data, w);
  data += ' ';
  XmlOut::appendMicrons(data, h);
  data += " L 0 ";
  XmlOut::appendMicrons(data, h);
  data += " C";
  xml.open("PathObject").attr("ID", ids.next());
  writeBoundary(xml, x, y, w, h, nullptr, t);
  xml.attr("Stroke", "false").attr("Fill", "true");
  writeColour(xml, "FillColor", rect.color);
  xml.element("AbbreviatedData", data).end("PathObject");
}

void writePath(XmlOut& xml, const VectorPath& path, double dx, double dy, IdCounter& ids,
               const Affine* t) {
  if (!drawn(path)) return;
  using Op = PathSegment::Op;
  double minX = std::numeric_limits<double>::max(), minY = minX;
  double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
  auto extend = [&](double x, double y) {
    minX = std::min(minX, x + dx);
    minY = std::min(minY, y + dy);
    maxX = std::max(maxX, x + dx);
    maxY = std::max(maxY, y + dy);
  };
  for (const PathSegment& s : path.segments) {
    if (s.op == Op::Close) continue;
    extend(s.x1, s.y1);
    if (s.op == Op::Curve) {
      extend(s.x2, s.y2);
      extend(s.x3, s.y3);
    }
  }
  const double margin = path.stroke ? path.lineWidth / 2 : 0;
  const long long left = toMicrons(minX - margin), top = toMicrons(minY - margin);
  std::string data;
  auto point = [&](double x, double y) {
    data += ' ';
    XmlOut::appendMicrons(data, toMicrons(x + dx) - left);
    data += ' ';
    XmlOut::appendMicrons(data, toMicrons(y + dy) - top);
  };
  for (const PathSegment& s : path.segments) {
    if (!data.empty()) data += ' ';
    switch (s.op) {
      case Op::Move:
        data += 'M';
        point(s.x1, s.y1);
        break;
      case Op::Line:
        data += 'L';
        point(s.x1, s.y1);
        break;
      case Op::Curve:
        data += 'B';
        point(s.x1, s.y1);
        point(s.x2, s.y2);
        point(s.x3, s.y3);
        break;
      case Op::Close:
        data += 'C';
        break;
    }
  }
  xml.open("PathObject").attr("ID", ids.next());
  writeBoundary(xml, left, top, toMicrons(maxX + margin) - left, toMicrons(maxY + margin) - top,
                nullptr, t);
  if (path.stroke) {
    xml.attrMicrons("LineWidth", toMicrons(path.lineWidth))
        .attr("Join", "Round")
        .attr("Cap", "Round");
  } else {
    xml.attr("Stroke", "false");
  }
  if (path.fill) xml.attr("Fill", "true");
  if (path.evenOdd) xml.attr("Rule", "Even-Odd");
  if (path.stroke) writeColour(xml, "StrokeColor", *path.stroke);
  if (path.fill) writeColour(xml, "FillColor", *path.fill);
  xml.element("AbbreviatedData", data).end("PathObject");
}

void writeImage(XmlOut& xml, const PlacedImage& image, uint32_t resourceId, IdCounter& ids,
                const Affine* t) {
  const long long x = toMicrons(image.x), y = toMicrons(image.y);
  const long long w = toMicrons(image.x + image.width) - x;
  const long long h = toMicrons(image.y + image.height) - y;
  const long long inner[6] = {w, 0, 0, h, 0, 0};  // the image's unit square onto its box
  xml.open("ImageObject").attr("ID", ids.next());
  writeBoundary(xml, x, y, w, h, inner, t);
  xml.attr("ResourceID", resourceId).end("ImageObject");
}

}  // namespace gongwen::ofd
