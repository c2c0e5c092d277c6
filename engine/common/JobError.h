// Why a whole job failed, for the front ends to map to an exit code or an HTTP status
// (the message is the same for both): a bad record is an InputError; these are the
// failures of the job as a whole. (Limits reached while working are LimitExceeded,
// common/WorkBudget.h; JSON over its limits JsonLimitError, common/Json.h.)
#pragma once

#include <string>

#include "common/Errors.h"

namespace gongwen {

class JobError : public InputError {
 public:
  enum class Kind {
    MalformedJson,   // the input cannot be read as JSON at all (HTTP 400)
    MalformedCsv,    // … or as CSV (HTTP 400)
    MalformedXlsx,   // … or as an xlsx workbook (HTTP 400)
    Invalid,         // readable, but not a job (no layout, no records; HTTP 422)
    TooManyRecords,  // HTTP 413
    NothingPrinted,  // every record failed, or --strict and one did (HTTP 422)
  };
  JobError(Kind kind, Message where, Message message)
      : InputError(std::move(where), std::move(message)), kind_(kind) {}
  JobError(Kind kind, std::string where, Message message)
      : InputError(std::move(where), std::move(message)), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

}  // namespace gongwen
