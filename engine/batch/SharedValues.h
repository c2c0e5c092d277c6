// Values every record of a batch shares — the seal, the issuer, the date — given once
// (`gongwen batch --set FIELD=VALUE`, an HTTP batch's "defaults" or query fields, the web
// page's form above the table) instead of in every row. A record's own value wins.
#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "batch/BatchRenderer.h"
#include "model/Layout.h"

namespace gongwen {

// Copies each default into every record that has no value (or an empty one) for it.
void applyDefaults(std::vector<BatchItem>& items, const Poco::JSON::Object::Ptr& defaults);
void applyDefaults(BatchItem& item, const Poco::JSON::Object::Ptr& defaults);

// "FIELD=VALUE" settings → defaults. FIELD is a field's name, label or alias; an image
// field's value that is a path is made absolute against `baseDirectory` (the working
// directory for the command line), a list field's value is split on ; and newlines.
// Throws InputError("--set") naming the setting when FIELD is no field of `layout` or a
// setting has no '='.
Poco::JSON::Object::Ptr defaultsFromSettings(const std::vector<std::string>& settings,
                                             const Layout& layout,
                                             const std::string& baseDirectory);

}  // namespace gongwen
