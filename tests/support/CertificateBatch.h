// A merged certificate batch from CSV text, as the command line makes it from people.csv.
#pragma once

#include <string>

#include "job/Job.h"

namespace gongwen::test {

// `csv` as the input of `gongwen batch --layout certificate people.csv`: one merged PDF.
Job mergedCertificateJob(const std::string& csv);

}  // namespace gongwen::test
