// Numbers as short decimal text for page descriptions (PDF content streams, OFD XML):
// thousandths written with at most three decimals, trailing zeros trimmed ("12.5", "-0.25",
// "3", "0"), without snprintf's cost (a batch writes millions of them).
#pragma once

#include <string>

namespace gongwen {

void appendThousandths(std::string& out, long long thousandths);

}  // namespace gongwen
