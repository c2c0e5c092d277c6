// Runs a shell command for a test and captures what it says.
#pragma once

#include <string>
#include <vector>

namespace gongwen::test {

struct ProcessResult {
  int exitCode = -1;
  std::string out, err;
};

ProcessResult runShell(const std::string& command, const std::string& stdinText = "");

// A fresh folder under the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

void writeText(const std::string& path, const std::string& text);
bool fileExists(const std::string& path);
// The names in folder `dir`, sorted.
std::vector<std::string> directoryEntries(const std::string& dir);

// The gongwen binary the tests were built with.
inline std::string cli() { return GONGWEN_CLI_PATH; }
// "'…'" quoting for the shell.
std::string shellQuote(const std::string& s);

}  // namespace gongwen::test
