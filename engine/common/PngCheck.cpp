#include "common/PngCheck.h"

#include <zlib.h>

#include <array>
#include <cctype>
#include <cstring>

namespace gongwen {
namespace {

constexpr std::array<uint8_t, 8> kSignature = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

uint32_t be32(const uint8_t* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

int channels(int colorType) {
  switch (colorType) {
    case 0:
      return 1;  // grey
    case 2:
      return 3;  // RGB
    case 3:
      return 1;  // palette
    case 4:
      return 2;  // grey + alpha
    case 6:
      return 4;  // RGBA
    default:
      return 0;
  }
}

bool validDepth(int colorType, int depth) {
  switch (colorType) {
    case 0:
      return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3:
      return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2:
    case 4:
    case 6:
      return depth == 8 || depth == 16;
    default:
      return false;
  }
}

// Bytes of filtered image data (a filter byte per row) for a w×h pass.
uint64_t passBytes(uint64_t w, uint64_t h, int bitsPerPixel) {
  if (w == 0 || h == 0) return 0;
  return h * (1 + (w * static_cast<uint64_t>(bitsPerPixel) + 7) / 8);
}

uint64_t expectedBytes(const PngInfo& info) {
  const int bpp = channels(info.colorType) * info.bitDepth;
  if (!info.interlaced) return passBytes(info.width, info.height, bpp);
  // Adam7: start and step per pass.
  static const int xs[] = {0, 4, 0, 2, 0, 1, 0}, ys[] = {0, 0, 4, 0, 2, 0, 1};
  static const int dx[] = {8, 8, 4, 4, 2, 2, 1}, dy[] = {8, 8, 8, 4, 4, 2, 2};
  uint64_t total = 0;
  for (int p = 0; p < 7; ++p) {
    uint64_t w = info.width > unsigned(xs[p]) ? (info.width - xs[p] + dx[p] - 1) / dx[p] : 0;
    uint64_t h = info.height > unsigned(ys[p]) ? (info.height - ys[p] + dy[p] - 1) / dy[p] : 0;
    total += passBytes(w, h, bpp);
  }
  return total;
}

}  // namespace

PngCheck checkPng(const std::vector<uint8_t>& bytes, unsigned maxPixels) {
  PngCheck out;
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kSignature.data(), 8) != 0) {
    out.problem = Message("is not a PNG image (its first bytes are not the PNG signature)");
    return out;
  }
  PngInfo info;
  bool sawHeader = false, sawEnd = false, sawData = false, sawPalette = false;
  z_stream z{};
  if (inflateInit(&z) != Z_OK) {
    out.problem = Message("cannot be checked (zlib)");
    return out;
  }
  struct InflateEnd {
    z_stream* z;
    ~InflateEnd() { inflateEnd(z); }
  } guard{&z};
  uint64_t inflated = 0;
  bool streamEnd = false;
  std::array<uint8_t, 16384> scratch{};
  size_t pos = 8;
  while (pos < bytes.size()) {
    if (bytes.size() - pos < 12) {
      out.problem = Message("is cut short (a chunk is incomplete)");
      return out;
    }
    const uint32_t length = be32(&bytes[pos]);
    if (length > bytes.size() - pos - 12) {
      out.problem = Message("is cut short (a chunk is longer than the file)");
      return out;
    }
    const uint8_t* type = &bytes[pos + 4];
    const uint8_t* data = &bytes[pos + 8];
    const uint32_t crc = be32(&bytes[pos + 8 + length]);
    if (crc32(crc32(0, nullptr, 0), type, length + 4) != crc) {
      out.problem = Message("is damaged (a chunk's checksum is wrong)");
      return out;
    }
    const std::string name(reinterpret_cast<const char*>(type), 4);
    for (char c : name) {
      if (!std::isalpha(static_cast<unsigned char>(c))) {
        out.problem = Message("is damaged (a chunk has no valid name)");
        return out;
      }
    }
    // A chunk whose name starts with a capital is critical: a decoder must know it.
    const bool critical = std::isupper(static_cast<unsigned char>(name[0]));
    if (critical && name != "IHDR" && name != "PLTE" && name != "IDAT" && name != "IEND") {
      out.problem = Message("is damaged (an unknown critical chunk {0})", name);
      return out;
    }
    if (!sawHeader && name != "IHDR") {
      out.problem = Message("is damaged (it does not start with an IHDR chunk)");
      return out;
    }
    if (name == "IHDR") {
      if (sawHeader || length != 13) {
        out.problem = Message("is damaged (bad IHDR chunk)");
        return out;
      }
      sawHeader = true;
      info.width = be32(data);
      info.height = be32(data + 4);
      info.bitDepth = data[8];
      info.colorType = data[9];
      info.interlaced = data[12] == 1;
      if (info.width == 0 || info.height == 0 || !validDepth(info.colorType, info.bitDepth) ||
          data[10] != 0 || data[11] != 0 || data[12] > 1) {
        out.problem = Message("has an invalid header (size, bit depth or colour type)");
        return out;
      }
      if (uint64_t(info.width) * info.height > maxPixels) {
        out.problem = Message("is too large ({0} × {1} pixels; at most {2} pixels)", info.width,
                              info.height, maxPixels);
        return out;
      }
      info.hasAlpha = info.colorType == 4 || info.colorType == 6;
    } else if (name == "PLTE") {
      // The palette of an indexed image (colour type 3) comes once, before the data, with
      // 1 to 256 RGB entries; other colour types may carry one as a hint, ignored.
      if (sawPalette) {
        out.problem = Message("is damaged (two palettes, PLTE)");
        return out;
      }
      if (info.colorType == 3 && (length == 0 || length % 3 != 0 || length > 3 * 256)) {
        out.problem = Message("is damaged (its palette, PLTE, has an invalid length)");
        return out;
      }
      sawPalette = !sawData;
    } else if (name == "tRNS") {
      info.hasAlpha = true;
    } else if (name == "IDAT") {
      if (info.colorType == 3 && !sawPalette) {
        out.problem = Message("is damaged (an indexed-colour image without its palette, PLTE)");
        return out;
      }
      sawData = true;
      z.next_in = const_cast<uint8_t*>(data);
      z.avail_in = length;
      while (z.avail_in > 0 && !streamEnd) {
        z.next_out = scratch.data();
        z.avail_out = scratch.size();
        int rc = inflate(&z, Z_NO_FLUSH);
        inflated += scratch.size() - z.avail_out;
        if (rc == Z_STREAM_END) streamEnd = true;
        if (rc != Z_OK && rc != Z_STREAM_END) {
          out.problem = Message("is damaged (its image data cannot be decompressed)");
          return out;
        }
      }
    } else if (name == "IEND") {
      sawEnd = true;
      pos += 12 + length;
      break;
    }
    pos += 12 + length;
  }
  if (!sawData || !sawEnd) {
    out.problem =
        sawData ? Message("is cut short (no IEND chunk)") : Message("has no image data (IDAT)");
    return out;
  }
  if (!streamEnd || inflated != expectedBytes(info)) {
    out.problem = Message("is damaged (its image data does not match its size)");
    return out;
  }
  out.info = info;
  return out;
}

}  // namespace gongwen
