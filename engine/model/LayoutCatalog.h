// Every layout in a folder (layouts/*.json), loaded once and read-only afterwards.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/Layout.h"

namespace gongwen {

class LayoutCatalog {
 public:
  // Loads every *.json in `dir`. Throws InputError naming the file of a bad layout.
  static std::shared_ptr<const LayoutCatalog> loadDirectory(const std::string& dir,
                                                            const FlowElementKinds& elements);

  // Throws InputError ("$.layout") listing the known names when there is no such layout.
  const Layout& get(const std::string& name) const;
  std::vector<std::string> names() const;
  const std::string& directory() const { return dir_; }

 private:
  std::string dir_;
  std::map<std::string, Layout> layouts_;
};

// Where layouts/ and fonts/ are: $GONGWEN_DATA_DIR, else the source tree the binary was
// built from.
std::string dataDirectory();

// Reads a whole file; throws InputError naming it when it cannot be read.
std::string readFile(const std::string& path);

}  // namespace gongwen
