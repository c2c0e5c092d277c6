// 7.3.5.1 joint issuers with seals: the names in issuer order, each seal upright and centred
// pressing its own name, the last pressing its name and the date (which stands as for one
// issuer: right-aligned with a four-em right indent); the seals in rows of equal columns,
// never touching, no row wider than the block, full rows first and the last row ending
// on the date; the first row's top within one line below the body.
// 7.3.5.2 joint issuers without seals: the names one per line above the date, starting at
// one column, the longest with the two-em right indent; the date two em right of them.
// 7.3.5.3 签名章: one blank line, the signer's title, then the signature seal (or the name)
// to its right; the date on the line below as 7.3.5.2; joint signers one per line.
#include "layout/elements/JointSignature.h"

#include <algorithm>
#include <cmath>

#include "common/Errors.h"
#include "common/Json.h"
#include "common/Units.h"
#include "layout/elements/FieldText.h"
#include "layout/elements/Text.h"

namespace gongwen {
namespace {

using ImagePtr = std::shared_ptr<const ImageData>;

// The names of a list field, each a single line in `style`.
std::vector<SingleLine> namesOf(FlowContext& ctx, const Record& record, const std::string& field,
                                const TextStyle& style) {
  std::vector<SingleLine> out;
  const auto names = record.list(field);
  const bool one = record.single(field);
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string where = one ? record.path(field) : jsonPath(record.path(field), i);
    std::u32string text = trimmedText(ctx.prepare(names[i]));
    if (text.empty()) throw InputError(where, Message("is empty: give the name"));
    out.push_back(composeSingleLine(ctx, text, style, where, ctx.grid().width));
  }
  return out;
}

// Throws `message` (which says what was counted) when `got` is not `want`.
void checkCount(size_t got, size_t want, const Record& record, const std::string& field,
                const Message& message) {
  if (got == want) return;
  throw InputError(record.path(field), message);
}

double widest(const std::vector<SingleLine>& lines) {
  double w = 0;
  for (const auto& l : lines) w = std::max(w, l.width());
  return w;
}

// The seal rows of 7.3.5.1 across: each seal's centre x and its row.
struct SealSpot {
  double centre = 0;
  int row = 0;
};

void placeJointWithSeals(FlowContext& ctx, const SignatureSpec& spec, const Record& record,
                         const std::string& field, const std::vector<SingleLine>& names,
                         const std::vector<ImagePtr>& seals, const SingleLine& date,
                         const TextStyle& style) {
  const Grid& grid = ctx.grid();
  const double em = emOf(ctx, style);
  const double diameter = mmToPt(spec.sealDiameterMm);
  const double gap = mmToPt(spec.jointSealGapMm);
  double sealHeight = 0;
  for (const auto& s : seals) {
    sealHeight = std::max(sealHeight, diameter * s->pixelHeight / s->pixelWidth);
  }
  const double dateX = grid.right() - spec.sealDateRightIndentEm * em - date.width();
  const double nameWidth = widest(names);
  // The last seal is centred on the date, unless the widest name centred there would run
  // past the block's right edge: then the column moves left just enough (its seal still
  // presses the date).
  const double lastCentre = std::min(dateX + date.width() / 2, grid.right() - nameWidth / 2);
  const double pitchX = std::max(diameter + gap, nameWidth + em);
  const double halfWide = std::max(diameter, nameWidth) / 2;
  int cols = 1;
  while (lastCentre - cols * pitchX - halfWide >= grid.left - 0.01) ++cols;
  if (lastCentre + diameter / 2 > grid.right() + 0.01 || lastCentre - halfWide < grid.left - 0.01) {
    throw InputError(record.path(field),
                     Message("the names are too long for their seals to stand in the text block: "
                             "shorten them"));
  }
  const int count = static_cast<int>(names.size());
  const int rows = (count + cols - 1) / cols;
  std::vector<SealSpot> spots(names.size());
  for (int i = 0; i < count; ++i) {
    const int row = i / cols;
    const int inRow = row + 1 < rows ? cols : count - (rows - 1) * cols;
    const int col = i - row * cols;
    spots[i] = {lastCentre - (inRow - 1 - col) * pitchX, row};
  }
  // Down: a row of seals every `rowLines` grid lines, its seal centred a little above the
  // boundary between its names' line and the next (as for one seal).
  const int rowLines = static_cast<int>(std::ceil((sealHeight + gap) / grid.linePitch - 1e-6));
  const double sealTopOffset = grid.linePitch - mmToPt(spec.sealCentreAboveMm) - sealHeight / 2;
  SignatureBlock block;
  block.sealTopPt = sealTopOffset;
  block.lines = (rows - 1) * rowLines + 2;  // the last row's names, then the date
  block.inkBottomPt = (rows - 1) * rowLines * grid.linePitch + sealTopOffset + sealHeight;
  const int first = fitSignaturePage(ctx, block, pageRuleOf(spec)).firstSlot;
  for (size_t i = 0; i < names.size(); ++i) {
    const ImagePtr& seal = seals[i];
    const int slot = first + spots[i].row * rowLines;
    PlacedImage img;
    img.image = seal;
    img.width = diameter;
    img.height = diameter * seal->pixelHeight / seal->pixelWidth;
    img.x = spots[i].centre - diameter / 2;
    img.y = grid.top + slot * grid.linePitch + sealTopOffset + (sealHeight - img.height) / 2;
    ctx.addItem(img);
  }
  for (size_t i = 0; i < names.size(); ++i) {
    const int slot = first + spots[i].row * rowLines;
    ctx.placeLineAt(*names[i].text, names[i].line, slot, spots[i].centre - names[i].width() / 2);
  }
  const int dateSlot = first + (rows - 1) * rowLines + 1;
  ctx.placeLineAt(*date.text, date.line, dateSlot, dateX);
  ctx.setSlot(dateSlot + 1);
}

// One line of a stack: a name (or a title with a name or a 签名章) at x from the stack's
// start.
struct StackLine {
  std::vector<std::pair<SingleLine, double>> texts;  // text and its x from the start
  ImagePtr image;                                    // a 签名章
  double imageX = 0, imageWidth = 0, imageHeight = 0;
  double width = 0;
};

// 7.3.5.2 and 7.3.5.3: the lines one below the other after the blank lines, starting at one
// column whose widest line has the two-em right indent, the date on the next line two em
// right of that column (a longer date keeps the indent and pushes the column left).
void placeStack(FlowContext& ctx, const SignatureSpec& spec, const std::vector<StackLine>& lines,
                const SingleLine* date, const TextStyle& style, const std::string& where) {
  const Grid& grid = ctx.grid();
  const double em = emOf(ctx, style);
  const double right = grid.right() - spec.issuerRightIndentEm * em;
  const double shift = spec.dateShiftEm * em;
  double width = 0;
  for (const auto& l : lines) width = std::max(width, l.width);
  double x = right - width;
  double dateX = x + shift;
  if (date && dateX + date->width() > right) {
    dateX = right - date->width();
    x = dateX - shift;
  }
  if (x < grid.left - 0.01) {
    throw InputError(where,
                     Message("the signature lines are too wide for the text block: shorten them"));
  }
  const int blank = spec.blankLinesBefore;
  const int total = static_cast<int>(lines.size()) + (date ? 1 : 0);
  SignatureBlock block;
  block.minRowsBelow = blank + 1;
  block.lines = total;
  int slot = fitSignaturePage(ctx, block, pageRuleOf(spec)).firstSlot;
  for (const auto& l : lines) {
    for (const auto& [text, dx] : l.texts) ctx.placeLineAt(*text.text, text.line, slot, x + dx);
    if (l.image) {
      // Centred on the line's em box.
      const double centre = grid.baseline(slot, style.sizePt) - (kEmAscent - 0.5) * style.sizePt;
      ctx.addItem(PlacedImage{l.image, x + l.imageX, centre - l.imageHeight / 2, l.imageWidth,
                              l.imageHeight});
    }
    ++slot;
  }
  if (date) ctx.placeLineAt(*date->text, date->line, slot++, dateX);
  ctx.setSlot(slot);
}

}  // namespace

