#include "layout/LandscapePages.h"

#include <algorithm>
#include <cmath>

namespace gongwen {

PaperEdge bindingEdge(size_t pageNumber) {
  return pageNumber % 2 == 1 ? PaperEdge::Left : PaperEdge::Right;
}

PaperEdge landscapeHeadEdge(size_t pageNumber) {
  const PaperEdge binding = bindingEdge(pageNumber);
  const PaperEdge cut = binding == PaperEdge::Left ? PaperEdge::Right : PaperEdge::Left;
  return pageNumber % 2 == 1 ? binding : cut;
}

PageGeometry landscapeGeometry(const PageGeometry& p) {
  PageGeometry l;
  l.widthMm = p.heightMm;
  l.heightMm = p.widthMm;
  // The head towards the paper's left edge: the portrait block's bottom margin becomes the
  // landscape left margin, its left margin the landscape top margin (landscapeToPortrait
  // maps the block onto the portrait block whichever way it turns).
  l.marginLeftMm = p.heightMm - p.marginTopMm - p.blockHeightMm;
  l.marginTopMm = p.marginLeftMm;
  l.blockWidthMm = p.blockHeightMm;
  l.blockHeightMm = p.blockWidthMm;
  const double pitch = p.blockHeightMm / p.linesPerPage;
  l.linesPerPage = std::max(1, static_cast<int>(std::floor(l.blockHeightMm / pitch + 1e-6)));
  const double cell = p.blockWidthMm / p.charsPerLine;
  l.charsPerLine = std::max(1, static_cast<int>(std::floor(l.blockWidthMm / cell + 1e-6)));
  return l;
}

Affine landscapeToPortrait(const PageGeometry& p, PaperEdge head) {
  const PageGeometry l = landscapeGeometry(p);
  const double pl = mmToPt(p.marginLeftMm), pt = mmToPt(p.marginTopMm);
  const double pr = pl + mmToPt(p.blockWidthMm), pb = pt + mmToPt(p.blockHeightMm);
  const double ll = mmToPt(l.marginLeftMm), lt = mmToPt(l.marginTopMm);
  if (head == PaperEdge::Left) {
    // Landscape (u, v) → paper (pl + (v − lt), pb − (u − ll)): the head (v = lt) on the
    // block's left edge, the lines reading upwards.
    return Affine{0, -1, 1, 0, pl - lt, pb + ll};
  }
  // → (pr − (v − lt), pt + (u − ll)): the head on the block's right edge, reading downwards.
  return Affine{0, 1, -1, 0, pr + lt, pt - ll};
}

bool isLandscape(const PageGeometry& page) { return page.widthMm > page.heightMm; }

Layout landscapeLayout(const Layout& portrait) {
  Layout l = portrait;
  l.page = landscapeGeometry(portrait.page);
  return l;
}

std::vector<Page> composeLandscape(FlowContext& ctx, const ComposeOptions& options,
                                   const std::function<void(FlowContext&)>& content) {
  const Layout landscape = landscapeLayout(ctx.layout());
  FlowContext turned(landscape, ctx.fonts(), options);
  content(turned);
  return std::move(turned.list().pages);
}

void appendLandscape(FlowContext& ctx, std::vector<Page> pages) {
  const PageGeometry& portrait = ctx.layout().page;
  for (Page& page : pages) {
    const size_t number = ctx.list().pages.size() + 1;
    Page paper;
    paper.widthPt = ctx.grid().pageWidth;
    paper.heightPt = ctx.grid().pageHeight;
    paper.items.emplace_back(TransformedGroup{
        landscapeToPortrait(portrait, landscapeHeadEdge(number)), std::move(page.items)});
    ctx.appendPage(std::move(paper));
  }
}

void placeLandscape(FlowContext& ctx, const std::function<void(FlowContext&)>& content) {
  appendLandscape(ctx, composeLandscape(ctx, ctx.options(), content));
}

}  // namespace gongwen
