// Printer profiles for 套打: under a name (one per printer, or per tray: "office-hp/tray2"),
// the offset and scale that make that printer land on the card. Kept as JSON in the user's
// config folder, $XDG_CONFIG_HOME/gongwen/printers.json (~/.config/gongwen/printers.json):
//   {"printers": {"office-hp": {"offset_mm": [1.5, -0.8], "scale": 0.99}}}
// A file that is missing holds no profiles; a file that cannot be read or parsed is an
// InputError naming it (never a silent default).
#pragma once

#include <map>
#include <string>

#include "common/PrintAdjust.h"

namespace gongwen {

struct PrinterProfile {
  double offsetXMm = 0, offsetYMm = 0;
  double scale = 1;
};

class PrinterProfiles {
 public:
  // $XDG_CONFIG_HOME/gongwen/printers.json, else $HOME/.config/gongwen/printers.json.
  static std::string defaultPath();
  // Reads `path` (missing: no profiles). Throws InputError naming the file.
  static PrinterProfiles load(const std::string& path);
  // Writes atomically, making the folder when needed. Throws InputError naming the file.
  void save() const;

  const std::string& path() const { return path_; }
  const std::map<std::string, PrinterProfile>& all() const { return profiles_; }
  // Throws InputError listing the known names when `name` is not one.
  const PrinterProfile& get(const std::string& name) const;
  void set(const std::string& name, const PrinterProfile& profile);
  bool remove(const std::string& name);

 private:
  std::string path_;
  std::map<std::string, PrinterProfile> profiles_;
};

// The profile's offset and scale applied to `adjust` (its overlay flag kept).
void applyProfile(const PrinterProfile& profile, PrintAdjust& adjust);

}  // namespace gongwen
