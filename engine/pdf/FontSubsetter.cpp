#include "pdf/FontSubsetter.h"

#include <ft2build.h>
#include <hb-subset.h>
#include FT_FREETYPE_H
#include FT_CID_H

#include <memory>
#include <stdexcept>

#include "common/CHandle.h"
#include "common/Errors.h"
#include "fonts/FreeTypeFace.h"

namespace gongwen {
namespace {

// Tables a PDF consumer never reads from an embedded font. Dropping cmap also spares
// hb-subset from walking the whole character map of a 65 000-glyph CJK font.
constexpr hb_tag_t kDropAlways[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('v', 'h', 'e', 'a'),
    HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'), HB_TAG('D', 'S', 'I', 'G'),
    HB_TAG('k', 'e', 'r', 'n'), HB_TAG('M', 'A', 'T', 'H'), HB_TAG('m', 'o', 'r', 'x'),
    HB_TAG('C', 'O', 'L', 'R'), HB_TAG('C', 'P', 'A', 'L'), HB_TAG('S', 'V', 'G', ' '),
    HB_TAG('s', 'b', 'i', 'x'), HB_TAG('C', 'B', 'D', 'T'), HB_TAG('C', 'B', 'L', 'C'),
    HB_TAG('E', 'B', 'D', 'T'), HB_TAG('E', 'B', 'L', 'C'), HB_TAG('h', 'd', 'm', 'x'),
    HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'), HB_TAG('P', 'C', 'L', 'T'),
    HB_TAG('c', 'm', 'a', 'p'), HB_TAG('n', 'a', 'm', 'e'), HB_TAG('p', 'o', 's', 't'),
    HB_TAG('g', 'a', 's', 'p'), HB_TAG('m', 'e', 't', 'a'), HB_TAG('S', 'T', 'A', 'T'),
};
// A CFF program goes into the PDF alone (FontFile3), so its sfnt wrapper's metrics
// tables need not be subset either.
constexpr hb_tag_t kDropForCff[] = {
    HB_TAG('h', 'm', 't', 'x'),
    HB_TAG('h', 'h', 'e', 'a'),
    HB_TAG('O', 'S', '/', '2'),
};

// What an sfnt kept whole still drops (cmap, name, post and the metrics stay).
bool keptInSfnt(hb_tag_t t) {
  return t == HB_TAG('c', 'm', 'a', 'p') || t == HB_TAG('n', 'a', 'm', 'e') ||
         t == HB_TAG('p', 'o', 's', 't');
}

std::vector<uint8_t> blobBytes(hb_blob_t* blob) {
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  return std::vector<uint8_t>(data, data + len);
}

using SubsetInput = CHandle<hb_subset_input_t, hb_subset_input_destroy>;

SubsetInput subsetInput(const std::vector<uint32_t>& glyphs, bool retainGids = false) {
  SubsetInput input(hb_subset_input_create_or_fail());
  if (!input) throw std::runtime_error("hb-subset: out of memory");
  hb_set_t* glyphSet = hb_subset_input_glyph_set(input.get());
  hb_set_add(glyphSet, 0);  // .notdef
  for (uint32_t g : glyphs) hb_set_add(glyphSet, g);
  // Dropping GSUB also keeps its closure from adding glyphs the document does not use.
  // Desubroutinized charstrings of a few hundred glyphs are smaller than the subroutines
  // they would drag along, and faster to write.
  unsigned flags =
      HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NOTDEF_OUTLINE | HB_SUBSET_FLAGS_DESUBROUTINIZE;
  if (retainGids) flags |= HB_SUBSET_FLAGS_RETAIN_GIDS;
  hb_subset_input_set_flags(input.get(), flags);
  return input;
}

using Face = CHandle<hb_face_t, hb_face_destroy>;

// The font as the subset plan reads it: the tables the output drops are hidden, so that
// planning never reads them. hb-subset 6 builds the whole character map's mapping even when
// it is given glyphs (≈ 7 M instructions for a 10 000-glyph Fandol font, more for a CJK
// collection), and reads GSUB/GPOS to close over them.
struct HiddenTables {
  hb_face_t* source;  // one reference held
  bool cff;
};

bool hiddenFromPlan(hb_tag_t tag, bool cff) {
  for (hb_tag_t t : kDropAlways) {
    if (t == tag) return true;
  }
  if (cff) {
    for (hb_tag_t t : kDropForCff) {
      if (t == tag) return true;
    }
  }
  return false;
}

hb_blob_t* visibleTable(hb_face_t*, hb_tag_t tag, void* data) {
  const auto* view = static_cast<const HiddenTables*>(data);
  if (tag != HB_TAG_NONE && hiddenFromPlan(tag, view->cff)) return hb_blob_get_empty();
  return tag == HB_TAG_NONE ? hb_face_reference_blob(view->source)
                            : hb_face_reference_table(view->source, tag);
}

void releaseView(void* data) {
  std::unique_ptr<HiddenTables> view(static_cast<HiddenTables*>(data));
  hb_face_destroy(view->source);
}

Face planningFace(const Font& font) {
  hb_face_t* source = font.hbFace();
  auto view = std::make_unique<HiddenTables>(
      HiddenTables{hb_face_reference(source), font.outlineFormat() == OutlineFormat::Cff});
  Face face(hb_face_create_for_tables(visibleTable, view.release(), releaseView));
  hb_face_set_index(face.get(), hb_face_get_index(source));
  hb_face_set_upem(face.get(), hb_face_get_upem(source));
  hb_face_set_glyph_count(face.get(), hb_face_get_glyph_count(source));
  return face;
}

// A subset made: its plan (the glyph mapping) and its face.
struct Subset {
  Subset(const Font& font, hb_subset_input_t* input, hb_face_t* source = nullptr) : font_(font) {
    plan.reset(hb_subset_plan_create_or_fail(source ? source : font.hbFace(), input));
    if (!plan)
      throw FontError(Message("{0}: cannot plan a subset (is the font damaged?)", font.describe()));
    face.reset(hb_subset_plan_execute_or_fail(plan.get()));
    if (!face)
      throw FontError(Message("{0}: hb-subset failed (is the font damaged?)", font.describe()));
  }
  // The subset's id of original glyph g.
  uint32_t newGlyph(uint32_t g) const {
    hb_codepoint_t newGid = hb_map_get(hb_subset_plan_old_to_new_glyph_mapping(plan.get()), g);
    if (newGid == HB_MAP_VALUE_INVALID) {
      throw std::runtime_error(font_.describe() + ": glyph " + std::to_string(g) +
                               " was lost in subsetting");
    }
    return newGid;
  }
  CHandle<hb_subset_plan_t, hb_subset_plan_destroy> plan;
  CHandle<hb_face_t, hb_face_destroy> face;

