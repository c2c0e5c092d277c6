// One Engine for the whole test run, built from the source tree's layouts/ and fonts/.
#pragma once

#include <memory>
#include <string>

#include "render/Engine.h"

namespace gongwen::test {

const Engine& engine();
// Parses JSON text into a record (test inputs are written inline).
Poco::JSON::Object::Ptr record(const std::string& json);
// An article record with the given body.
Poco::JSON::Object::Ptr article(const std::string& title, const std::string& body);
std::string readText(const std::string& path);

}  // namespace gongwen::test
