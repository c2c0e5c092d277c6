#include "fonts/Font.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_FONT_FORMATS_H
#include FT_CID_H
#include FT_TRUETYPE_TABLES_H

#include <cstring>

#include "common/Errors.h"
#include "fonts/FreeTypeFace.h"

namespace gongwen {
namespace {

std::string baseName(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

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
  FreeTypeFace face(file.data(), file.size(), -1, path);
  return static_cast<unsigned>(face->num_faces);
}

std::string Font::familyNameOf(const MappedFile& file, unsigned faceIndex) {
  try {
    FreeTypeFace face(file.data(), file.size(), faceIndex, "");
    return face->family_name ? face->family_name : "";
  } catch (const FontError&) {
    return "";
  }
}

std::shared_ptr<const Font> Font::load(const std::string& path, unsigned faceIndex) {
  std::shared_ptr<const MappedFile> file;
  try {
    file = std::make_shared<const MappedFile>(path);
  } catch (const std::exception& e) {
    throw FontError(std::string("cannot read font ") + e.what());
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

  {
    FreeTypeFace ft(font->file_->data(), font->file_->size(), faceIndex, label);
    FT_Face f = ft.get();
    if (!FT_IS_SFNT(f)) throw FontError(label + ": not an OpenType/TrueType font");
    if (!FT_IS_SCALABLE(f)) throw FontError(label + ": has no scalable outlines");
    const char* format = FT_Get_Font_Format(f);
    if (format && std::strcmp(format, "TrueType") == 0) {
      font->format_ = OutlineFormat::TrueType;
    } else if (format && std::strcmp(format, "CFF") == 0) {
      font->format_ = OutlineFormat::Cff;
      FT_Bool cid = 0;
      if (FT_Get_CID_Is_Internally_CID_Keyed(f, &cid) == 0) font->cidKeyed_ = cid != 0;
    } else {
      throw FontError(label + ": unsupported outline format " + (format ? format : "(unknown)"));
    }
    if (FT_HAS_MULTIPLE_MASTERS(f)) {
      throw FontError(label + ": variable fonts are not supported; use a static instance");
    }
    font->familyName_ = f->family_name ? f->family_name : "";
    font->styleName_ = f->style_name ? f->style_name : "";
    const char* ps = FT_Get_Postscript_Name(f);
    font->postscriptName_ = sanitisePostscriptName(ps ? ps : font->familyName_);
    font->glyphCount_ = static_cast<unsigned>(f->num_glyphs);
    FontMetrics& m = font->metrics_;
    m.unitsPerEm = f->units_per_EM ? f->units_per_EM : 1000;
    m.ascender = f->ascender;
    m.descender = f->descender;
    m.bboxXMin = static_cast<int>(f->bbox.xMin);
    m.bboxYMin = static_cast<int>(f->bbox.yMin);
    m.bboxXMax = static_cast<int>(f->bbox.xMax);
    m.bboxYMax = static_cast<int>(f->bbox.yMax);
    m.fixedPitch = FT_IS_FIXED_WIDTH(f);
    m.capHeight = m.ascender;
    if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(f, FT_SFNT_OS2))) {
      if (os2->version >= 2 && os2->sCapHeight > 0) m.capHeight = os2->sCapHeight;
      // Sans families (PANOSE family 2, serif style 11..13) lose the serif flag.
      m.serif = !(os2->panose[0] == 2 && os2->panose[1] >= 11 && os2->panose[1] <= 13);
    }
    if (auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(f, FT_SFNT_POST))) {
      m.italicAngle = post->italicAngle / 65536.0;
    }
  }

  font->blob_.reset(hb_blob_create(reinterpret_cast<const char*>(font->file_->data()),
                                   static_cast<unsigned>(font->file_->size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  font->face_.reset(hb_face_create(font->blob_.get(), faceIndex));
  if (hb_face_get_glyph_count(font->face_.get()) == 0) {
    throw FontError(label + ": HarfBuzz finds no glyphs in it");
  }
  hb_face_make_immutable(font->face_.get());
  font->font_.reset(hb_font_create(font->face_.get()));
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
  std::string out = baseName(path_) + "#" + std::to_string(faceIndex_);
  if (!familyName_.empty()) out += " (" + familyName_ + ")";
  return out;
}

}  // namespace gongwen
