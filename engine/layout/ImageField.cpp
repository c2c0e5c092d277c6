#include "layout/ImageField.h"

#include <Poco/Base64Decoder.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "common/Errors.h"
#include "common/JpegCheck.h"
#include "common/Json.h"
#include "common/PngCheck.h"
#include "layout/BatchCache.h"

namespace gongwen {
namespace {

constexpr std::string_view kPngPrefix = "data:image/png;base64,";
constexpr std::string_view kJpegPrefix = "data:image/jpeg;base64,";

std::vector<uint8_t> fromDataUri(const std::string& value, size_t prefixSize,
                                 const std::string& where) {
  std::string payload = value.substr(prefixSize);
  if (payload.size() > kMaxImageBytes / 3 * 4 + 4) {
    throw InputError(
        where, "the image is too large (at most " + std::to_string(kMaxImageBytes >> 20) + " MiB)");
  }
  for (char c : payload) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=' ||
              c == '\n' || c == '\r';
    if (!ok) throw InputError(where, "the data: URI is not valid base64");
  }
  std::istringstream in(payload);
  Poco::Base64Decoder decoder(in);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(decoder)),
                             std::istreambuf_iterator<char>());
  return bytes;
}

std::vector<uint8_t> fromFile(const std::string& value, const std::string& where,
                              const ComposeOptions& options) {
  if (!options.allowFilePaths) {
    throw InputError(where,
                     "must be a data:image/png;base64,… (or data:image/jpeg;base64,…) URI here "
                     "(file paths are not accepted)");
  }
  namespace fs = std::filesystem;
  fs::path path(value);
  if (path.is_relative()) path = fs::path(options.baseDirectory) / path;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw InputError(where, "cannot read the image file " + path.string() + " (does it exist?)");
  }
  // A folder or a device (/dev/null, a pipe) is not an image file, nor is an empty file.
  const bool regular = fs::is_regular_file(path, ec);
  auto size = regular ? fs::file_size(path, ec) : 0;
  if (ec || size == 0) {
    throw InputError(where, path.string() + " is not an image file (" +
                                (regular ? "it is empty" : "not a file") + ")");
  }
  if (size > kMaxImageBytes) {
    throw InputError(where, "the image file " + path.string() + " is too large (" +
                                std::to_string(size >> 10) + " KiB; at most " +
                                std::to_string(kMaxImageBytes >> 20) + " MiB)");
  }
  std::ifstream in(path, std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw InputError(where, "cannot read " + path.string());
  return bytes;
}

}  // namespace

std::shared_ptr<const ImageData> loadImage(const std::string& value, const std::string& where,
                                           const ComposeOptions& options) {
  const bool dataUri = value.rfind("data:", 0) == 0;
  // A file is known by its folder too: the same name may be another file elsewhere.
  const std::string key = dataUri ? value : options.baseDirectory + "\n" + value;
  if (options.cache && (dataUri || options.allowFilePaths)) {
    if (auto known = options.cache->images.find(key)) return known;
  }
  size_t prefix = 0;
  if (dataUri) {
    if (value.rfind(kPngPrefix, 0) == 0) {
      prefix = kPngPrefix.size();
    } else if (value.rfind(kJpegPrefix, 0) == 0) {
      prefix = kJpegPrefix.size();
    } else {
      throw InputError(where,
                       "only PNG or JPEG images are accepted: data:image/png;base64,… or "
                       "data:image/jpeg;base64,…");
    }
  }
  std::vector<uint8_t> bytes =
      dataUri ? fromDataUri(value, prefix, where) : fromFile(value, where, options);
  if (bytes.size() > kMaxImageBytes) {
    throw InputError(
        where, "the image is too large (at most " + std::to_string(kMaxImageBytes >> 20) + " MiB)");
  }
  auto image = std::make_shared<ImageData>();
  if (looksLikeJpeg(bytes)) {
    JpegCheck check = checkJpeg(bytes, kMaxImagePixels);
    if (!check.info) throw InputError(where, "the image " + check.problem.english());
    image->pixelWidth = check.info->width;
    image->pixelHeight = check.info->height;
    image->jpeg = true;
    image->components = check.info->components;
  } else {
    PngCheck check = checkPng(bytes, kMaxImagePixels);
    if (!check.info) {
      throw InputError(
          where, "the image " + check.problem.english() + " (PNG or JPEG images are accepted)");
    }
    image->pixelWidth = check.info->width;
    image->pixelHeight = check.info->height;
  }
  image->png = std::move(bytes);
  image->source = where;
  if (options.cache) options.cache->images.add(key, image);
  return image;
}

std::shared_ptr<const ImageData> loadImageField(const Record& record, const std::string& field,
                                                const ComposeOptions& options) {
  if (!record.has(field)) return nullptr;
  if (!record.value(field).isString()) {  // a list of one
    const auto values = record.list(field);
    if (values.empty()) return nullptr;
    return loadImage(values.front(), jsonPath(record.path(field), 0), options);
  }
  return loadImage(record.text(field), record.path(field), options);
}

std::vector<std::shared_ptr<const ImageData>> loadImageList(const Record& record,
                                                            const std::string& field,
                                                            const ComposeOptions& options) {
  std::vector<std::shared_ptr<const ImageData>> out;
  if (!record.has(field)) return out;
  if (record.value(field).isString()) {
    out.push_back(loadImageField(record, field, options));
    return out;
  }
  const auto values = record.list(field);
  for (size_t i = 0; i < values.size(); ++i) {
    out.push_back(loadImage(values[i], jsonPath(record.path(field), i), options));
  }
  return out;
}

}  // namespace gongwen