bool needsSignatureVariant(const FlowElement& el, const SignatureSpec& spec, const Record& record) {
  const std::string& signer = spec.signerField;
  if (!signer.empty() && (record.has(signer) || record.has(spec.signerTitleField) ||
                          record.has(spec.signatureSealField))) {
    return true;
  }
  auto several = [&](const std::string& field) {
    return !field.empty() && record.has(field) && !record.single(field) && record.count(field) > 1;
  };
  return several(el.field) || several(spec.sealField);
}

void placeSignatureVariant(FlowContext& ctx, const FlowElement& el, const SignatureSpec& spec,
                           const Record& record) {
  const Layout& layout = ctx.layout();
  const TextStyle& style = layout.style(el.style);
  const std::string& dateField = spec.dateField;
  const std::string date = fieldText(record, layout, dateField);
  SingleLine dateLine;
  if (!date.empty()) {
    dateLine =
        composeSingleLine(ctx, ctx.prepare(date), style, record.path(dateField), ctx.grid().width);
  }
  const SingleLine* datePtr = date.empty() ? nullptr : &dateLine;

  const std::string& signerField = spec.signerField;
  if (!signerField.empty() && (record.has(signerField) || record.has(spec.signerTitleField) ||
                               record.has(spec.signatureSealField))) {
    // 7.3.5.3: title, then the 签名章 or the name.
    const std::string& titleField = spec.signerTitleField;
    const std::string& sealField = spec.signatureSealField;
    auto titles = namesOf(ctx, record, titleField, style);
    auto names = namesOf(ctx, record, signerField, style);
    auto seals = sealField.empty() ? std::vector<ImagePtr>{} : record.images(sealField);
    if (names.empty() && seals.empty()) {
      throw InputError(record.path(signerField),
                       Message("the signer's title needs the signer's name or 签名章 (7.3.5.3)"));
    }
    const size_t count = std::max(names.size(), seals.size());
    if (!titles.empty()) {
      checkCount(titles.size(), count, record, titleField,
                 Message("{0} titles given for {1} signers: give one title per signer, in the "
                         "same order (GB/T 9704 7.3.5)",
                         titles.size(), count));
    }
    if (!names.empty()) {
      checkCount(names.size(), count, record, signerField,
                 Message("{0} names given for {1} signers: give one name per signer, in the "
                         "same order (GB/T 9704 7.3.5)",
                         names.size(), count));
    }
    if (!seals.empty()) {
      checkCount(seals.size(), count, record, sealField,
                 Message("{0} 签名章 given for {1} signers: give one 签名章 per signer, in the "
                         "same order (GB/T 9704 7.3.5)",
                         seals.size(), count));
    }
    const double em = emOf(ctx, style);
    const double gapX = spec.signerGapEm * em;
    const double sealHeight = mmToPt(spec.signatureSealHeightMm);
    std::vector<StackLine> lines(count);
    for (size_t i = 0; i < count; ++i) {
      StackLine& l = lines[i];
      double x = 0;
      if (!titles.empty()) {
        l.texts.emplace_back(titles[i], 0);
        x = titles[i].width() + gapX;
      }
      if (!seals.empty()) {
        l.image = seals[i];
        l.imageX = x;
        l.imageHeight = sealHeight;
        l.imageWidth = sealHeight * seals[i]->pixelWidth / seals[i]->pixelHeight;
        x += l.imageWidth;
      } else {
        l.texts.emplace_back(names[i], x);
        x += names[i].width();
      }
      l.width = x;
    }
    placeStack(ctx, spec, lines, datePtr, style, record.path(signerField));
    return;
  }

  // Joint issuers.
  auto names = namesOf(ctx, record, el.field, style);
  const std::string& sealField = spec.sealField;
  auto seals = sealField.empty() ? std::vector<ImagePtr>{} : record.images(sealField);
  if (!seals.empty()) {
    checkCount(seals.size(), names.size(), record, sealField,
               Message("{0} seals given for {1} issuers: give one seal per issuer, in the same "
                       "order (GB/T 9704 7.3.5)",
                       seals.size(), names.size()));
    if (!datePtr) {
      throw InputError(
          record.path(sealField),
          Message("the last seal presses the date (\"{0}\"): give it (7.3.5.1)", dateField));
    }
    placeJointWithSeals(ctx, spec, record, el.field, names, seals, dateLine, style);
    return;
  }
  std::vector<StackLine> lines;
  for (auto& n : names) {
    StackLine l;
    l.width = n.width();
    l.texts.emplace_back(std::move(n), 0);
    lines.push_back(std::move(l));
  }
  placeStack(ctx, spec, lines, datePtr, style, record.path(el.field));
}

}  // namespace gongwen
