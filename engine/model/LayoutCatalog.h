// Every layout in a folder (layouts/*.json): all read at once (a server), or each read when
// first asked for (a one-off render reads only the one it uses); read-only afterwards and safe
// to share between threads either way.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "model/Layout.h"

namespace gongwen {

class LayoutCatalog {
 public:
  // Loads every *.json in `dir`. Throws InputError naming the file of a bad layout.
  static std::shared_ptr<const LayoutCatalog> loadDirectory(const std::string& dir,
                                                            const FlowElementKinds& elements);
  // Lists the *.json in `dir` now and reads layouts/NAME.json when NAME is first asked for
  // (get() then throws the InputError that loadDirectory would have thrown for that file).
  static std::shared_ptr<const LayoutCatalog> openDirectory(const std::string& dir,
                                                            const FlowElementKinds& elements);

  // Throws InputError ("$.layout") listing the known names when there is no such layout.
  const Layout& get(const std::string& name) const;
  bool has(const std::string& name) const;
  std::vector<std::string> names() const { return names_; }  // sorted
  const std::string& directory() const { return dir_; }
  // Every layout was read when the catalog was made (loadDirectory).
  bool loadedAtOnce() const { return loadedAtOnce_; }

 private:
  LayoutCatalog(std::string dir, FlowElementKinds elements);
  const Layout& load(const std::string& name) const;  // with mutex_ held

  std::string dir_;
  FlowElementKinds elements_;
  std::vector<std::string> names_;
  bool loadedAtOnce_ = false;
  mutable std::mutex mutex_;
  // Filled once per name and never erased: references into it stay valid.
  mutable std::map<std::string, Layout, std::less<>> layouts_;
};

// Where layouts/ and fonts/ are: $GONGWEN_DATA_DIR, else the source tree the binary was
// built from.
std::string dataDirectory();

// Reads a whole file; throws InputError naming it when it cannot be read.
std::string readFile(const std::string& path);

}  // namespace gongwen
