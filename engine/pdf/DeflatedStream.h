// Streams we compress ourselves (page contents, in parallel before libharu writes the
// file). libharu either deflates a stream itself as it saves, serially, or drops any
// /Filter entry we set; so such a stream is written raw with a marker entry of the same
// length as "/Filter /FlateDecode", which the saved file gets in its place.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace gongwen {

// How hard zlib looks for repeated strings. Font programs (CFF charstrings, TrueType
// outlines) repeat little beyond single bytes: Huffman coding with runs only (zlib's
// Z_RLE) comes within ~5 % of the full search's size in a third of its time.
enum class DeflateSearch { Full, RunsOnly };

// zlib format (a PDF stream's), or with `raw` bare deflate data (a zip entry's), at zlib
// `level` (-1: zlib's default, 6).
std::vector<uint8_t> deflateBytes(std::string_view data, bool raw = false, int level = -1,
                                  DeflateSearch search = DeflateSearch::Full);

// Writes already-deflated `bytes` as the data of stream dictionary `dict`.
void writeDeflated(HPDF_Dict dict, const std::vector<uint8_t>& bytes);

// Turns the markers of the `count` streams written with writeDeflated into /Filter
// /FlateDecode. Throws std::runtime_error when it finds another number of them.
void finishDeflatedStreams(std::vector<uint8_t>& pdf, size_t count);

}  // namespace gongwen
