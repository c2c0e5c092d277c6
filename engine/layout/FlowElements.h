// The mechanisms that place flow elements, by the name layouts use in "flow".
// A new element: a function in layout/elements/, one line in FlowElements.cpp.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "layout/FlowContext.h"

namespace gongwen {

using PlaceElement = std::function<void(FlowContext&, const FlowElement&, const Record&)>;

// Throws InputError when no element has that name (layouts are checked at load time).
const PlaceElement& flowElement(const std::string& name);
std::vector<std::string> flowElementNames();

// The elements (layout/elements/*.cpp).
void placeTitle(FlowContext& ctx, const FlowElement& el, const Record& record);
void placeParagraphs(FlowContext& ctx, const FlowElement& el, const Record& record);
// GB/T 9704 documents, minutes and letters (elements/Mark.cpp, HeaderLines.cpp, …).
void placeMark(FlowContext& ctx, const FlowElement& el, const Record& record);
void placeHeaderLines(FlowContext& ctx, const FlowElement& el, const Record& record);
void placeDocNumber(FlowContext& ctx, const FlowElement& el, const Record& record);
void placeRule(FlowContext& ctx, const FlowElement& el, const Record& record);
void placeRecipients(FlowContext& ctx, const FlowElement& el, const Record& record);
void placeDocumentBody(FlowContext& ctx, const FlowElement& el, const Record& record);
void placeAttachmentNotes(FlowContext& ctx, const FlowElement& el, const Record& record);
void placeSignature(FlowContext& ctx, const FlowElement& el, const Record& record);
void placeNote(FlowContext& ctx, const FlowElement& el, const Record& record);
void placeAttachments(FlowContext& ctx, const FlowElement& el, const Record& record);
void placeColophon(FlowContext& ctx, const FlowElement& el, const Record& record);
void placeAttendance(FlowContext& ctx, const FlowElement& el, const Record& record);
// 表彰名单: groups of names on a grid or entries in a ruled table (elements/NameGroups.cpp).
void placeNameGroups(FlowContext& ctx, const FlowElement& el, const Record& record);

}  // namespace gongwen
