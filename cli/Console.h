// What the command line says to a person, in the language of the locale (issue 11): Chinese
// for zh_* and when the locale names no language (C, POSIX, unset); English for any other.
#pragma once

#include <iosfwd>

#include "common/Message.h"

namespace gongwen::cli {

// LC_ALL, else LC_MESSAGES, else LANG (POSIX's order).
Language languageOfEnvironment();

// "gongwen: …" on standard error.
void tell(Language language, const Message& message);
// "gongwen: 警告：…" / "gongwen: warning: …" on standard error.
void warn(Language language, const Message& message);

}  // namespace gongwen::cli
