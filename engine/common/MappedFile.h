// A read-only memory map of a whole file (fonts are large; we never copy them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gongwen {

class MappedFile {
 public:
  // Throws std::runtime_error naming the file and the reason.
  explicit MappedFile(const std::string& path);
  // Owns a copy of `bytes` instead (fonts that arrive as data).
  explicit MappedFile(std::vector<uint8_t> bytes);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
  std::vector<uint8_t> owned_;
};

}  // namespace gongwen
