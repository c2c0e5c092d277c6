#include "layout/PageAdjust.h"

#include <algorithm>
#include <cmath>

namespace gongwen {
namespace {

// A paragraph tail re-set tighter: flow lines [from, end) become `lines`.
struct Respacing {
  size_t from = 0, end = 0;
  std::vector<LineBox> lines;
};

// Re-sets paragraph tails with `charDelta` more (> 0) or fewer (< 0) characters a line so
// that the page's lines change by `lines` (one a paragraph).
bool respacePage(FlowContext& ctx, int lines, int charDelta) {
  if (lines <= 0) return true;
  if (charDelta == 0) return false;
  const std::vector<FlowLine>& flow = ctx.flowLines();
  std::vector<Respacing> plans;
  for (size_t end = flow.size(); end > 0 && static_cast<int>(plans.size()) < lines;) {
    size_t begin = end - 1;
    while (begin > 0 && flow[begin - 1].block == flow[end - 1].block) --begin;
    const FlowLine& last = flow[end - 1];
    const size_t minLines = charDelta > 0 ? 2 : 1;
    if (last.respace && last.lastOfBlock && last.respace->gridPitch > 0 &&
        end - begin >= minLines) {
      ParagraphStyle tight = *last.respace;
      const double em = last.text->sizePt;
      const double cells = std::round((tight.width - em) / tight.gridPitch) + 1;
      if (cells - 1 + charDelta < 1) continue;
      const double scale = (cells - 1) / (cells - 1 + charDelta);
      tight.gridPitch *= scale;
      tight.firstIndent *= scale;  // the indent stays two of the new cells
      // The fewest trailing lines that, re-set, take one line less (tighter) or more
      // (looser, without leaving a character alone on the last line).
      for (size_t j = charDelta > 0 ? 1 : 0; j < end - begin; ++j) {
        const size_t from = end - 1 - j;
        ParagraphStyle tail = tight;
        tail.startCluster = flow[from].box.first;
        if (flow[from].lineIndex > 0) tail.firstIndent = 0;
        auto relaid = composeParagraph(*flow[from].text, tail);
        // Never one character alone on the paragraph's last line, either way.
        const bool done = (charDelta > 0 ? relaid.size() == j : relaid.size() == j + 2) &&
                          visibleClusters(*flow[from].text, relaid.back()) >= 2;
        if (done) {
          plans.push_back({from, end, std::move(relaid)});
          break;
        }
      }
    }
    end = begin;
  }
  if (static_cast<int>(plans.size()) < lines) return false;

  const size_t first = plans.back().from;  // plans run from the page's end upwards
  std::vector<FlowLine> taken = ctx.takeFlowLines(first);
  std::vector<FlowLine> replacement;
  std::vector<int> blanksBefore;  // blank lines kept above each line (before the 附件说明)
  auto blanksAbove = [&](size_t k) {
    return k == 0 ? 0 : std::max(0, taken[k].slot - taken[k - 1].slot - 1);
  };
  for (size_t i = first; i < first + taken.size();) {
    auto plan =
        std::find_if(plans.begin(), plans.end(), [&](const auto& p) { return p.from == i; });
    if (plan == plans.end()) {
      const size_t k = i - first;
      blanksBefore.push_back(blanksAbove(k));
      replacement.push_back(taken[k]);
      ++i;
      continue;
    }
    const FlowLine& model = taken[i - first];
    for (size_t k = 0; k < plan->lines.size(); ++k) {
      FlowLine l = model;
      l.box = plan->lines[k];
      l.lineIndex = model.lineIndex + k;
      l.lastOfBlock = k + 1 == plan->lines.size();
      l.respace->gridPitch = 0;  // re-set once, no more (still body text)
      blanksBefore.push_back(k == 0 ? blanksAbove(i - first) : 0);
      replacement.push_back(std::move(l));
    }
    i = plan->end;
  }
  for (size_t k = 0; k < replacement.size(); ++k) {
    ctx.skipLines(blanksBefore[k]);
    ctx.replaceFlowLines({replacement[k]});
  }
  return true;
}

}  // namespace

size_t visibleClusters(const ShapedText& text, const LineBox& line) {
  size_t n = 0;
  for (size_t i = line.first; i < line.end; ++i) n += text.clusters[i].kind != ClusterKind::Space;
  return n;
}

bool tightenPage(FlowContext& ctx, int lines, int extraChars) {
  return extraChars > 0 && respacePage(ctx, lines, extraChars);
}

bool loosenPage(FlowContext& ctx, int lines, int fewerChars) {
  return fewerChars > 0 && respacePage(ctx, lines, -fewerChars);
}

void fillPageOrBreak(FlowContext& ctx, int lines, int fewerChars) {
  if (!loosenPage(ctx, lines, fewerChars)) ctx.newPage();
}

int carryToNextPage(FlowContext& ctx, int count) {
  const std::vector<FlowLine>& flow = ctx.flowLines();
  if (count <= 0 || flow.empty()) return 0;
  size_t from = flow.size() - std::min(flow.size(), static_cast<size_t>(count));
  while (from > 0 && flow[from - 1].keepWithNext) --from;
  std::vector<FlowLine> taken = ctx.takeFlowLines(from);
  ctx.newPage();
  // Each line on the new page as far below the first as it was (blank lines kept).
  for (const auto& l : taken) {
    if (&l != &taken.front()) ctx.setSlot(l.slot - taken.front().slot);
    ctx.replaceFlowLines({l});
  }
  return static_cast<int>(taken.size());
}

}  // namespace gongwen
