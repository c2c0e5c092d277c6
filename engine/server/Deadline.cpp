#include "server/Deadline.h"

#include "server/ApiError.h"

namespace gongwen::server {

void Deadline::check() const {
  if (!passed()) return;
  throw ApiError(422, "time limit exceeded",
                 "rendering took longer than the limit of " + std::to_string(limit_.count()) +
                     " ms; send fewer records or shorter documents");
}

}  // namespace gongwen::server
