#include "fonts/FontTables.h"

#include <hb-ot.h>

#include <cstdint>
#include <vector>

#include "common/CHandle.h"

namespace gongwen {
namespace {

using Blob = CHandle<hb_blob_t, hb_blob_destroy>;

struct TableBytes {
  Blob blob;
  const uint8_t* data = nullptr;
  unsigned size = 0;
  TableBytes(hb_face_t* face, hb_tag_t tag) : blob(hb_face_reference_table(face, tag)) {
    data = reinterpret_cast<const uint8_t*>(hb_blob_get_data(blob.get(), &size));
  }
  bool has(unsigned offset, unsigned len) const { return data && offset + len <= size; }
  int16_t i16(unsigned o) const { return static_cast<int16_t>((data[o] << 8) | data[o + 1]); }
  uint32_t u32(unsigned o) const {
    return (uint32_t(data[o]) << 24) | (uint32_t(data[o + 1]) << 16) |
           (uint32_t(data[o + 2]) << 8) | data[o + 3];
  }
};

// Reads a CFF INDEX at `pos`; returns the offset just past it and the first item's range.
bool readIndex(const TableBytes& t, unsigned pos, unsigned* after, unsigned* firstStart,
               unsigned* firstEnd) {
  if (!t.has(pos, 2)) return false;
  unsigned count = (t.data[pos] << 8) | t.data[pos + 1];
  if (count == 0) {
    *after = pos + 2;
    *firstStart = *firstEnd = pos + 2;
    return true;
  }
  if (!t.has(pos + 2, 1)) return false;
  unsigned offSize = t.data[pos + 2];
  if (offSize < 1 || offSize > 4) return false;
  unsigned offsets = pos + 3;
  auto offsetAt = [&](unsigned i) {
    unsigned v = 0;
    for (unsigned k = 0; k < offSize; ++k) v = (v << 8) | t.data[offsets + i * offSize + k];
    return v;
  };
  if (!t.has(offsets, (count + 1) * offSize)) return false;
  unsigned dataStart = offsets + (count + 1) * offSize - 1;
  *firstStart = dataStart + offsetAt(0);
  *firstEnd = dataStart + offsetAt(1);
  *after = dataStart + offsetAt(count);
  return *after <= t.size && *firstEnd <= t.size && *firstStart <= *firstEnd;
}

}  // namespace

std::string faceName(hb_face_t* face, hb_ot_name_id_t preferred, hb_ot_name_id_t fallback) {
  for (hb_ot_name_id_t id : {preferred, fallback}) {
    unsigned len =
        hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), nullptr, nullptr);
    if (len == 0) len = hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, nullptr, nullptr);
    if (len == 0) continue;
    std::string out(len + 1, '\0');
    unsigned size = len + 1;
    if (hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &size, out.data()) == 0) {
      size = len + 1;
      hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &size, out.data());
    }
    out.resize(size);
    return out;
  }
  return "";
}

bool hasTable(hb_face_t* face, hb_tag_t tag) {
  Blob blob(hb_face_reference_table(face, tag));
  return hb_blob_get_length(blob.get()) > 0;
}

FontMetrics readMetrics(hb_face_t* face) {
  FontMetrics m;
  m.unitsPerEm = static_cast<int>(hb_face_get_upem(face));
  TableBytes head(face, HB_TAG('h', 'e', 'a', 'd'));
  if (head.has(36, 8)) {
    m.bboxXMin = head.i16(36);
    m.bboxYMin = head.i16(38);
    m.bboxXMax = head.i16(40);
    m.bboxYMax = head.i16(42);
  }
  TableBytes hhea(face, HB_TAG('h', 'h', 'e', 'a'));
  if (hhea.has(4, 4)) {
    m.ascender = hhea.i16(4);
    m.descender = hhea.i16(6);
  }
  TableBytes os2(face, HB_TAG('O', 'S', '/', '2'));
  if (os2.has(0, 2) && os2.i16(0) >= 2 && os2.has(88, 2) && os2.i16(88) > 0) {
    m.capHeight = os2.i16(88);
  } else {
    m.capHeight = m.ascender;
  }
  if (os2.has(32, 2)) {
    // Sans families (PANOSE family 2, serif style 11..13) lose the serif flag.
    m.serif = !(os2.data[32] == 2 && os2.data[33] >= 11 && os2.data[33] <= 13);
  }
  TableBytes post(face, HB_TAG('p', 'o', 's', 't'));
  if (post.has(4, 4)) m.italicAngle = static_cast<int32_t>(post.u32(4)) / 65536.0;
  if (post.has(12, 4)) m.fixedPitch = post.u32(12) != 0;
  return m;
}

bool cffIsCidKeyed(hb_face_t* face) {
  TableBytes cff(face, HB_TAG('C', 'F', 'F', ' '));
  if (!cff.has(0, 4)) return false;
  unsigned pos = cff.data[2];  // header size
  unsigned after, start, end;
  if (!readIndex(cff, pos, &after, &start, &end)) return false;    // Name INDEX
  if (!readIndex(cff, after, &after, &start, &end)) return false;  // Top DICT INDEX
  // Walk the first Top DICT's operands and operators looking for ROS (12 30).
  for (unsigned i = start; i < end;) {
    uint8_t b = cff.data[i];
    if (b == 12) {
      if (i + 1 < end && cff.data[i + 1] == 30) return true;
      i += 2;
    } else if (b <= 21) {
      i += 1;
    } else if (b == 28) {
      i += 3;
    } else if (b == 29) {
      i += 5;
    } else if (b == 30) {  // real number: nibbles until 0xf
      ++i;
      while (i < end && (cff.data[i] & 0x0F) != 0x0F && (cff.data[i] >> 4) != 0x0F) ++i;
      ++i;
    } else if (b >= 32 && b <= 246) {
      i += 1;
    } else if (b >= 247 && b <= 254) {
      i += 2;
    } else {
      i += 1;
    }
  }
  return false;
}

}  // namespace gongwen
