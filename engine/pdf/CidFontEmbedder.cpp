#include "pdf/CidFontEmbedder.h"

#include <hpdf_objects.h>

#include <algorithm>
#include <cmath>

#include "pdf/DeflatedStream.h"
#include "pdf/FontSubsetter.h"
#include "pdf/ToUnicodeCMap.h"

namespace gongwen {
namespace {

// Six capital letters from the font and its glyph set: the subset tag (ABCDEF+Name).
std::string subsetTag(const Font& font, const std::vector<uint32_t>& glyphs) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](uint64_t v) {
    h ^= v;
    h *= 1099511628211ull;
  };
  for (char c : font.path()) mix(static_cast<unsigned char>(c));
  mix(font.faceIndex());
  std::vector<uint32_t> sorted(glyphs);
  std::sort(sorted.begin(), sorted.end());
  for (uint32_t g : sorted) mix(g);
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag.push_back(static_cast<char>('A' + h % 26));
    h /= 26;
  }
  return tag;
}

HPDF_Dict newStream(HpdfDocument& doc, bool compress) {
  HPDF_Dict s = HPDF_DictStream_New(doc.mmgr(), doc.xref());
  if (s && compress) s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  return s;
}

HPDF_Dict newIndirectDict(HpdfDocument& doc) {
  HPDF_Dict d = HPDF_Dict_New(doc.mmgr());
  HPDF_Xref_Add(doc.xref(), d);
  return d;
}

double scaled(int units, int upem) { return std::round(units * 1000.0 / upem); }

// Stream data as prepared: deflated already (marked for the /Filter) or plain.
void writeStream(HPDF_Dict stream, const std::vector<uint8_t>& bytes, bool compress) {
  if (compress) {
    writeDeflated(stream, bytes);
  } else {
    HPDF_Stream_Write(stream->stream, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
  }
}

// Code → the text it stands for (the first glyph's, for codes drawn with several).
std::map<uint16_t, std::u32string> textOfCodes(const FontUse& use, const SubsetFont& subset) {
  std::map<uint16_t, std::u32string> textOfCode;
  for (uint32_t g : use.glyphs) {
    uint16_t code = subset.codeOf.at(g);
    auto t = use.text.find(g);
    if (t != use.text.end() && !t->second.empty() && !textOfCode.count(code)) {
      textOfCode[code] = t->second;
    }
  }
  return textOfCode;
}

}  // namespace

PreparedFont prepareFont(const FontUse& use, bool compress, bool retainGids) {
  PreparedFont p;
  p.subset = subsetFont(*use.font, use.glyphs, retainGids);
  std::string cmap = buildToUnicodeCMap(textOfCodes(use, p.subset));
  if (compress) {
    p.program =
        deflateBytes(std::string_view(reinterpret_cast<const char*>(p.subset.program.data()),
                                      p.subset.program.size()),
                     false, -1, DeflateSearch::RunsOnly);
    p.toUnicode = deflateBytes(cmap);
  } else {
    p.program = p.subset.program;
    p.toUnicode.assign(cmap.begin(), cmap.end());
  }
  return p;
}

