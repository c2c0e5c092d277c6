// When a document was made, for its metadata: SOURCE_DATE_EPOCH when set (reproducible
// builds), else the document's own creation time, else now. Seconds since the epoch.
#pragma once

#include "layout/DisplayList.h"

namespace gongwen {

long long creationTimeOf(const DocumentInfo& info);

}  // namespace gongwen
