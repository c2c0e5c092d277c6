#include "layout/ArtworkBuilder.h"

#include <cmath>

#include "common/Errors.h"
#include "common/Units.h"
#include "layout/PathData.h"
#include "model/ElementParams.h"

namespace gongwen {
namespace {

struct Paint {
  std::optional<Color> fill, stroke;
  double lineWidth = 1;
};

Paint paintOf(const ElementParams& p) {
  Paint paint;
  if (p.has("fill")) paint.fill = p.color("fill", Color{});
  if (p.has("stroke")) paint.stroke = p.color("stroke", Color{});
  paint.lineWidth = mmToPt(p.number("line_width_mm", 0.35));
  if (!paint.fill && !paint.stroke) {
    throw InputError(p.path(), Message("a shape needs a \"fill\" or a \"stroke\" colour"));
  }
  return paint;
}

void add(Artwork& art, std::vector<PathSegment> segments, const Paint& paint) {
  VectorPath path;
  path.segments = std::move(segments);
  path.fill = paint.fill;
  path.stroke = paint.stroke;
  path.lineWidth = paint.lineWidth;
  art.paths.push_back(std::move(path));
}

// A rectangle in pt, with rounded corners of radius r (0: square).
std::vector<PathSegment> rectangle(double x, double y, double w, double h, double r) {
  using Op = PathSegment::Op;
  if (r <= 0) {
    return {{Op::Move, x, y},
            {Op::Line, x + w, y},
            {Op::Line, x + w, y + h},
            {Op::Line, x, y + h},
            {Op::Close}};
  }
  r = std::min(r, std::min(w, h) / 2);
  const double k = 0.5523 * r;  // a quarter circle as one cubic curve
  return {{Op::Move, x + r, y},
          {Op::Line, x + w - r, y},
          {Op::Curve, x + w - r + k, y, x + w, y + r - k, x + w, y + r},
          {Op::Line, x + w, y + h - r},
          {Op::Curve, x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h},
          {Op::Line, x + r, y + h},
          {Op::Curve, x + r - k, y + h, x, y + h - r + k, x, y + h - r},
          {Op::Line, x, y + r},
          {Op::Curve, x, y + r - k, x + r - k, y, x + r, y},
          {Op::Close}};
}

void addRect(Artwork& art, const ElementParams& p, double pageW, double pageH) {
  p.onlyKeys({"shape", "inset_mm", "x_mm", "y_mm", "width_mm", "height_mm", "radius_mm", "fill",
              "stroke", "line_width_mm"});
  double x, y, w, h;
  if (p.has("inset_mm")) {
    const double inset = mmToPt(p.number("inset_mm", 0));
    x = y = inset;
    w = pageW - 2 * inset;
    h = pageH - 2 * inset;
  } else {
    for (const char* key : {"x_mm", "y_mm", "width_mm", "height_mm"}) {
      if (!p.has(key))
        throw InputError(p.path(), Message("a rect needs \"inset_mm\" or \"{0}\"", key));
    }
    x = mmToPt(p.number("x_mm", 0));
    y = mmToPt(p.number("y_mm", 0));
    w = mmToPt(p.number("width_mm", 0));
    h = mmToPt(p.number("height_mm", 0));
  }
  if (!(w > 0 && h > 0))
    throw InputError(p.path(), Message("the rectangle is empty (inset too large?)"));
  add(art, rectangle(x, y, w, h, mmToPt(p.number("radius_mm", 0))), paintOf(p));
}

void addPath(Artwork& art, const ElementParams& p, double pageW, double pageH) {
  p.onlyKeys({"shape", "d", "x_mm", "y_mm", "scale", "mirror", "fill", "stroke", "line_width_mm"});
  const auto motif = parsePathData(p.str("d"), p.at("d"));
  const Paint paint = paintOf(p);
  const double s = mmToPt(1) * p.number("scale", 1);
  const Affine place = Affine::translate(mmToPt(p.number("x_mm", 0)), mmToPt(p.number("y_mm", 0)))
                           .then(Affine::scale(s, s));
  const Affine flipX{-1, 0, 0, 1, pageW, 0}, flipY{1, 0, 0, -1, 0, pageH};
  const std::string mirror = p.str("mirror", "none");
  std::vector<Affine> copies = {place};
  if (mirror == "horizontal" || mirror == "corners") copies.push_back(flipX.then(place));
  if (mirror == "vertical" || mirror == "corners") copies.push_back(flipY.then(place));
  if (mirror == "corners") copies.push_back(flipX.then(flipY).then(place));
  if (mirror != "none" && copies.size() == 1) {
    throw InputError(p.at("mirror"), Message("must be one of none, horizontal, vertical, corners"));
  }
  for (const Affine& m : copies) add(art, transformed(motif, m), paint);
}

void addBand(Artwork& art, const ElementParams& p, double pageW, double pageH) {
  p.onlyKeys({"shape", "d", "tile_width_mm", "tile_height_mm", "inset_mm", "corner_mm", "fill",
              "stroke", "line_width_mm"});
  const auto tile = parsePathData(p.str("d"), p.at("d"));
  const Paint paint = paintOf(p);
  const double tileW = mmToPt(p.number("tile_width_mm", 0));
  if (!(tileW > 0 && p.number("tile_height_mm", 0) > 0)) {
    throw InputError(p.path(),
                     Message("a band needs \"tile_width_mm\" and \"tile_height_mm\" above 0"));
  }
  const double inset = mmToPt(p.number("inset_mm", 0));
  const double corner = mmToPt(p.number("corner_mm", p.number("tile_height_mm", 0)));
  const double unit = mmToPt(1);
  // One side: tiles along the x axis of a frame whose origin is the side's start and
  // whose y axis points into the page.
  auto side = [&](const Affine& frame, double length) {
    const double usable = length - 2 * corner;
    if (usable <= 0)
      throw InputError(p.path(), Message("the band's corners leave no room for tiles"));
    const int count = std::max(1, static_cast<int>(std::lround(usable / tileW)));
    const double step = usable / count;
    std::vector<PathSegment> all;
    for (int i = 0; i < count; ++i) {
      const Affine m = frame.then(Affine::translate(corner + i * step, 0))
                           .then(Affine::scale(step / tileW * unit, unit));
      auto one = transformed(tile, m);
      all.insert(all.end(), one.begin(), one.end());
    }
    add(art, std::move(all), paint);
  };
  const double w = pageW - 2 * inset, h = pageH - 2 * inset;
  side(Affine{1, 0, 0, 1, inset, inset}, w);                    // top, left to right
  side(Affine{-1, 0, 0, -1, pageW - inset, pageH - inset}, w);  // bottom, right to left
  side(Affine{0, -1, 1, 0, inset, pageH - inset}, h);           // left, bottom to top
  side(Affine{0, 1, -1, 0, pageW - inset, inset}, h);           // right, top to bottom
}

}  // namespace

std::shared_ptr<const Artwork> buildArtwork(const Layout& layout) {
  ElementParams root(layout.root, layout.source + ": $");
  auto shapes = root.objects("art");
  if (shapes.empty()) return nullptr;
  auto art = std::make_shared<Artwork>();
  art->widthPt = mmToPt(layout.page.widthMm);
  art->heightPt = mmToPt(layout.page.heightMm);
  for (const ElementParams& shape : shapes) {
    const std::string kind = shape.str("shape");
    if (kind == "rect") {
      addRect(*art, shape, art->widthPt, art->heightPt);
    } else if (kind == "path") {
      addPath(*art, shape, art->widthPt, art->heightPt);
    } else if (kind == "band") {
      addBand(*art, shape, art->widthPt, art->heightPt);
    } else {
      throw InputError(shape.at("shape"), Message("must be one of rect, path, band"));
    }
  }
  return art;
}

}  // namespace gongwen