 private:
  const Font& font_;
};

}  // namespace

SfntSubset subsetSfnt(const Font& font, const std::vector<uint32_t>& glyphs,
                      const std::vector<char32_t>& unicodes) {
  SubsetInput input = subsetInput(glyphs);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t t : kDropAlways) {
    if (!keptInSfnt(t)) hb_set_add(drop, t);
  }
  hb_set_t* unicodeSet = hb_subset_input_unicode_set(input.get());
  for (char32_t cp : unicodes) hb_set_add(unicodeSet, cp);
  const Subset subset(font, input.get());
  SfntSubset out;
  CHandle<hb_blob_t, hb_blob_destroy> whole(hb_face_reference_blob(subset.face.get()));
  out.sfnt = blobBytes(whole.get());
  for (uint32_t g : glyphs) out.newGlyphOf[g] = subset.newGlyph(g);
  return out;
}

SubsetFont subsetFont(const Font& font, const std::vector<uint32_t>& glyphs, bool retainGids) {
  SubsetInput input = subsetInput(glyphs, retainGids);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t t : kDropAlways) hb_set_add(drop, t);
  if (font.outlineFormat() == OutlineFormat::Cff) {
    for (hb_tag_t t : kDropForCff) hb_set_add(drop, t);
  }

  const Face source = planningFace(font);
  const Subset subset(font, input.get(), source.get());

  SubsetFont out;
  out.cff = font.outlineFormat() == OutlineFormat::Cff;
  if (out.cff) {
    // The CFF table alone (a whole sfnt would be assembled and copied only to be dropped).
    CHandle<hb_blob_t, hb_blob_destroy> cff(
        hb_face_reference_table(subset.face.get(), HB_TAG('C', 'F', 'F', ' ')));
    out.program = blobBytes(cff.get());
    if (out.program.empty())
      throw FontError(
          Message("{0}: its CFF outlines cannot be read (is the font damaged?)", font.describe()));
  } else {
    CHandle<hb_blob_t, hb_blob_destroy> whole(hb_face_reference_blob(subset.face.get()));
    out.program = blobBytes(whole.get());
  }

  // CID-keyed CFF: the content code is the glyph's CID, read from the subset's charset
  // (FreeType opens the bare CFF program).
  std::unique_ptr<FreeTypeFace> ft;
  if (out.cff && font.isCidKeyed()) {
    ft = std::make_unique<FreeTypeFace>(out.program.data(), out.program.size(), 0,
                                        font.describe() + " (subset)");
  }
  for (uint32_t g : glyphs) {
    const uint32_t newGid = subset.newGlyph(g);
    FT_UInt code = newGid;
    if (ft) {
      if (FT_Get_CID_From_Glyph_Index(ft->get(), newGid, &code) != 0) {
        throw std::runtime_error(font.describe() + ": no CID for glyph " + std::to_string(g));
      }
    }
    if (code > 0xFFFF) throw std::runtime_error(font.describe() + ": code beyond 0xFFFF");
    out.codeOf[g] = static_cast<uint16_t>(code);
  }
  return out;
}

}  // namespace gongwen
