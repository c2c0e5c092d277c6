// One font face, loaded once and then immutable: safe to share across threads.
//
// Names and metrics come from the OpenType tables (read through HarfBuzz, cheaply);
// HarfBuzz shapes with it
// (hb_font_t made immutable); the mapped bytes stay for subsetting into PDFs.
#pragma once

#include <hb.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/CHandle.h"
#include "common/MappedFile.h"

namespace gongwen {

enum class OutlineFormat { TrueType, Cff };

// What a PDF FontDescriptor needs, in font units.
struct FontMetrics {
  int unitsPerEm = 1000;
  int ascender = 880;
  int descender = -120;
  int capHeight = 700;
  int bboxXMin = 0, bboxYMin = -120, bboxXMax = 1000, bboxYMax = 880;
  double italicAngle = 0;
  bool fixedPitch = false;
  bool serif = true;
};

class Font {
 public:
  // Loads face `faceIndex` of the file at `path`. Throws FontError naming the file.
  static std::shared_ptr<const Font> load(const std::string& path, unsigned faceIndex = 0);
  // Loads from a file already mapped (several faces of one .ttc share the mapping).
  static std::shared_ptr<const Font> load(std::shared_ptr<const MappedFile> file,
                                          const std::string& path, unsigned faceIndex);
  // Number of faces in a file (1 for .ttf/.otf, n for .ttc/.otc). Throws FontError.
  static unsigned faceCount(const MappedFile& file, const std::string& path);
  // English family name of face `faceIndex` (typographic family, else family), "" if none.
  static std::string familyNameOf(const MappedFile& file, unsigned faceIndex);

  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  const std::string& path() const { return path_; }
  unsigned faceIndex() const { return faceIndex_; }
  const std::string& familyName() const { return familyName_; }
  const std::string& styleName() const { return styleName_; }
  // PostScript name, safe for a PDF /BaseFont (no spaces).
  const std::string& postscriptName() const { return postscriptName_; }
  OutlineFormat outlineFormat() const { return format_; }
  // A CFF font whose Top DICT has the CIDFont operators (ROS); its glyphs are keyed by CID.
  bool isCidKeyed() const { return cidKeyed_; }
  const FontMetrics& metrics() const { return metrics_; }
  unsigned unitsPerEm() const { return static_cast<unsigned>(metrics_.unitsPerEm); }
  unsigned glyphCount() const { return glyphCount_; }

  bool hasGlyph(char32_t cp) const;
  // Horizontal advance of a glyph in font units.
  int advance(uint32_t glyph) const;

  hb_face_t* hbFace() const { return face_.get(); }
  hb_font_t* hbFont() const { return font_.get(); }
  const MappedFile& file() const { return *file_; }

  // "/usr/…/NotoSerifCJK-Regular.ttc#2 (Noto Serif CJK SC)": how messages name a font.
  std::string describe() const;

 private:
  Font() = default;

  std::shared_ptr<const MappedFile> file_;
  std::string path_;
  unsigned faceIndex_ = 0;
  std::string familyName_, styleName_, postscriptName_;
  OutlineFormat format_ = OutlineFormat::TrueType;
  bool cidKeyed_ = false;
  unsigned glyphCount_ = 0;
  FontMetrics metrics_;
  CHandle<hb_blob_t, hb_blob_destroy> blob_;
  CHandle<hb_face_t, hb_face_destroy> face_;
  CHandle<hb_font_t, hb_font_destroy> font_;
};

using FontPtr = std::shared_ptr<const Font>;

}  // namespace gongwen
