#include "support/DataUri.h"

#include <Poco/Base64Encoder.h>

#include <sstream>

#include "support/TestEngine.h"

namespace gongwen::test {

std::string pngDataUri(const std::string& bytes) {
  std::ostringstream b64;
  {
    Poco::Base64Encoder encoder(b64);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
  }
  return "data:image/png;base64," + b64.str();
}

std::string specimenSealDataUri() {
  return pngDataUri(readText(std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/specimen-seal.png"));
}

}  // namespace gongwen::test
