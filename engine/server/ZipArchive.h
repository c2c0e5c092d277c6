// A zip file built in memory (Poco::Zip): one entry per file, for ?split=1 batches.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace gongwen::server {

struct ZipEntry {
  std::string name;  // ASCII path inside the archive
  std::string bytes;
};

std::string zipArchive(const std::vector<ZipEntry>& entries);

}  // namespace gongwen::server
