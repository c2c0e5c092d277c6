#include "render/SvgPreview.h"

#include <Poco/Base64Encoder.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "common/Utf8.h"
#include "ofd/OfdXml.h"

namespace gongwen {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// "x y", appended (not "literal" + std::string: GCC 12's false -Wrestrict at -O3).
void point(std::string& d, double x, double y) {
  d += num(x);
  d += ' ';
  d += num(y);
}

std::string rgb(const Color& c) {
  auto channel = [](double v) {
    return std::to_string(std::lround(std::clamp(v, 0.0, 1.0) * 255));
  };
  return "rgb(" + channel(c.r) + "," + channel(c.g) + "," + channel(c.b) + ")";
}

// Text for an XML attribute or element (the OFD writer's escaping: & < > " and characters
// XML cannot carry).
std::string escaped(const std::string& utf8) {
  std::string out;
  ofd::XmlOut::appendEscaped(out, utf8);
  return out;
}

std::string pathData(const std::vector<PathSegment>& segments, double dx, double dy) {
  std::string d;
  for (const PathSegment& s : segments) {
    switch (s.op) {
      case PathSegment::Op::Move:
        d += 'M';
        point(d, s.x1 + dx, s.y1 + dy);
        break;
      case PathSegment::Op::Line:
        d += 'L';
        point(d, s.x1 + dx, s.y1 + dy);
        break;
      case PathSegment::Op::Curve:
        d += 'C';
        point(d, s.x1 + dx, s.y1 + dy);
        d += ' ';
        point(d, s.x2 + dx, s.y2 + dy);
        d += ' ';
        point(d, s.x3 + dx, s.y3 + dy);
        break;
      case PathSegment::Op::Close:
        d += "Z";
        break;
    }
  }
  return d;
}

void path(std::ostringstream& out, const VectorPath& p, double dx, double dy) {
  out << "<path d=\"" << pathData(p.segments, dx, dy) << "\" fill=\""
      << (p.fill ? rgb(*p.fill) : "none") << "\"";
  if (p.evenOdd) out << " fill-rule=\"evenodd\"";
  if (p.stroke)
    out << " stroke=\"" << rgb(*p.stroke) << "\" stroke-width=\"" << num(p.lineWidth) << "\"";
  out << "/>\n";
}

void drawItems(std::ostringstream& out, const std::vector<DisplayItem>& items) {
  for (const DisplayItem& item : items) {
    if (const auto* run = std::get_if<GlyphRun>(&item)) {
      const std::string family = run->font ? escaped(run->font->familyName()) : "serif";
      for (const PlacedGlyph& g : run->glyphs) {
        if (g.text.empty()) continue;
        out << "<text x=\"" << num(g.x) << "\" y=\"" << num(g.y) << "\" font-size=\""
            << num(run->sizePt) << "\" font-family=\"'" << family << "', serif\" fill=\""
            << rgb(run->color) << "\">" << escaped(encodeUtf8(g.text)) << "</text>\n";
      }
    } else if (const auto* rect = std::get_if<FilledRect>(&item)) {
      out << "<rect x=\"" << num(rect->x) << "\" y=\"" << num(rect->y) << "\" width=\""
          << num(rect->width) << "\" height=\"" << num(rect->height) << "\" fill=\""
          << rgb(rect->color) << "\"/>\n";
    } else if (const auto* p = std::get_if<VectorPath>(&item)) {
      path(out, *p, 0, 0);
    } else if (const auto* art = std::get_if<PlacedArtwork>(&item)) {
      for (const VectorPath& ap : art->art->paths) path(out, ap, art->x, art->y);
    } else if (const auto* img = std::get_if<PlacedImage>(&item)) {
      std::ostringstream b64;
      {
        Poco::Base64Encoder encoder(b64);
        encoder.rdbuf()->setLineLength(0);
        encoder.write(reinterpret_cast<const char*>(img->image->png.data()),
                      static_cast<std::streamsize>(img->image->png.size()));
        encoder.close();
      }
      out << "<image x=\"" << num(img->x) << "\" y=\"" << num(img->y) << "\" width=\""
          << num(img->width) << "\" height=\"" << num(img->height)
          << "\" preserveAspectRatio=\"none\" href=\"data:image/png;base64," << b64.str()
          << "\"/>\n";
    } else if (const auto* group = std::get_if<TransformedGroup>(&item)) {
      const Affine& t = group->transform;
      out << "<g transform=\"matrix(" << num(t.a) << " " << num(t.b) << " " << num(t.c) << " "
          << num(t.d) << " " << num(t.e) << " " << num(t.f) << ")\">\n";
      drawItems(out, group->items);
      out << "</g>\n";
    }
  }
}

}  // namespace

std::string pageSvg(const Page& page) {
  std::ostringstream out;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << num(page.widthPt) << " "
      << num(page.heightPt) << "\" width=\"" << num(page.widthPt) << "pt\" height=\""
      << num(page.heightPt) << "pt\">\n";
  drawItems(out, page.items);
  out << "</svg>\n";
  return out.str();
}

}  // namespace gongwen
