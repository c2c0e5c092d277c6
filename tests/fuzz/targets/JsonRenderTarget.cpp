// Any bytes as the JSON input of `gongwen render`: an InputError or a PDF, never a crash.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/Errors.h"
#include "common/Json.h"
#include "fuzz/targets/FuzzTargets.h"
#include "pdf/PdfWriter.h"
#include "render/EngineFactory.h"

namespace gongwen::fuzz {

int jsonRender(const uint8_t* data, size_t size) {
  static const auto engine = gongwen::makeEngine(gongwen::EngineSettings{});
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    auto record = gongwen::parseJsonObject(text, "fuzz");
    gongwen::RenderOptions options;
    options.allowFilePaths = false;  // the fuzzer must not read files it names
    if (!record->has("layout")) options.layout = "article";
    auto result = engine->layout(record, options);
    if (result.list.pages.size() <= 4) gongwen::writePdf(result.list);
  } catch (const gongwen::InputError&) {
  } catch (const gongwen::FontError&) {
  }
  return 0;
}

}  // namespace gongwen::fuzz
