#include "model/LayoutCatalog.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/Errors.h"

namespace gongwen {

namespace {

// An installed program's data beside it: <prefix>/bin/gongwen → <prefix>/share/gongwen
// (GONGWEN_RELATIVE_DATA_DIR, from the install directories), so that any prefix works.
// "" when the program runs from a build tree (no layouts/ there).
std::string installedDataDirectory() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return "";
  std::filesystem::path dir = (exe.parent_path() / GONGWEN_RELATIVE_DATA_DIR).lexically_normal();
  if (!std::filesystem::is_directory(dir / "layouts", ec)) return "";
  return dir.string();
}

}  // namespace

std::string dataDirectory() {
  if (const char* env = std::getenv("GONGWEN_DATA_DIR"); env && *env) return env;
  static const std::string installed = installedDataDirectory();
  if (!installed.empty()) return installed;
  return GONGWEN_SOURCE_DATA_DIR;
}

std::string readFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw InputError(path, Message("is a directory, not a file"));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, Message("cannot read the file (does it exist?)"));
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw InputError(path, Message("read error"));
  return ss.str();
}

std::shared_ptr<const LayoutCatalog> LayoutCatalog::loadDirectory(
    const std::string& dir, const FlowElementKinds& elements) {
  auto catalog = std::make_shared<LayoutCatalog>();
  catalog->dir_ = dir;
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) throw InputError(dir, Message("cannot read the layouts folder: {0}", ec.message()));
  for (const auto& entry : it) {
    if (entry.path().extension() != ".json") continue;
    std::string path = entry.path().string();
    Layout layout = Layout::fromJson(readFile(path), path, elements);
    if (layout.name != entry.path().stem().string()) {
      throw InputError(
          path, Message("the layout's \"name\" ({0}) must match its file name", layout.name));
    }
    catalog->layouts_.emplace(layout.name, std::move(layout));
  }
  return catalog;
}

const Layout& LayoutCatalog::get(const std::string& name) const {
  auto it = layouts_.find(name);
  if (it != layouts_.end()) return it->second;
  throw InputError("$.layout", Message("unknown layout \"{0}\"; the layouts are: {1}", name,
                                       joinedNames(names())));
}

std::vector<std::string> LayoutCatalog::names() const {
  std::vector<std::string> out;
  for (const auto& [n, l] : layouts_) out.push_back(n);
  return out;
}

}  // namespace gongwen
