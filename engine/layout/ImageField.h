// Image fields (a seal 印章, a figure): a PNG or JPEG file, relative to the input file's
// folder, or a data:image/png;base64 (or data:image/jpeg;base64) URI. Checked whole before it is
// drawn; any problem is an InputError naming the field.
#pragma once

#include <memory>
#include <string>
#include <vector>

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
// The images of a field that may hold one image or a list of them (joint seals): one per
// item, in order; empty when the field is absent. Errors name "$.seal[1]".
std::vector<std::shared_ptr<const ImageData>> loadImageList(const Record& record,
                                                            const std::string& field,
                                                            const ComposeOptions& options);
// One image given as a path or data: URI (`value`), for messages `where`.
std::shared_ptr<const ImageData> loadImage(const std::string& value, const std::string& where,
                                           const ComposeOptions& options);

}  // namespace gongwen
