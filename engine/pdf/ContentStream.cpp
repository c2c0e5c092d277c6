#include "pdf/ContentStream.h"

#include <cmath>
#include <cstdio>

#include "common/DecimalText.h"

namespace gongwen {

void ContentStream::number(double v) { appendThousandths(out_, std::llround(v * 1000.0)); }

void ContentStream::point(double x, double y) {
  number(x);
  out_ += ' ';
  number(pageHeight_ - y);
  out_ += ' ';
}

void ContentStream::colour(const Color& c, bool stroke) {
  number(c.r);
  out_ += ' ';
  number(c.g);
  out_ += ' ';
  number(c.b);
  out_ += stroke ? " RG\n" : " rg\n";
}

void ContentStream::text(const GlyphRun& run, const EmbeddedFont& font,
                         const std::string& resourceName) {
  if (run.glyphs.empty()) return;
  const double size = run.sizePt;
  out_ += "BT\n";
  colour(run.color, false);
  out_ += "/" + resourceName + " ";
  number(size);
  out_ += " Tf\n";
  // Horizontal scaling (Tz, in percent) narrows each glyph and its advance; the TJ
  // adjustments are in the scaled text space too.
  const double scale = run.horizontalScale > 0 ? run.horizontalScale : 1;
  if (std::abs(scale - 1) > 1e-9) {
    number(scale * 100);
    out_ += " Tz\n";
  }
  size_t i = 0;
  while (i < run.glyphs.size()) {
    // One TJ per baseline.
    const double y = run.glyphs[i].y;
    out_ += "1 0 0 1 ";
    number(run.glyphs[i].x);
    out_ += ' ';
    number(pageHeight_ - y);
    out_ += " Tm\n[";
    double pen = run.glyphs[i].x;
    for (; i < run.glyphs.size() && std::abs(run.glyphs[i].y - y) < 1e-6; ++i) {
      const PlacedGlyph& g = run.glyphs[i];
      double adjust = (pen - g.x) * 1000.0 / (size * scale);  // TJ moves left by adjust/1000 em
      if (std::abs(adjust) >= 0.001) {
        number(adjust);
      }
      uint16_t code = font.codeOf.at(g.glyph);
      static constexpr char kHex[] = "0123456789ABCDEF";
      const char hex[6] = {
          '<', kHex[code >> 12], kHex[(code >> 8) & 15], kHex[(code >> 4) & 15], kHex[code & 15],
          '>'};
      out_.append(hex, sizeof hex);
      pen = g.x + font.widthOf.at(code) * size * scale / 1000.0;
    }
    out_ += "] TJ\n";
  }
  if (std::abs(scale - 1) > 1e-9) out_ += "100 Tz\n";  // text state outlives ET
  out_ += "ET\n";
}

void ContentStream::beginTransform(const Affine& t) {
  // PDF space is the display list's flipped, (x, H − y): the map there is flip ∘ t ∘ flip.
  const double h = pageHeight_;
  const double m[6] = {t.a, -t.b, -t.c, t.d, t.c * h + t.e, h - t.d * h - t.f};
  out_ += "q";
  for (double v : m) {
    out_ += ' ';
    number(v);
  }
  out_ += " cm\n";
}

void ContentStream::rect(const FilledRect& r) {
  colour(r.color, false);
  number(r.x);
  out_ += ' ';
  number(pageHeight_ - r.y - r.height);
  out_ += ' ';
  number(r.width);
  out_ += ' ';
  number(r.height);
  out_ += " re f\n";
}

void ContentStream::path(const VectorPath& p) {
  if (p.segments.empty() || (!p.fill && !p.stroke)) return;
  if (p.fill) colour(*p.fill, false);
  if (p.stroke) {
    colour(*p.stroke, true);
    number(p.lineWidth);
    out_ += " w 1 j 1 J\n";
  }
  using Op = PathSegment::Op;
  for (const PathSegment& s : p.segments) {
    switch (s.op) {
      case Op::Move:
        point(s.x1, s.y1);
        out_ += "m\n";
        break;
      case Op::Line:
        point(s.x1, s.y1);
        out_ += "l\n";
        break;
      case Op::Curve:
        point(s.x1, s.y1);
        point(s.x2, s.y2);
        point(s.x3, s.y3);
        out_ += "c\n";
        break;
      case Op::Close:
        out_ += "h\n";
        break;
    }
  }
  if (p.fill && p.stroke) {
    out_ += p.evenOdd ? "B*\n" : "B\n";
  } else if (p.fill) {
    out_ += p.evenOdd ? "f*\n" : "f\n";
  } else {
    out_ += "S\n";
  }
}

void ContentStream::form(const std::string& resourceName, double x, double y, double heightPt) {
  out_ += "q 1 0 0 1 ";
  point(x, y + heightPt);
  out_ += "cm /" + resourceName + " Do Q\n";
}

void ContentStream::image(const std::string& resourceName, double x, double y, double width,
                          double height) {
  // Multiplied over the page like ink (/Ink, an ExtGState in PdfWriter's page resources).
  out_ += "q /Ink gs ";
  number(width);
  out_ += " 0 0 ";
  number(height);
  out_ += ' ';
  point(x, y + height);
  out_ += "cm /" + resourceName + " Do Q\n";
}

}  // namespace gongwen