EmbeddedFont embedFont(HpdfDocument& doc, const FontUse& use, const PreparedFont& prepared,
                       bool compress) {
  const Font& font = *use.font;
  const SubsetFont& subset = prepared.subset;
  const std::string baseFont = subsetTag(font, use.glyphs) + "+" + font.postscriptName();
  const int upem = static_cast<int>(font.unitsPerEm());
  const FontMetrics& m = font.metrics();
  HPDF_MMgr mmgr = doc.mmgr();

  EmbeddedFont out;
  out.codeOf = subset.codeOf;

  // The font program.
  HPDF_Dict program = newStream(doc, false);
  if (subset.cff) {
    HPDF_Dict_AddName(program, "Subtype", "CIDFontType0C");
  } else {
    HPDF_Dict_AddNumber(program, "Length1", static_cast<HPDF_INT32>(subset.program.size()));
  }
  writeStream(program, prepared.program, compress);

  // FontDescriptor.
  HPDF_Dict descriptor = newIndirectDict(doc);
  HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  HPDF_Dict_AddName(descriptor, "FontName", baseFont.c_str());
  int flags = 4;  // symbolic: glyphs outside the standard Latin set
  if (m.fixedPitch) flags |= 1;
  if (m.serif) flags |= 2;
  HPDF_Dict_AddNumber(descriptor, "Flags", flags);
  HPDF_Array bbox = HPDF_Array_New(mmgr);
  for (int v : {m.bboxXMin, m.bboxYMin, m.bboxXMax, m.bboxYMax}) {
    HPDF_Array_AddNumber(bbox, static_cast<HPDF_INT32>(scaled(v, upem)));
  }
  HPDF_Dict_Add(descriptor, "FontBBox", bbox);
  HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(m.italicAngle));
  HPDF_Dict_AddNumber(descriptor, "Ascent", static_cast<HPDF_INT32>(scaled(m.ascender, upem)));
  HPDF_Dict_AddNumber(descriptor, "Descent", static_cast<HPDF_INT32>(scaled(m.descender, upem)));
  HPDF_Dict_AddNumber(descriptor, "CapHeight", static_cast<HPDF_INT32>(scaled(m.capHeight, upem)));
  HPDF_Dict_AddNumber(descriptor, "StemV", 80);
  HPDF_Dict_Add(descriptor, subset.cff ? "FontFile3" : "FontFile2", program);

  // Widths by code, grouped into runs of consecutive codes: [c [w w w] c' [w] …]. A code
  // of the default width (/DW: one em, every full-width CJK glyph) needs no entry.
  constexpr double kDefaultWidth = 1000;
  std::map<uint16_t, double> widths;
  for (uint32_t g : use.glyphs) {
    uint16_t code = subset.codeOf.at(g);
    double w = std::round(font.advance(g) * 10000.0 / upem) / 10.0;
    if (w != kDefaultWidth) widths[code] = w;
    out.widthOf[code] = w;
  }
  HPDF_Array w = HPDF_Array_New(mmgr);
  for (auto it = widths.begin(); it != widths.end();) {
    HPDF_Array_AddNumber(w, it->first);
    HPDF_Array run = HPDF_Array_New(mmgr);
    uint16_t expect = it->first;
    while (it != widths.end() && it->first == expect) {
      HPDF_Array_AddReal(run, static_cast<HPDF_REAL>(it->second));
      ++it;
      ++expect;
    }
    HPDF_Array_Add(w, run);
  }

  // The descendant CIDFont.
  HPDF_Dict cidFont = newIndirectDict(doc);
  HPDF_Dict_AddName(cidFont, "Type", "Font");
  HPDF_Dict_AddName(cidFont, "Subtype", subset.cff ? "CIDFontType0" : "CIDFontType2");
  HPDF_Dict_AddName(cidFont, "BaseFont", baseFont.c_str());
  HPDF_Dict sysInfo = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(sysInfo, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
  HPDF_Dict_Add(sysInfo, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
  HPDF_Dict_AddNumber(sysInfo, "Supplement", 0);
  HPDF_Dict_Add(cidFont, "CIDSystemInfo", sysInfo);
  HPDF_Dict_Add(cidFont, "FontDescriptor", descriptor);
  HPDF_Dict_AddNumber(cidFont, "DW", static_cast<HPDF_INT32>(kDefaultWidth));
  HPDF_Dict_Add(cidFont, "W", w);
  if (!subset.cff) HPDF_Dict_AddName(cidFont, "CIDToGIDMap", "Identity");

  // ToUnicode.
  HPDF_Dict toUnicode = newStream(doc, false);
  writeStream(toUnicode, prepared.toUnicode, compress);

  // The Type0 font the pages use.
  HPDF_Dict type0 = newIndirectDict(doc);
  HPDF_Dict_AddName(type0, "Type", "Font");
  HPDF_Dict_AddName(type0, "Subtype", "Type0");
  HPDF_Dict_AddName(type0, "BaseFont", baseFont.c_str());
  HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
  HPDF_Array descendants = HPDF_Array_New(mmgr);
  HPDF_Array_Add(descendants, cidFont);
  HPDF_Dict_Add(type0, "DescendantFonts", descendants);
  HPDF_Dict_Add(type0, "ToUnicode", toUnicode);
  doc.check("embedding a font");
  out.type0 = type0;
  return out;
}

}  // namespace gongwen
