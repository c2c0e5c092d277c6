// Each flow element's settings, declared once: the keys a layout may give the element in its
// "flow" entry, as typed fields with their defaults (the initialisers below). `compile` reads
// every key (unknown keys are refused by the caller, layout/FlowElements.cpp) and checks
// what can be checked without a record: types, bounds, choices, that a named style exists.
// Styles are kept by name (checked here) and looked up in the element's layout when placed.
// Besides these, every element has "element", "field", "style", "blank_lines_before" and
// "blank_lines_after" (model/Layout.cpp reads them into FlowElement).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "common/Color.h"
#include "model/Layout.h"
#include "text/ParagraphComposer.h"
#include "text/Shaper.h"

namespace gongwen {

class ElementParams;

// Elements without settings of their own (paragraphs, note).
struct NoSpec : ElementSpec {
  static NoSpec compile(const ElementParams& p, const FlowElement& el, const Layout& layout);
};

// 标题 (elements/Title.cpp).
struct TitleSpec : ElementSpec {
  int maxChars = 200;                      // longer is an error (a title is a line or three)
  BreakMode breakMode = BreakMode::Word;   // "break": "words" | "lines"
  std::optional<double> belowAnchorLines;  // else blank_lines_before
  static TitleSpec compile(const ElementParams& p, const FlowElement& el, const Layout& layout);
};

// 发文机关标志 (elements/Mark.cpp).
struct MarkSpec : ElementSpec {
  double topMm = 35;
  bool fromPage = false;             // "from": "block" | "page"
  std::optional<double> maxWidthMm;  // default: the block's width
  std::string jointSuffix = "文件";
  double jointLineGapEm = 0.25;
  double jointSuffixGapEm = 0.5;
  bool omitPageNumber = false;
  double minHorizontalScale = 1;  // clamped to 0.1 … 1
  double minSizePt = 12;
  static MarkSpec compile(const ElementParams& p, const FlowElement& el, const Layout& layout);
};

// 份号, 密级, 紧急程度 … (elements/HeaderLines.cpp): rows of left, centre and right cells.
struct HeaderLinesSpec : ElementSpec {
  struct Cell {
    bool present = false;
    std::string field, format, style;  // style: the element's when not given
    double indentEm = 0;
  };
  std::vector<std::array<Cell, 3>> rows;
  bool packColumns = false;
  std::optional<double> belowAnchorLines, belowAnchorEm;  // else blank_lines_before
  static HeaderLinesSpec compile(const ElementParams& p, const FlowElement& el,
                                 const Layout& layout);
};

// 发文字号 and 签发人 (elements/DocNumber.cpp).
struct DocNumberSpec : ElementSpec {
  std::string signersField;
  double belowAnchorLines = 2;
  std::string labelStyle, nameStyle;  // the element's style when not given
  int namesPerLine = 2;               // at least 1
  double nameGapEm = 1;
  std::string label = "签发人：";
  double rightIndentEm = 1;
  double numberIndentEm = 1;
  static DocNumberSpec compile(const ElementParams& p, const FlowElement& el, const Layout& layout);
};

// 分隔线 (elements/Rule.cpp).
struct RuleSpec : ElementSpec {
  struct Line {
    double gapMm = 0, thicknessMm = 0.5;
  };
  std::string ifField;
  Color color = Color::black();
  std::optional<double> widthMm;  // default: the block's width
  std::vector<Line> lines;        // one default line when not given
  std::optional<double> bottomAbovePageBottomMm;
  double belowAnchorMm = 4;
  static RuleSpec compile(const ElementParams& p, const FlowElement& el, const Layout& layout);
};

// 主送机关 (elements/Recipients.cpp).
struct RecipientsSpec : ElementSpec {
  std::string separator = "，";
  static RecipientsSpec compile(const ElementParams& p, const FlowElement& el,
                                const Layout& layout);
};

// 正文 with headings, tables and figures (elements/DocumentBody.cpp, BodyBlocks.cpp).
struct BodySpec : ElementSpec {
  std::vector<std::string> headingStyles;  // by level; the body's style beyond them
  bool firstPage = false;                  // the first page must show body text (7.3.3)
  std::string firstPageField;              // the element's field when not given
  std::optional<double> belowAnchorLines;
  bool floatFigures = true;
  int maxFewerCharsPerLine = 1;
  // Tables and figures (styles: the named one, else the default name, else "body").
  double cellPaddingMm = 1.5;
  double ruleWidthMm = 0.25;
  std::string tableStyle = "table", tableHeaderStyle = "table_header",
              tableTitleStyle = "table_title", captionStyle = "caption";
  double figureMinScale = 0.8;
  // A table without "widths" whose natural width passes the block by more than this factor
  // is set on landscape pages (横排表格, layout/LandscapePages.h); with "widths", any excess.
  double landscapeAbove = 1.25;
  static BodySpec compile(const ElementParams& p, const FlowElement& el, const Layout& layout);
};

// 附件说明 (elements/AttachmentNotes.cpp).
struct AttachmentNotesSpec : ElementSpec {
  std::string label = "附件：";
  double indentEm = 2;
  static AttachmentNotesSpec compile(const ElementParams& p, const FlowElement& el,
                                     const Layout& layout);
};

// 署名, 成文日期, 印章 (elements/Signature.cpp, JointSignature.cpp).
struct SignatureSpec : ElementSpec {
  std::string dateField = "date";
  std::string sealField;
  double sealDateRightIndentEm = 4;
  double sealDiameterMm = 42;
  double sealCentreAboveMm = 3;
  double issuerRightIndentEm = 2;
  double dateShiftEm = 2;
  int blankLinesBefore = 1;  // without a seal (this element's own default)
  int minLinesWithSignature = 2;
  int maxExtraCharsPerLine = 1;
  double jointSealGapMm = 4;
  std::string signerField, signerTitleField, signatureSealField;  // 7.3.5.3
  double signatureSealHeightMm = 10;
  double signerGapEm = 1;
  static SignatureSpec compile(const ElementParams& p, const FlowElement& el, const Layout& layout);
};

// 附件 themselves, each in its own layout (elements/Attachments.cpp).
struct AttachmentsSpec : ElementSpec {
  std::string label = "附件";
  std::string layout = "attachment";  // for an attachment that names none
  std::string layoutWhere;            // where "layout" is, for messages
  int blankLinesAfterLabel = 1;
  static AttachmentsSpec compile(const ElementParams& p, const FlowElement& el,
                                 const Layout& layout);
};

// 版记 (elements/Colophon.cpp).
struct ColophonSpec : ElementSpec {
  double indentEm = 1;
  std::string ccField = "cc";
  std::string separator = "，";
  std::string ccLabel = "抄送：";
  std::string endMark = "。";
  std::string printerField = "printer";
  std::string dateField = "print_date";
  std::string printedSuffix = "印发";
  int minBlankLinesBefore = 1;
  bool evenPage = false;
  bool rules = true;
  double thickMm = 0.35, thinMm = 0.25;
  Color ruleColor = Color::black();
  static ColophonSpec compile(const ElementParams& p, const FlowElement& el, const Layout& layout);
};

// 纪要's 出席, 请假, 列席 (elements/Attendance.cpp).
struct AttendanceSpec : ElementSpec {
  struct Row {
    std::string field, label;
  };
  std::string labelStyle;  // the element's style when not given
  double indentEm = 2;
  std::string separator = "、";
  std::vector<Row> rows;
  static AttendanceSpec compile(const ElementParams& p, const FlowElement& el,
                                const Layout& layout);
};

// 表彰名单's groups (elements/NameGroups.cpp, NameGrid.cpp, EntryTable.cpp).
struct NameGroupsSpec : ElementSpec {
  struct Column {
    std::string key, header;            // header: the key when not given
    Alignment align = Alignment::Left;  // "align": "left" | "center" | "right"
    double cells = 4;
  };
  std::string sortField = "sort";
  std::vector<std::string> compoundSurnames;
  std::vector<Column> tableColumns;
  std::string headingStyle = "heading";
  int blankLinesBetweenGroups = 1;
  // Names on the grid.
  std::string nameStyle = "name";
  int indentCells = 2;
  int columnCells = 4;
  int maxItemColumns = 2;
  // Entries in a ruled table.
  std::string tableStyle = "table", tableHeaderStyle = "table_header";
  double cellPaddingMm = 1.5;
  double ruleWidthMm = 0.25;
  static NameGroupsSpec compile(const ElementParams& p, const FlowElement& el,
                                const Layout& layout);
};

}  // namespace gongwen
