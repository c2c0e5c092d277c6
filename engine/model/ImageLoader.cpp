#include "model/ImageLoader.h"

#include <Poco/Base64Decoder.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "common/Errors.h"
#include "common/JpegCheck.h"
#include "common/PngCheck.h"

namespace gongwen {
namespace {

constexpr std::string_view kPngPrefix = "data:image/png;base64,";
constexpr std::string_view kJpegPrefix = "data:image/jpeg;base64,";

std::vector<uint8_t> fromDataUri(const std::string& value, size_t prefixSize,
                                 const std::string& where) {
  std::string payload = value.substr(prefixSize);
  if (payload.size() > kMaxImageBytes / 3 * 4 + 4) {
    throw InputError(where,
                     Message("the image is too large (at most {0} MiB)", kMaxImageBytes >> 20));
  }
  for (char c : payload) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=' ||
              c == '\n' || c == '\r';
    if (!ok) throw InputError(where, Message("the data: URI is not valid base64"));
  }
  std::istringstream in(payload);
  Poco::Base64Decoder decoder(in);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(decoder)),
                             std::istreambuf_iterator<char>());
  return bytes;
}

std::vector<uint8_t> fromFile(const std::string& value, const std::string& where,
                              const ImageSource& options) {
  if (!options.allowFilePaths) {
    throw InputError(where, Message("must be a data:image/png;base64,… (or "
                                    "data:image/jpeg;base64,…) URI here (file paths are not "
                                    "accepted)"));
  }
  namespace fs = std::filesystem;
  fs::path path(value);
  if (path.is_relative()) path = fs::path(options.baseDirectory) / path;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw InputError(where,
                     Message("cannot read the image file {0} (does it exist?)", path.string()));
  }
  // A folder or a device (/dev/null, a pipe) is not an image file, nor is an empty file.
  const bool regular = fs::is_regular_file(path, ec);
  auto size = regular ? fs::file_size(path, ec) : 0;
  if (ec || size == 0) {
    throw InputError(where, regular
                                ? Message("{0} is not an image file (it is empty)", path.string())
                                : Message("{0} is not an image file (not a file)", path.string()));
  }
  if (size > kMaxImageBytes) {
    throw InputError(where, Message("the image file {0} is too large ({1} KiB; at most {2} MiB)",
                                    path.string(), size >> 10, kMaxImageBytes >> 20));
  }
  std::ifstream in(path, std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw InputError(where, Message("cannot read {0}", path.string()));
  return bytes;
}

}  // namespace

std::shared_ptr<const ImageData> loadImage(const std::string& value, const std::string& where,
                                           const ImageSource& options) {
  const bool dataUri = value.rfind("data:", 0) == 0;
  // A file is known by its folder too: the same name may be another file elsewhere.
  const std::string key = dataUri ? value : options.baseDirectory + "\n" + value;
  if (options.cache && (dataUri || options.allowFilePaths)) {
    if (auto known = options.cache->find(key)) return known;
  }
  size_t prefix = 0;
  if (dataUri) {
    if (value.rfind(kPngPrefix, 0) == 0) {
      prefix = kPngPrefix.size();
    } else if (value.rfind(kJpegPrefix, 0) == 0) {
      prefix = kJpegPrefix.size();
    } else {
      throw InputError(where, Message("only PNG or JPEG images are accepted: "
                                      "data:image/png;base64,… or data:image/jpeg;base64,…"));
    }
  }
  std::vector<uint8_t> bytes =
      dataUri ? fromDataUri(value, prefix, where) : fromFile(value, where, options);
  if (bytes.size() > kMaxImageBytes) {
    throw InputError(where,
                     Message("the image is too large (at most {0} MiB)", kMaxImageBytes >> 20));
  }
  auto image = std::make_shared<ImageData>();
  if (looksLikeJpeg(bytes)) {
    JpegCheck check = checkJpeg(bytes, kMaxImagePixels);
    if (!check.info) throw InputError(where, Message("the image {0}", check.problem));
    image->pixelWidth = check.info->width;
    image->pixelHeight = check.info->height;
    image->jpeg = true;
    image->components = check.info->components;
  } else {
    PngCheck check = checkPng(bytes, kMaxImagePixels);
    if (!check.info) {
      throw InputError(where,
                       Message("the image {0} (PNG or JPEG images are accepted)", check.problem));
    }
    image->pixelWidth = check.info->width;
    image->pixelHeight = check.info->height;
  }
  image->png = std::move(bytes);
  image->source = where;
  if (options.cache) options.cache->add(key, image);
  return image;
}

}  // namespace gongwen
