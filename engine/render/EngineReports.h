// What `gongwen fonts` and `gongwen layouts` print: which file serves each font role, the
// layouts and their fields, and the check of a folder of layout files (an office's own
// templates) before it is put to use.
#pragma once

#include <string>

#include "common/Message.h"
#include "render/EngineFactory.h"

namespace gongwen {

struct FontsReport {
  std::string text;
  bool everyRoleServed = true;  // false: a role has no installed candidate
};
FontsReport describeFonts(const EngineSettings& settings, Language language = Language::English);

// Every layout with its label and fields, in `language` (the field names and types as the
// layout files write them in English; in Chinese the label first, the type said in words).
std::string describeLayouts(const EngineSettings& settings, Language language = Language::English);

// Loads every layout in `dir` ("" = the data folder's layouts/) as the engine would —
// unknown keys, bad values, boxes over the art — with the configured fonts. Throws
// InputError naming the file and key of the first problem; returns a line saying what
// was checked.
std::string checkLayouts(const EngineSettings& settings, const std::string& dir,
                         Language language = Language::English);

}  // namespace gongwen
