#include "render/Engine.h"

#include "common/Errors.h"
#include "common/Json.h"
#include "layout/GridFlowComposer.h"
#include "model/Record.h"
#include "pdf/PdfWriter.h"

namespace gongwen {

Engine::Engine(std::shared_ptr<const FontRegistry> fonts,
               std::shared_ptr<const LayoutCatalog> layouts)
    : fonts_(std::move(fonts)), layouts_(std::move(layouts)) {}

LayoutResult Engine::layout(const Poco::JSON::Object::Ptr& record,
                            const RenderOptions& options) const {
  std::string name = options.layout;
  if (name.empty()) {
    if (!record->has("layout")) {
      throw InputError("$.layout",
                       "missing: name the layout (e.g. \"layout\": \"article\") or "
                       "pass --layout");
    }
    auto v = record->get("layout");
    if (!v.isString()) throw InputError("$.layout", "must be a string, found " + jsonTypeName(v));
    name = v.toString();
  }
  const Layout& layout = layouts_->get(name);
  Record validated = validateRecord(record, layout);

  LayoutResult result;
  result.warnings = validated.warnings;
  ComposeOptions compose;
  compose.normalize = options.normalize;
  compose.missing.allowMissing = options.allowMissingGlyphs;
  compose.missing.warnings = &result.warnings;
  compose.baseDirectory = options.baseDirectory;
  compose.allowFilePaths = options.allowFilePaths;
  compose.layouts = layouts_.get();
  if (layout.kind != "flow") {
    throw InputError("layout " + layout.name,
                     "layout kind \"" + layout.kind + "\" is not supported by this version");
  }
  result.list = composeFlow(layout, validated, *fonts_, compose);
  return result;
}

std::vector<uint8_t> Engine::renderPdf(const Poco::JSON::Object::Ptr& record,
                                       const RenderOptions& options,
                                       std::vector<std::string>* warnings) const {
  LayoutResult result = layout(record, options);
  if (warnings) *warnings = result.warnings;
  return writePdf(result.list);
}

}  // namespace gongwen
