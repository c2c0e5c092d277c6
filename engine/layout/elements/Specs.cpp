#include "layout/elements/Specs.h"

#include <algorithm>

#include "common/Errors.h"
#include "common/Json.h"
#include "layout/RuledTable.h"
#include "model/ElementParams.h"

namespace gongwen {
namespace {

std::optional<double> optionalNumber(const ElementParams& p, const std::string& key) {
  if (!p.has(key)) return std::nullopt;
  return p.number(key, 0);
}

// A style name under `key`, else `fallback`, else "body" when the layout has neither (the
// body's tables and figures work in a layout without table styles).
std::string styleOr(const ElementParams& p, const Layout& layout, const std::string& key,
                    const std::string& fallback) {
  if (p.has(key)) return p.styleName(layout, key, fallback);
  return layout.styles.count(fallback) ? fallback : "body";
}

// One of `choices`, else an error naming them.
std::string choice(const ElementParams& p, const std::string& key, const std::string& fallback,
                   const std::vector<std::string>& choices) {
  std::string value = p.str(key, fallback);
  if (std::find(choices.begin(), choices.end(), value) == choices.end())
    throw InputError(p.at(key), Message("must be one of {0}", joinedNames(choices)));
  return value;
}

}  // namespace

NoSpec NoSpec::compile(const ElementParams&, const FlowElement&, const Layout&) { return {}; }

TitleSpec TitleSpec::compile(const ElementParams& p, const FlowElement&, const Layout&) {
  TitleSpec s;
  s.maxChars = p.integer("max_chars", s.maxChars);
  s.breakMode = choice(p, "break", "words", {"words", "lines"}) == "words" ? BreakMode::Word
                                                                           : BreakMode::Line;
  s.belowAnchorLines = optionalNumber(p, "below_anchor_lines");
  return s;
}

MarkSpec MarkSpec::compile(const ElementParams& p, const FlowElement&, const Layout&) {
  MarkSpec s;
  s.topMm = p.number("top_mm", s.topMm);
  s.fromPage = choice(p, "from", "block", {"block", "page"}) == "page";
  s.maxWidthMm = optionalNumber(p, "max_width_mm");
  s.jointSuffix = p.str("joint_suffix", s.jointSuffix);
  s.jointLineGapEm = p.number("joint_line_gap_em", s.jointLineGapEm);
  s.jointSuffixGapEm = p.number("joint_suffix_gap_em", s.jointSuffixGapEm);
  s.omitPageNumber = p.boolean("omit_page_number", s.omitPageNumber);
  s.minHorizontalScale =
      std::clamp(p.number("min_horizontal_scale", s.minHorizontalScale), 0.1, 1.0);
  s.minSizePt = p.number("min_size_pt", s.minSizePt);
  return s;
}

HeaderLinesSpec HeaderLinesSpec::compile(const ElementParams& p, const FlowElement& el,
                                         const Layout& layout) {
  static constexpr std::array<const char*, 3> kColumns = {"left", "center", "right"};
  HeaderLinesSpec s;
  for (const ElementParams& row : p.objects("rows")) {
    std::array<Cell, 3> cells;
    for (size_t c = 0; c < kColumns.size(); ++c) {
      if (!row.has(kColumns[c])) continue;
      ElementParams cell = row.object(kColumns[c]);
      cells[c].present = true;
      cells[c].field = cell.str("field");
      cells[c].format = cell.str("format");
      cells[c].style = cell.styleName(layout, "style", el.style);
      cells[c].indentEm = cell.number("indent_em", cells[c].indentEm);
    }
    s.rows.push_back(cells);
  }
  s.packColumns = p.boolean("pack_columns", s.packColumns);
  s.belowAnchorLines = optionalNumber(p, "below_anchor_lines");
  s.belowAnchorEm = optionalNumber(p, "below_anchor_em");
  return s;
}

DocNumberSpec DocNumberSpec::compile(const ElementParams& p, const FlowElement& el,
                                     const Layout& layout) {
  DocNumberSpec s;
  s.signersField = p.str("signers_field");
  s.belowAnchorLines = p.number("below_anchor_lines", s.belowAnchorLines);
  s.labelStyle = p.styleName(layout, "label_style", el.style);
  s.nameStyle = p.styleName(layout, "name_style", el.style);
  s.namesPerLine = std::max(1, p.integer("names_per_line", s.namesPerLine));
  s.nameGapEm = p.number("name_gap_em", s.nameGapEm);
  s.label = p.str("label", s.label);
  s.rightIndentEm = p.number("right_indent_em", s.rightIndentEm);
  s.numberIndentEm = p.number("number_indent_em", s.numberIndentEm);
  return s;
}

RuleSpec RuleSpec::compile(const ElementParams& p, const FlowElement&, const Layout&) {
  RuleSpec s;
  s.ifField = p.str("if_field");
  s.color = p.color("color", s.color);
  s.widthMm = optionalNumber(p, "width_mm");
  for (const ElementParams& l : p.objects("lines")) {
    Line line;
    line.gapMm = l.number("gap_mm", line.gapMm);
    line.thicknessMm = l.number("thickness_mm", line.thicknessMm);
    s.lines.push_back(line);
  }
  if (s.lines.empty()) s.lines.emplace_back();
  s.bottomAbovePageBottomMm = optionalNumber(p, "bottom_above_page_bottom_mm");
  s.belowAnchorMm = p.number("below_anchor_mm", s.belowAnchorMm);
  return s;
}

RecipientsSpec RecipientsSpec::compile(const ElementParams& p, const FlowElement&, const Layout&) {
  RecipientsSpec s;
  s.separator = p.str("separator", s.separator);
  return s;
}

BodySpec BodySpec::compile(const ElementParams& p, const FlowElement& el, const Layout& layout) {
  BodySpec s;
  s.headingStyles = p.strings("heading_styles");
  for (size_t i = 0; i < s.headingStyles.size(); ++i) {
    if (!layout.styles.count(s.headingStyles[i]))
      throw InputError(
          jsonPath(p.at("heading_styles"), i),
          Message("no style named \"{0}\" in the layout's \"styles\"", s.headingStyles[i]));
  }
  s.firstPage = p.boolean("first_page", s.firstPage);
  s.firstPageField = p.str("first_page_field", el.field);
  s.belowAnchorLines = optionalNumber(p, "below_anchor_lines");
  s.floatFigures = p.boolean("float_figures", s.floatFigures);
  s.maxFewerCharsPerLine = p.integer("max_fewer_chars_per_line", s.maxFewerCharsPerLine);
  s.cellPaddingMm = p.number("cell_padding_mm", s.cellPaddingMm);
  s.ruleWidthMm = p.number("rule_width_mm", s.ruleWidthMm);
  s.tableStyle = styleOr(p, layout, "table_style", s.tableStyle);
  s.tableHeaderStyle = styleOr(p, layout, "table_header_style", s.tableHeaderStyle);
  s.tableTitleStyle = styleOr(p, layout, "table_title_style", s.tableTitleStyle);
  s.captionStyle = styleOr(p, layout, "caption_style", s.captionStyle);
  s.figureMinScale = p.number("figure_min_scale", s.figureMinScale);
  s.landscapeAbove = p.number("landscape_above", s.landscapeAbove);
  if (s.landscapeAbove < 1) {
    throw InputError(p.at("landscape_above"),
                     Message("must be at least 1 (a table is turned only when it is wider than "
                             "the block), found {0}",
                             s.landscapeAbove));
  }
  return s;
}

AttachmentNotesSpec AttachmentNotesSpec::compile(const ElementParams& p, const FlowElement&,
                                                 const Layout&) {
  AttachmentNotesSpec s;
  s.label = p.str("label", s.label);
  s.indentEm = p.number("indent_em", s.indentEm);
  return s;
}

SignatureSpec SignatureSpec::compile(const ElementParams& p, const FlowElement&, const Layout&) {
  SignatureSpec s;
  s.dateField = p.str("date_field", s.dateField);
  s.sealField = p.str("seal_field");
  s.sealDateRightIndentEm = p.number("seal_date_right_indent_em", s.sealDateRightIndentEm);
  s.sealDiameterMm = p.number("seal_diameter_mm", s.sealDiameterMm);
  s.sealCentreAboveMm = p.number("seal_centre_above_mm", s.sealCentreAboveMm);
  s.issuerRightIndentEm = p.number("issuer_right_indent_em", s.issuerRightIndentEm);
  s.dateShiftEm = p.number("date_shift_em", s.dateShiftEm);
  s.blankLinesBefore = p.integer("blank_lines_before", s.blankLinesBefore);
  s.minLinesWithSignature = p.integer("min_lines_with_signature", s.minLinesWithSignature);
  s.maxExtraCharsPerLine = p.integer("max_extra_chars_per_line", s.maxExtraCharsPerLine);
  s.jointSealGapMm = p.number("joint_seal_gap_mm", s.jointSealGapMm);
  s.signerField = p.str("signer_field");
  s.signerTitleField = p.str("signer_title_field");
  s.signatureSealField = p.str("signature_seal_field");
  s.signatureSealHeightMm = p.number("signature_seal_height_mm", s.signatureSealHeightMm);
  s.signerGapEm = p.number("signer_gap_em", s.signerGapEm);
  return s;
}

AttachmentsSpec AttachmentsSpec::compile(const ElementParams& p, const FlowElement&,
                                         const Layout&) {
  AttachmentsSpec s;
  s.label = p.str("label", s.label);
  s.layout = p.str("layout", s.layout);
  s.layoutWhere = p.at("layout");
  s.blankLinesAfterLabel = p.integer("blank_lines_after_label", s.blankLinesAfterLabel);
  return s;
}

ColophonSpec ColophonSpec::compile(const ElementParams& p, const FlowElement&, const Layout&) {
  ColophonSpec s;
  s.indentEm = p.number("indent_em", s.indentEm);
  s.ccField = p.str("cc_field", s.ccField);
  s.separator = p.str("separator", s.separator);
  s.ccLabel = p.str("cc_label", s.ccLabel);
  s.endMark = p.str("end_mark", s.endMark);
  s.printerField = p.str("printer_field", s.printerField);
  s.dateField = p.str("date_field", s.dateField);
  s.printedSuffix = p.str("printed_suffix", s.printedSuffix);
  s.minBlankLinesBefore = p.integer("min_blank_lines_before", s.minBlankLinesBefore);
  s.evenPage = p.boolean("even_page", s.evenPage);
  s.rules = p.boolean("rules", s.rules);
  s.thickMm = p.number("thick_mm", s.thickMm);
  s.thinMm = p.number("thin_mm", s.thinMm);
  s.ruleColor = p.color("rule_color", s.ruleColor);
  return s;
}

AttendanceSpec AttendanceSpec::compile(const ElementParams& p, const FlowElement& el,
                                       const Layout& layout) {
  AttendanceSpec s;
  s.labelStyle = p.styleName(layout, "label_style", el.style);
  s.indentEm = p.number("indent_em", s.indentEm);
  s.separator = p.str("separator", s.separator);
  for (const ElementParams& row : p.objects("rows"))
    s.rows.push_back({row.str("field"), row.str("label")});
  return s;
}

NameGroupsSpec NameGroupsSpec::compile(const ElementParams& p, const FlowElement&,
                                       const Layout& layout) {
  NameGroupsSpec s;
  s.sortField = p.str("sort_field", s.sortField);
  s.compoundSurnames = p.strings("compound_surnames");
  for (const ElementParams& c : p.objects("table_columns")) {
    Column col;
    col.key = c.str("key");
    col.header = c.str("header", col.key);
    col.align = cellAlignment(c.str("align", "left"), c.at("align"));
    col.cells = c.number("cells", col.cells);
    s.tableColumns.push_back(col);
  }
  s.headingStyle = p.styleName(layout, "heading_style", s.headingStyle);
  s.blankLinesBetweenGroups = p.integer("blank_lines_between_groups", s.blankLinesBetweenGroups);
  s.nameStyle = p.styleName(layout, "name_style", s.nameStyle);
  s.indentCells = p.integer("indent_cells", s.indentCells);
  s.columnCells = p.integer("column_cells", s.columnCells);
  s.maxItemColumns = p.integer("max_item_columns", s.maxItemColumns);
  s.tableStyle = p.styleName(layout, "table_style", s.tableStyle);
  s.tableHeaderStyle = p.styleName(layout, "table_header_style", s.tableHeaderStyle);
  s.cellPaddingMm = p.number("cell_padding_mm", s.cellPaddingMm);
  s.ruleWidthMm = p.number("rule_width_mm", s.ruleWidthMm);
  return s;
}

}  // namespace gongwen
