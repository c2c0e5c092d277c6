// The mechanisms that place flow elements, by the name layouts use in "flow". Each element
// declares its settings once, as a spec (layout/elements/Specs.h): a struct of typed fields
// with their defaults, compiled from the layout's JSON when the layout is loaded (unknown keys
// refused), so that placing reads only typed fields.
// A new element: a spec and a function in layout/elements/, one line in FlowElements.cpp.
#pragma once

#include <string>
#include <vector>

#include "layout/FlowContext.h"
#include "layout/elements/Specs.h"

namespace gongwen {

// What the layout loader needs: the names, and the compiler of each element's spec.
FlowElementKinds flowElementKinds();
std::vector<std::string> flowElementNames();

// Places one element of a loaded layout (its spec compiled by flowElementKinds()).
void placeFlowElement(FlowContext& ctx, const FlowElement& el, const Record& record);

// The elements (layout/elements/*.cpp).
void placeTitle(FlowContext& ctx, const FlowElement& el, const TitleSpec& spec,
                const Record& record);
void placeParagraphs(FlowContext& ctx, const FlowElement& el, const NoSpec& spec,
                     const Record& record);
// GB/T 9704 documents, minutes and letters (elements/Mark.cpp, HeaderLines.cpp, …).
void placeMark(FlowContext& ctx, const FlowElement& el, const MarkSpec& spec, const Record& record);
void placeHeaderLines(FlowContext& ctx, const FlowElement& el, const HeaderLinesSpec& spec,
                      const Record& record);
void placeDocNumber(FlowContext& ctx, const FlowElement& el, const DocNumberSpec& spec,
                    const Record& record);
void placeRule(FlowContext& ctx, const FlowElement& el, const RuleSpec& spec, const Record& record);
void placeRecipients(FlowContext& ctx, const FlowElement& el, const RecipientsSpec& spec,
                     const Record& record);
void placeDocumentBody(FlowContext& ctx, const FlowElement& el, const BodySpec& spec,
                       const Record& record);
// Only items [firstItem, endItem) of the body field (an attachment that opens with a landscape
// table sets the items up to it on the table's page, the rest after it: elements/Attachments).
void placeDocumentBodyItems(FlowContext& ctx, const FlowElement& el, const BodySpec& spec,
                            const Record& record, size_t firstItem, size_t endItem);
void placeAttachmentNotes(FlowContext& ctx, const FlowElement& el, const AttachmentNotesSpec& spec,
                          const Record& record);
void placeSignature(FlowContext& ctx, const FlowElement& el, const SignatureSpec& spec,
                    const Record& record);
void placeNote(FlowContext& ctx, const FlowElement& el, const NoSpec& spec, const Record& record);
void placeAttachments(FlowContext& ctx, const FlowElement& el, const AttachmentsSpec& spec,
                      const Record& record);
void placeColophon(FlowContext& ctx, const FlowElement& el, const ColophonSpec& spec,
                   const Record& record);
void placeAttendance(FlowContext& ctx, const FlowElement& el, const AttendanceSpec& spec,
                     const Record& record);
// 表彰名单: groups of names on a grid or entries in a ruled table (elements/NameGroups.cpp).
void placeNameGroups(FlowContext& ctx, const FlowElement& el, const NameGroupsSpec& spec,
                     const Record& record);

}  // namespace gongwen
