#include "render/Engine.h"

#include <algorithm>

#include "common/Errors.h"
#include "common/Json.h"
#include "layout/BatchCache.h"
#include "layout/BoxComposer.h"
#include "layout/GridFlowComposer.h"
#include "model/ValidateRecord.h"
#include "pdf/PdfWriter.h"

namespace gongwen {

Engine::Engine(std::shared_ptr<const FontRegistry> fonts,
               std::shared_ptr<const LayoutCatalog> layouts)
    : fonts_(std::move(fonts)), layouts_(std::move(layouts)) {
  if (!layouts_->loadedAtOnce()) return;
  for (const std::string& name : layouts_->names()) boxTemplate(name);
}

Poco::JSON::Object::Ptr Engine::readRecord(std::string_view text, const std::string& source,
                                           const std::string& layout,
                                           const JsonLimits& limits) const {
  const JsonScan scan = scanJson(text, source, limits);
  const std::string name = layout.empty() ? scan.stringMember("layout").value_or("") : layout;
  const Layout* known = layouts_->has(name) ? &layouts_->get(name) : nullptr;
  return buildJsonObject(scan, source, [&](const std::string& member) {
    return member == "layout" || (known && known->field(member));
  });
}

LayoutResult Engine::layout(const Poco::JSON::Object::Ptr& record,
                            const RenderOptions& options) const {
  std::string name = options.layout;
  if (name.empty()) {
    if (!record->has("layout")) {
      throw InputError(jsonPath(options.recordPath, "layout"),
                       Message("missing: name the layout (e.g. \"layout\": \"article\") or "
                               "pass --layout"));
    }
    auto v = record->get("layout");
    if (!v.isString()) {
      throw InputError(jsonPath(options.recordPath, "layout"),
                       Message("must be a string, found {0}", jsonType(v)));
    }
    name = v.toString();
  }
  const Layout* found = nullptr;
  try {
    found = &layouts_->get(name);
  } catch (const InputError& e) {
    // Named by the record (its "layout") or by the caller (--layout): say which.
    throw InputError(options.layout.empty() ? jsonPath(options.recordPath, "layout") : e.where(),
                     e.messageText());
  }
  const Layout& layout = *found;
  // The record's fields as typed values: dates parsed, images loaded and checked (once per
  // batch, by its cache), structured fields read by their elements.
  RecordOptions recordOptions;
  recordOptions.images.baseDirectory = options.baseDirectory;
  recordOptions.images.allowFilePaths = options.allowFilePaths;
  recordOptions.images.cache = options.cache ? &options.cache->images : nullptr;
  recordOptions.layouts = layouts_.get();
  Record validated = validateRecord(record, layout, options.recordPath, recordOptions);
  if (options.budget) options.budget->checkTime();  // reading a huge record takes time too

  LayoutResult result;
  result.warnings = validated.warnings;
  ComposeOptions compose;
  compose.normalize = options.normalize;
  compose.missing.allowMissing = options.allowMissingGlyphs;
  compose.missing.warnings = &result.warnings;
  compose.cache = options.cache.get();
  compose.shaper = options.shaper;
  checkPrintAdjust(options.print, "print");
  compose.budget = options.budget;
  if (layout.kind == "flow") {
    result.list = composeFlow(layout, validated, *fonts_, compose);
    applyPrintAdjust(result.list, options.print);
    checkOnPage(result.list, options.print);
  } else if (layout.kind == "boxes") {
    result.list =
        composeBoxes(layout, *boxTemplate(name), validated, *fonts_, compose, options.print);
  } else {
    throw InputError("layout " + layout.name,
                     Message("layout kind \"{0}\" is not supported (flow or boxes)", layout.kind));
  }
  return result;
}

const BoxTemplate* Engine::boxTemplate(const std::string& name) const {
  const Layout& layout = layouts_->get(name);
  if (layout.kind != "boxes") return nullptr;
  std::lock_guard lock(boxTemplatesMutex_);
  auto& slot = boxTemplates_[name];
  if (!slot) slot = parseBoxTemplate(layout, *fonts_);
  return slot.get();
}

std::vector<uint8_t> Engine::renderPdf(const Poco::JSON::Object::Ptr& record,
                                       const RenderOptions& options,
                                       std::vector<Message>* warnings) const {
  LayoutResult result = layout(record, options);
  if (warnings) *warnings = result.warnings;
  return writePdf(result.list);
}

std::vector<uint8_t> Engine::render(const Poco::JSON::Object::Ptr& record,
                                    const RenderOptions& options,
                                    std::vector<Message>* warnings) const {
  LayoutResult result = layout(record, options);
  if (warnings) *warnings = result.warnings;
  return writeDocument(result.list, options.format);
}

}  // namespace gongwen
