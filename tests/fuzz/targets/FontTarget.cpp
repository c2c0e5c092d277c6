// Any bytes as a font file: a FontError, or a font that shapes and subsets into a PDF.
#include <hb.h>

#include <memory>
#include <vector>

#include "common/CHandle.h"
#include "common/Errors.h"
#include "fonts/Font.h"
#include "fuzz/targets/FuzzTargets.h"
#include "pdf/PdfWriter.h"

namespace gongwen::fuzz {

int font(const uint8_t* data, size_t size) {
  using namespace gongwen;
  try {
    auto file = std::make_shared<const MappedFile>(std::vector<uint8_t>(data, data + size));
    auto font = Font::load(file, "fuzz.otf", 0);
    CHandle<hb_buffer_t, hb_buffer_destroy> buf(hb_buffer_create());
    hb_buffer_add_utf8(buf.get(), "中文排版，ABC 123。", -1, 0, -1);
    hb_buffer_guess_segment_properties(buf.get());
    hb_shape(font->hbFont(), buf.get(), nullptr, 0);
    unsigned n = 0;
    auto* info = hb_buffer_get_glyph_infos(buf.get(), &n);
    DisplayList list;
    list.pages.emplace_back();
    GlyphRun run;
    run.font = font;
    for (unsigned i = 0; i < n; ++i) {
      PlacedGlyph g;
      g.glyph = info[i].codepoint;
      g.x = 72 + 16.0 * i;
      g.y = 100;
      g.advance = 16;
      g.text = U"字";
      run.glyphs.push_back(g);
    }
    list.pages.back().items.push_back(run);
    writePdf(list);
  } catch (const FontError&) {
  } catch (const std::runtime_error&) {  // a font HarfBuzz cannot subset is refused, not a crash
  }
  return 0;
}

}  // namespace gongwen::fuzz
