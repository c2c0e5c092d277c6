#include "fonts/Font.h"

#include <hb-ot.h>

#include <cstring>

#include "common/Errors.h"
#include "fonts/FontTables.h"

namespace gongwen {
namespace {

std::string sanitisePostscriptName(std::string name) {
  std::string out;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u > 0x20 && u < 0x7F && !std::strchr("()<>[]{}/%#", c)) out.push_back(c);
  }
  return out.empty() ? "GongwenFont" : out;
}

}  // namespace

unsigned Font::faceCount(const MappedFile& file, const std::string& path) {
  CHandle<hb_blob_t, hb_blob_destroy> blob(
      hb_blob_create(reinterpret_cast<const char*>(file.data()), static_cast<unsigned>(file.size()),
                     HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  unsigned n = hb_face_count(blob.get());
  if (n == 0) throw FontError(Message("{0}: not an OpenType/TrueType font or collection", path));
  return n;
}

std::string Font::familyNameOf(const MappedFile& file, unsigned faceIndex) {
  CHandle<hb_blob_t, hb_blob_destroy> blob(
      hb_blob_create(reinterpret_cast<const char*>(file.data()), static_cast<unsigned>(file.size()),
                     HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  CHandle<hb_face_t, hb_face_destroy> face(hb_face_create(blob.get(), faceIndex));
  return faceName(face.get(), HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY, HB_OT_NAME_ID_FONT_FAMILY);
}

namespace {

uint32_t readU32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

// A truncated or damaged file can still look like a font to HarfBuzz, which clips tables
// at the end of the file; it would fail later, when subsetting. Every table of the face
// must lie inside the file.
void checkTablesInsideFile(const uint8_t* data, size_t size, unsigned faceIndex,
                           const std::string& label) {
  auto damaged = [&](const Message& what) {
    throw FontError(Message("{0}: the file is truncated or damaged ({1})", label, what));
  };
  size_t face = 0;
  if (size >= 12 && std::memcmp(data, "ttcf", 4) == 0) {
    const size_t at = 12 + size_t{4} * faceIndex;
    if (at + 4 > size) damaged(Message("its collection header"));
    face = readU32(data + at);
  }
  if (face + 12 > size) damaged(Message("its table directory"));
  const size_t tables = (size_t{data[face + 4]} << 8) | data[face + 5];
  if (face + 12 + 16 * tables > size) damaged(Message("its table directory"));
  for (size_t t = 0; t < tables; ++t) {
    const uint8_t* record = data + face + 12 + 16 * t;
    const uint64_t end = uint64_t{readU32(record + 8)} + readU32(record + 12);
    if (end > size)
      damaged(Message("table '{0}' runs past its end",
                      std::string(reinterpret_cast<const char*>(record), 4)));
  }
}

}  // namespace

std::shared_ptr<const Font> Font::load(const std::string& path, unsigned faceIndex) {
  std::shared_ptr<const MappedFile> file;
  try {
    file = std::make_shared<const MappedFile>(path);
  } catch (const std::exception& e) {
    throw FontError(Message("cannot read font {0}", e.what()));
  }
  return load(std::move(file), path, faceIndex);
}

std::shared_ptr<const Font> Font::load(std::shared_ptr<const MappedFile> file,
                                       const std::string& path, unsigned faceIndex) {
  std::shared_ptr<Font> font(new Font());
  font->file_ = std::move(file);
  font->path_ = path;
  font->faceIndex_ = faceIndex;
  const std::string label = font->describe();

  font->blob_.reset(hb_blob_create(reinterpret_cast<const char*>(font->file_->data()),
                                   static_cast<unsigned>(font->file_->size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  unsigned faces = hb_face_count(font->blob_.get());
  if (faces == 0)
    throw FontError(Message("{0}: not an OpenType/TrueType font or collection", label));
  if (faceIndex >= faces) {
    throw FontError(Message("{0}: the file has {1} face(s), no face {2}", label, faces, faceIndex));
  }
  checkTablesInsideFile(font->file_->data(), font->file_->size(), faceIndex, label);
  font->face_.reset(hb_face_create(font->blob_.get(), faceIndex));
  hb_face_t* face = font->face_.get();
  font->glyphCount_ = hb_face_get_glyph_count(face);
  if (font->glyphCount_ == 0)
    throw FontError(Message("{0}: not a readable font (no glyphs)", label));
  if (hasTable(face, HB_TAG('C', 'F', 'F', ' '))) {
    font->format_ = OutlineFormat::Cff;
    font->cidKeyed_ = cffIsCidKeyed(face);
  } else if (hasTable(face, HB_TAG('g', 'l', 'y', 'f'))) {
    font->format_ = OutlineFormat::TrueType;
  } else if (hasTable(face, HB_TAG('C', 'F', 'F', '2'))) {
    throw FontError(
        Message("{0}: CFF2 (variable) outlines are not supported; use a static font", label));
  } else {
    throw FontError(Message("{0}: has no TrueType (glyf) or CFF outlines", label));
  }
  if (hasTable(face, HB_TAG('f', 'v', 'a', 'r'))) {
    throw FontError(Message("{0}: variable fonts are not supported; use a static instance", label));
  }
  if (!hasTable(face, HB_TAG('c', 'm', 'a', 'p')))
    throw FontError(Message("{0}: has no cmap table", label));
  font->familyName_ = faceName(face, HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY, HB_OT_NAME_ID_FONT_FAMILY);
  font->styleName_ =
      faceName(face, HB_OT_NAME_ID_TYPOGRAPHIC_SUBFAMILY, HB_OT_NAME_ID_FONT_SUBFAMILY);
  std::string ps = faceName(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_OT_NAME_ID_POSTSCRIPT_NAME);
  font->postscriptName_ = sanitisePostscriptName(ps.empty() ? font->familyName_ : ps);
  font->metrics_ = readMetrics(face);
  if (font->metrics_.unitsPerEm < 16 || font->metrics_.unitsPerEm > 16384) {
    throw FontError(Message("{0}: implausible units per em {1}", label,
                            static_cast<int>(font->metrics_.unitsPerEm)));
  }
  hb_face_make_immutable(face);
  font->font_.reset(hb_font_create(face));
  // Font units throughout: positions scale to the size at layout time.
  hb_font_set_scale(font->font_.get(), font->metrics_.unitsPerEm, font->metrics_.unitsPerEm);
  hb_font_make_immutable(font->font_.get());
  return font;
}

Font::~Font() = default;

bool Font::hasGlyph(char32_t cp) const {
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(font_.get(), cp, &g) && g != 0;
}

int Font::advance(uint32_t glyph) const { return hb_font_get_glyph_h_advance(font_.get(), glyph); }

std::string Font::describe() const {
  std::string out = path_;
  // Appended piece by piece, not "literal" + std::string: GCC 12 at -O3 warns falsely
  // (-Wrestrict) inside that operator+.
  if (faceIndex_ > 0) out.append("#").append(std::to_string(faceIndex_));
  if (!familyName_.empty()) out.append(" (").append(familyName_).append(")");
  return out;
}

}  // namespace gongwen
