#include "support/KeptPdfs.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <sstream>
#include <thread>

namespace gongwen::test {
namespace {

namespace fs = std::filesystem;

// Larger files are left out: the check would take longer than the test that made them.
constexpr size_t kLargestKept = 16 * 1024 * 1024;

const char* keepDirectory() {
  const char* dir = std::getenv("GONGWEN_TEST_PDF_DIR");
  return dir && *dir ? dir : nullptr;
}

// "Suite.Test" (parameters and slashes made file-name safe), or "no-test".
std::string currentTestName() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name =
      info ? std::string(info->test_suite_name()) + "." + info->name() : std::string("no-test");
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') c = '_';
  }
  return name;
}

bool isPdf(std::string_view bytes) { return bytes.substr(0, 5) == "%PDF-"; }

}  // namespace

void keepPdf(std::string_view bytes) {
  const char* dir = keepDirectory();
  if (!dir || !isPdf(bytes) || bytes.size() > kLargestKept) return;
  std::ostringstream name;
  name << dir << "/" << currentTestName() << "-" << std::hex << std::setw(16) << std::setfill('0')
       << std::hash<std::string_view>{}(bytes) << ".pdf";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (fs::exists(name.str(), ec)) return;  // the same PDF from the same test
  // One temporary per process and thread: two threads may keep the same PDF at once.
  const std::string temporary =
      name.str() + "." + std::to_string(::getpid()) + "-" +
      std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())) + ".part";
  {
    std::ofstream out(temporary, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  fs::rename(temporary, name.str(), ec);
}

void keepPdfsUnder(const std::string& directory) {
  if (!keepDirectory()) return;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(directory, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const auto size = it->file_size(ec);
    if (ec || size < 5 || size > kLargestKept) continue;
    std::ifstream in(it->path(), std::ios::binary);
    char head[5] = {};
    if (!in.read(head, 5) || !isPdf(std::string_view(head, 5))) continue;
    std::string bytes(size, '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (in) keepPdf(bytes);
  }
}

}  // namespace gongwen::test
