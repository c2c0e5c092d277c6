#include "server/ZipArchive.h"

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <sstream>

namespace gongwen::server {

std::string zipArchive(const std::vector<ZipEntry>& entries) {
  std::ostringstream out(std::ios::binary);
  Poco::Zip::Compress zip(out, true);
  Poco::DateTime now;
  for (const auto& e : entries) {
    std::istringstream in(e.bytes, std::ios::binary);
    // PDF streams and OFD packages are compressed already; storing them costs little and saves
    // time.
    zip.addFile(in, now, Poco::Path(e.name, Poco::Path::PATH_UNIX),
                e.name.ends_with(".pdf") || e.name.ends_with(".ofd")
                    ? Poco::Zip::ZipCommon::CM_STORE
                    : Poco::Zip::ZipCommon::CM_DEFLATE);
  }
  zip.close();
  return out.str();
}

}  // namespace gongwen::server
