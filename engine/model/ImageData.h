// An image a record carries (a seal 印章, a signature seal, a figure), read and checked once
// when the record is validated: PNG bytes (alpha kept), or JPEG bytes the PDF carries as they
// are (/DCTDecode). The display list places it; the PDF and OFD writers embed it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gongwen {

struct ImageData {
  std::vector<uint8_t> png;  // the file's bytes: PNG, or JPEG when `jpeg`
  unsigned pixelWidth = 0, pixelHeight = 0;
  bool jpeg = false;
  int components = 3;  // a JPEG's: 1 grey, 3 colour
  std::string source;  // the field that brought it ("$.seal"), for messages
};

}  // namespace gongwen
