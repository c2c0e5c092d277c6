// 套打 over HTTP: ?overlay=1 (only what the office prints), ?offset=X,Y (mm, X right,
// Y down) and ?scale=S (about the page's top-left corner) on /v1/render and /v1/batch.
// The web page keeps printer profiles in the browser and sends their offset and scale.
#pragma once

#include <Poco/JSON/Object.h>

#include <map>
#include <string>

#include "layout/PrintAdjust.h"
#include "render/Engine.h"
#include "server/Reply.h"

namespace gongwen::server {

// Throws ApiError 400 "bad query parameter" naming the parameter.
PrintAdjust printAdjustFromQuery(const std::map<std::string, std::string>& query);

// POST /v1/render?format=svg: the first page as SVG (render/SvgPreview.h), for the web
// page's preview over a photo of the card. Never a file named by the request.
Reply svgPreview(const Engine& engine, const Poco::JSON::Object::Ptr& record,
                 RenderOptions options);

}  // namespace gongwen::server
