#include "layout/PrintAdjust.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "common/Errors.h"
#include "common/Units.h"
#include "layout/Grid.h"

namespace gongwen {
namespace {

std::string mm(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

void scaleArtwork(Page& page, double s);

}  // namespace

void applyPrintAdjust(DisplayList& list, const PrintAdjust& a) {
  if (!a.moves()) return;
  const double s = a.scale;
  for (Page& page : list.pages) {
    for (DisplayItem& item : page.items) {
      if (auto* run = std::get_if<GlyphRun>(&item)) {
        run->sizePt *= s;
        for (PlacedGlyph& g : run->glyphs) {
          g.x = a.x(g.x);
          g.y = a.y(g.y);
          g.advance *= s;
        }
      } else if (auto* rect = std::get_if<FilledRect>(&item)) {
        rect->x = a.x(rect->x);
        rect->y = a.y(rect->y);
        rect->width *= s;
        rect->height *= s;
      } else if (auto* img = std::get_if<PlacedImage>(&item)) {
        img->x = a.x(img->x);
        img->y = a.y(img->y);
        img->width *= s;
        img->height *= s;
      } else if (auto* path = std::get_if<VectorPath>(&item)) {
        for (PathSegment& seg : path->segments) {
          seg.x1 = a.x(seg.x1), seg.y1 = a.y(seg.y1);
          seg.x2 = a.x(seg.x2), seg.y2 = a.y(seg.y2);
          seg.x3 = a.x(seg.x3), seg.y3 = a.y(seg.y3);
        }
        path->lineWidth *= s;
      } else if (auto* art = std::get_if<PlacedArtwork>(&item)) {
        art->x = a.x(art->x);
        art->y = a.y(art->y);
      } else if (auto* group = std::get_if<TransformedGroup>(&item)) {
        // Its items keep their own coordinates: the page's move and scale follow its map.
        group->transform = Affine{s, 0, 0, s, a.x(0), a.y(0)}.then(group->transform);
      }
    }
    if (s != 1) scaleArtwork(page, s);
  }
}

namespace {

// Art placed whole (a form XObject) is drawn unscaled: when a printer profile scales the
// page, the art's paths are put on the page instead, scaled about the art's (moved) corner.
void scaleArtwork(Page& page, double s) {
  std::vector<DisplayItem> items;
  items.reserve(page.items.size());
  for (DisplayItem& item : page.items) {
    const auto* placed = std::get_if<PlacedArtwork>(&item);
    if (!placed) {
      items.push_back(std::move(item));
      continue;
    }
    for (VectorPath path : placed->art->paths) {
      for (PathSegment& seg : path.segments) {
        seg.x1 = placed->x + s * seg.x1, seg.y1 = placed->y + s * seg.y1;
        seg.x2 = placed->x + s * seg.x2, seg.y2 = placed->y + s * seg.y2;
        seg.x3 = placed->x + s * seg.x3, seg.y3 = placed->y + s * seg.y3;
      }
      path.lineWidth *= s;
      items.emplace_back(std::move(path));
    }
  }
  page.items = std::move(items);
}

}  // namespace

void checkOnPage(const DisplayList& list, const PrintAdjust& adjust) {
  if (!adjust.moves()) return;
  for (size_t i = 0; i < list.pages.size(); ++i) {
    const Page& page = list.pages[i];
    double worst = 0;  // how far anything lies off the page, pt
    Affine map;        // of the group the item is in
    auto take = [&](double x0, double y0, double x1, double y1) {
      for (double x : {x0, x1}) {
        for (double y : {y0, y1}) {
          double px = x, py = y;
          map.apply(px, py);
          worst = std::max({worst, -px, -py, px - page.widthPt, py - page.heightPt});
        }
      }
    };
    forEachDrawn(page.items, [&](const DisplayItem& item, const Affine& t) {
      map = t;
      if (const auto* run = std::get_if<GlyphRun>(&item)) {
        for (const PlacedGlyph& g : run->glyphs) {
          const double top = g.y - kEmAscent * run->sizePt;
          take(g.x, top, g.x + g.advance, top + run->sizePt);
        }
      } else if (const auto* rect = std::get_if<FilledRect>(&item)) {
        take(rect->x, rect->y, rect->x + rect->width, rect->y + rect->height);
      } else if (const auto* img = std::get_if<PlacedImage>(&item)) {
        take(img->x, img->y, img->x + img->width, img->y + img->height);
      }
    });
    if (worst > 0.01) {
      throw InputError(Message("page {0}", i + 1),
                       Message("the {0} puts what is printed off the page by {1} mm",
                               describe(adjust), mm(ptToMm(worst))));
    }
  }
}

}  // namespace gongwen
