#include "layout/FlowElements.h"

#include <map>

#include "common/Errors.h"

namespace gongwen {
namespace {

const std::map<std::string, PlaceElement>& registry() {
  static const std::map<std::string, PlaceElement> elements = {
      {"title", placeTitle},
      {"paragraphs", placeParagraphs},
      {"mark", placeMark},
      {"header_lines", placeHeaderLines},
      {"doc_number", placeDocNumber},
      {"rule", placeRule},
      {"recipients", placeRecipients},
      {"body", placeDocumentBody},
      {"attachment_notes", placeAttachmentNotes},
      {"signature", placeSignature},
      {"note", placeNote},
      {"attachments", placeAttachments},
      {"colophon", placeColophon},
      {"attendance", placeAttendance},
      {"name_groups", placeNameGroups},
  };
  return elements;
}

}  // namespace

const PlaceElement& flowElement(const std::string& name) {
  auto it = registry().find(name);
  if (it == registry().end()) throw InputError("layout", "unknown flow element \"" + name + "\"");
  return it->second;
}

std::vector<std::string> flowElementNames() {
  std::vector<std::string> out;
  for (const auto& [name, fn] : registry()) out.push_back(name);
  return out;
}

}  // namespace gongwen
