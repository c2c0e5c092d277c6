// 横排表格 (GB/T 9704-2012 8): what is too wide for the portrait text block is set on
// landscape pages. The paper stays A4 portrait (same tray, bound with the rest); the content
// is laid out on a landscape grid, the portrait block turned (156 × 225 mm becomes 225 mm
// wide, 156 mm tall), and drawn on the portrait page through a quarter turn (a
// TransformedGroup). The page number stays where the other pages have it, upright.
// Which way the content turns: on odd pages its head (top) faces the binding edge (订口),
// on even pages the cut edge (切口). 公文 are bound on the left (9), so the binding edge is
// the left edge on odd pages and the right edge on even pages: the head faces the paper's
// left edge on both, and the reader turns the bound document clockwise to read every
// landscape page.
#pragma once

#include <functional>
#include <vector>

#include "layout/FlowContext.h"

namespace gongwen {

enum class PaperEdge { Left, Right };

// The edge of the paper the binding is on, for page `pageNumber` (1-based): left-bound
// documents have it on the left of odd pages, on the right of even ones (the back).
PaperEdge bindingEdge(size_t pageNumber);
// The edge a landscape page's head faces (8): odd pages the binding edge, even pages the
// cut edge (the other one).
PaperEdge landscapeHeadEdge(size_t pageNumber);

// The landscape page's geometry for a portrait one: the paper turned, its block the portrait
// block turned (same line pitch as near as whole lines allow, same character cells).
PageGeometry landscapeGeometry(const PageGeometry& portrait);
// The map from the landscape page's coordinates onto the portrait paper, its block exactly
// onto the portrait block, the head towards `head`.
Affine landscapeToPortrait(const PageGeometry& portrait, PaperEdge head);

// Whether a page is wider than tall: a landscape page's own geometry (content composed on
// it is set as it is, never turned again).
bool isLandscape(const PageGeometry& page);
// The layout with its page turned (landscapeGeometry): its styles on a landscape page.
Layout landscapeLayout(const Layout& portrait);

// Composes `content` on landscape pages of their own (a FlowContext on the landscape
// geometry with the document's styles, fonts and `options`) and returns them, not yet
// turned.
std::vector<Page> composeLandscape(FlowContext& ctx, const ComposeOptions& options,
                                   const std::function<void(FlowContext&)>& content);
// Appends landscape pages, turned, to `ctx`'s pages after its current one; the flow goes
// on on a new portrait page.
void appendLandscape(FlowContext& ctx, std::vector<Page> pages);
// Both: `content` composed with the document's options and appended.
void placeLandscape(FlowContext& ctx, const std::function<void(FlowContext&)>& content);

}  // namespace gongwen
