#include "model/LayoutCatalog.h"

#include <algorithm>
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

LayoutCatalog::LayoutCatalog(std::string dir, FlowElementKinds elements)
    : dir_(std::move(dir)), elements_(std::move(elements)) {
  std::error_code ec;
  std::filesystem::directory_iterator it(dir_, ec);
  if (ec) throw InputError(dir_, Message("cannot read the layouts folder: {0}", ec.message()));
  for (const auto& entry : it) {
    if (entry.path().extension() == ".json") names_.push_back(entry.path().stem().string());
  }
  std::sort(names_.begin(), names_.end());
}

std::shared_ptr<const LayoutCatalog> LayoutCatalog::openDirectory(
    const std::string& dir, const FlowElementKinds& elements) {
  return std::shared_ptr<const LayoutCatalog>(new LayoutCatalog(dir, elements));
}

std::shared_ptr<const LayoutCatalog> LayoutCatalog::loadDirectory(
    const std::string& dir, const FlowElementKinds& elements) {
  std::shared_ptr<LayoutCatalog> catalog(new LayoutCatalog(dir, elements));
  {
    std::lock_guard lock(catalog->mutex_);
    for (const auto& name : catalog->names_) catalog->load(name);
  }
  catalog->loadedAtOnce_ = true;
  return catalog;
}

const Layout& LayoutCatalog::load(const std::string& name) const {
  if (auto it = layouts_.find(name); it != layouts_.end()) return it->second;
  const std::string path = (std::filesystem::path(dir_) / (name + ".json")).string();
  Layout layout = Layout::fromJson(readFile(path), path, elements_);
  if (layout.name != name) {
    throw InputError(path,
                     Message("the layout's \"name\" ({0}) must match its file name", layout.name));
  }
  return layouts_.emplace(name, std::move(layout)).first->second;
}

bool LayoutCatalog::has(const std::string& name) const {
  return std::binary_search(names_.begin(), names_.end(), name);
}

const Layout& LayoutCatalog::get(const std::string& name) const {
  if (has(name)) {
    std::lock_guard lock(mutex_);
    return load(name);
  }
  throw InputError("$.layout", Message("unknown layout \"{0}\"; the layouts are: {1}", name,
                                       joinedNames(names())));
}

}  // namespace gongwen
