// Image fields (a seal 印章): a PNG file, relative to the input file's folder, or a
// data:image/png;base64 URI. Checked whole before it is drawn; any problem is an
// InputError naming the field.
#pragma once

#include <memory>
#include <string>

#include "common/SharedCache.h"
#include "layout/DisplayList.h"
#include "layout/FlowContext.h"

namespace gongwen {

inline constexpr size_t kMaxImageBytes = 8u << 20;  // 8 MiB
inline constexpr unsigned kMaxImagePixels = 4096 * 4096;

// Images already read and checked, by file path or data: URI, so that a batch whose every
// record carries the same seal reads and checks it once (and the PDF embeds it once).
// Per batch; safe to share between its worker threads.
using ImageCache = SharedCache<ImageData>;

// The image in `field` of `record`, or null when the field is absent.
std::shared_ptr<const ImageData> loadImageField(const Record& record, const std::string& field,
                                                const ComposeOptions& options);

}  // namespace gongwen
