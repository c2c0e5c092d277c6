#include "layout/FlowElements.h"

#include <map>
#include <typeinfo>

#include "common/Errors.h"
#include "layout/elements/Attachments.h"
#include "layout/elements/DocumentBody.h"
#include "layout/elements/NameGroups.h"
#include "model/ElementParams.h"

namespace gongwen {
namespace {

using Compile =
    std::function<std::shared_ptr<const ElementSpec>(const FlowElement&, const Layout&)>;
using Place = std::function<void(FlowContext&, const FlowElement&, const Record&)>;

struct Kind {
  Compile compile;
  Place place;
};

// Pairs an element's spec with its placing function: the spec is compiled from every key
// the element declares, and any other key is refused.
template <class Spec>
Kind kind(void (*place)(FlowContext&, const FlowElement&, const Spec&, const Record&)) {
  Kind k;
  k.compile = [](const FlowElement& el, const Layout& layout) {
    ElementParams p(el);
    p.markRead({"element", "field", "style", "blank_lines_before", "blank_lines_after"});
    auto spec = std::make_shared<const Spec>(Spec::compile(p, el, layout));
    p.refuseUnreadKeys();
    return std::shared_ptr<const ElementSpec>(std::move(spec));
  };
  k.place = [place](FlowContext& ctx, const FlowElement& el, const Record& record) {
    const auto* spec = dynamic_cast<const Spec*>(el.spec.get());
    if (spec == nullptr)  // the layout was loaded without flowElementKinds(): our bug
      throw std::logic_error(el.path + ": the element's settings were not compiled");
    place(ctx, el, *spec, record);
  };
  return k;
}

const std::map<std::string, Kind>& registry() {
  static const std::map<std::string, Kind> elements = {
      {"title", kind(placeTitle)},
      {"paragraphs", kind(placeParagraphs)},
      {"mark", kind(placeMark)},
      {"header_lines", kind(placeHeaderLines)},
      {"doc_number", kind(placeDocNumber)},
      {"rule", kind(placeRule)},
      {"recipients", kind(placeRecipients)},
      {"body", kind(placeDocumentBody)},
      {"attachment_notes", kind(placeAttachmentNotes)},
      {"signature", kind(placeSignature)},
      {"note", kind(placeNote)},
      {"attachments", kind(placeAttachments)},
      {"colophon", kind(placeColophon)},
      {"attendance", kind(placeAttendance)},
      {"name_groups", kind(placeNameGroups)},
  };
  return elements;
}

const Kind& kindOf(const std::string& name) {
  auto it = registry().find(name);
  if (it == registry().end())
    throw InputError("layout", Message("unknown flow element \"{0}\"", name));
  return it->second;
}

// The reader of a structured ("json") field: that of the element that shows it (a body, a
// list's groups, the attachments — validated with their own layouts where the layout places
// them, only their titles read where it merely lists them); none when no element reads it.
FieldReader fieldReaderFor(const FieldSpec& field, const Layout& layout) {
  bool listed = false;
  for (const FlowElement& el : layout.flow) {
    if (el.field != field.name) continue;
    if (el.element == "body") return readBody;
    if (el.element == "name_groups") {
      const auto* spec = dynamic_cast<const NameGroupsSpec*>(el.spec.get());
      if (!spec) continue;
      return [keys = entryKeysOf(*spec)](const Poco::Dynamic::Var& v, const std::string& where,
                                         const RecordOptions&) {
        return readNameGroups(v, where, keys);
      };
    }
    if (el.element == "attachments") {
      auto spec = std::dynamic_pointer_cast<const AttachmentsSpec>(el.spec);
      if (!spec) continue;
      return [spec, page = layout.page](const Poco::Dynamic::Var& v, const std::string& where,
                                        const RecordOptions& options) {
        return readAttachments(v, where, options, spec.get(), page);
      };
    }
    listed = listed || el.element == "attachment_notes";
  }
  if (!listed) return {};
  return [page = layout.page](const Poco::Dynamic::Var& v, const std::string& where,
                              const RecordOptions& options) {
    return readAttachments(v, where, options, nullptr, page);
  };
}

}  // namespace

FlowElementKinds flowElementKinds() {
  return {flowElementNames(),
          [](const FlowElement& el, const Layout& layout) {
            return kindOf(el.element).compile(el, layout);
          },
          fieldReaderFor};
}

std::vector<std::string> flowElementNames() {
  std::vector<std::string> out;
  for (const auto& [name, k] : registry()) out.push_back(name);
  return out;
}

void placeFlowElement(FlowContext& ctx, const FlowElement& el, const Record& record) {
  kindOf(el.element).place(ctx, el, record);
}

}  // namespace gongwen
