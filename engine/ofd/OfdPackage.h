// The OFD container: a zip of the package's parts (GB/T 33190-2016 §7.1), its entries
// compressed on several threads (a batch's thousand pages are a thousand XML parts).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gongwen::ofd {

struct PackagePart {
  std::string name;  // path inside the package, "Doc_0/Pages/Page_0/Content.xml"
  std::string bytes;
  bool deflate = true;  // false for what is compressed already (PNG)
};

// Every part dated `when` (seconds since the epoch; from 1980, the zip format's start).
// Throws std::runtime_error past the plain zip format's limits (65 535 parts, 4 GB).
std::vector<uint8_t> zipPackage(const std::vector<PackagePart>& parts, long long when);

}  // namespace gongwen::ofd
