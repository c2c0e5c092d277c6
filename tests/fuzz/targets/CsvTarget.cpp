// Any bytes as a spreadsheet (UTF-8, UTF-16, GB18030 detection and RFC 4180 quoting).
#include <string_view>

#include "batch/CsvReader.h"
#include "common/Errors.h"
#include "fuzz/targets/FuzzTargets.h"

namespace gongwen::fuzz {

int csv(const uint8_t* data, size_t size) {
  try {
    auto table =
        gongwen::readCsv(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
    for (const auto& row : table.rows) {
      if (row.record->size() > table.header.size()) __builtin_trap();
    }
  } catch (const gongwen::InputError&) {
  }
  return 0;
}

}  // namespace gongwen::fuzz
