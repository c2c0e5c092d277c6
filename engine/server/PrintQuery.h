// 套打 over HTTP: ?overlay=1 (only what the office prints), ?offset=X,Y (mm, X right,
// Y down) and ?scale=S (about the page's top-left corner) on /v1/render and /v1/batch.
// The web page keeps printer profiles in the browser and sends their offset and scale.
#pragma once

#include <map>
#include <string>

#include "common/PrintAdjust.h"

namespace gongwen::server {

// Throws ApiError 400 "bad query parameter" naming the parameter.
PrintAdjust printAdjustFromQuery(const std::map<std::string, std::string>& query);

}  // namespace gongwen::server
