// Image fields (a seal 印章, a figure): a PNG or JPEG file, relative to the input file's
// folder, or a data:image/png;base64 (or data:image/jpeg;base64) URI. Read and checked whole
// when the record is validated; any problem is an InputError naming the field.
#pragma once

#include <memory>
#include <string>

#include "common/SharedCache.h"
#include "model/ImageData.h"

namespace gongwen {

inline constexpr size_t kMaxImageBytes = 8u << 20;  // 8 MiB
inline constexpr unsigned kMaxImagePixels = 4096 * 4096;

// Images already read and checked, by file path or data: URI, so that a batch whose every
// record carries the same seal reads and checks it once (and the PDF embeds it once).
// Per batch (or bounded, the server's); safe to share between its worker threads.
using ImageCache = SharedCache<ImageData>;

// Where a record's images come from.
struct ImageSource {
  std::string baseDirectory = ".";  // relative image paths are resolved here
  bool allowFilePaths = true;       // false: images only as data: URIs (HTTP server)
  ImageCache* cache = nullptr;      // null: nothing kept between records
};

// One image given as a path or data: URI (`value`), for messages `where`.
std::shared_ptr<const ImageData> loadImage(const std::string& value, const std::string& where,
                                           const ImageSource& source);

}  // namespace gongwen
