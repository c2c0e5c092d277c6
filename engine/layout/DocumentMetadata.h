// The PDF document info (Title, Author, Subject, Keywords) from the fields the layout's
// "metadata" names.
#pragma once

#include "layout/DisplayList.h"
#include "model/Layout.h"
#include "model/Record.h"

namespace gongwen {

void setDocumentInfo(DocumentInfo& info, const Layout& layout, const Record& record);

}  // namespace gongwen
