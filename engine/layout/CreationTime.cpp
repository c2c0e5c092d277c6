#include "layout/CreationTime.h"

#include <cstdlib>
#include <ctime>

namespace gongwen {

long long creationTimeOf(const DocumentInfo& info) {
  long long when = info.creationTime;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    when = std::atoll(epoch);
  }
  if (when == 0) when = static_cast<long long>(std::time(nullptr));
  return when;
}

}  // namespace gongwen
