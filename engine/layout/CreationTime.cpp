#include "layout/CreationTime.h"

#include <cerrno>
#include <cstdlib>
#include <ctime>

namespace gongwen {

long long creationTimeOf(const DocumentInfo& info) {
  // SOURCE_DATE_EPOCH (reproducible-builds.org): a whole decimal number of seconds, 0 — the
  // epoch itself — included; anything else in it is ignored.
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    errno = 0;
    const long long when = std::strtoll(epoch, &end, 10);
    if (errno == 0 && *end == '\0' && when >= 0) return when;
  }
  if (info.creationTime != 0) return info.creationTime;
  return static_cast<long long>(std::time(nullptr));
}

}  // namespace gongwen
