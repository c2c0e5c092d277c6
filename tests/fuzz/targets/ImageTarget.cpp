// Any bytes as a seal image: the certificate's seal field carries them as a data: URI, so
// they go through the image field's checks (PngCheck) and, when accepted, through the PDF
// writer's PNG decoding and embedding. An InputError or a PDF, never a crash.
#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "common/Errors.h"
#include "fuzz/targets/FuzzTargets.h"
#include "pdf/PdfWriter.h"
#include "render/EngineFactory.h"

namespace gongwen::fuzz {

int image(const uint8_t* data, size_t size) {
  static const auto engine = gongwen::makeEngine(gongwen::EngineSettings{});
  std::ostringstream b64;
  {
    Poco::Base64Encoder enc(b64);
    enc.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    enc.close();
  }
  std::string uri = "data:image/png;base64,";
  for (char c : b64.str()) {
    if (c != '\r' && c != '\n') uri += c;
  }
  Poco::JSON::Object::Ptr record = new Poco::JSON::Object;
  record->set("layout", "certificate");
  record->set("recipient", "张三");
  record->set("citation", "荣获先进个人。");
  record->set("issuer", "南京市人民政府");
  record->set("date", "2012-06-13");
  record->set("seal", uri);
  gongwen::RenderOptions options;
  options.allowFilePaths = false;
  try {
    auto result = engine->layout(record, options);
    gongwen::writePdf(result.list);
  } catch (const gongwen::InputError&) {
  }
  return 0;
}

}  // namespace gongwen::fuzz
