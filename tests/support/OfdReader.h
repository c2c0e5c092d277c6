// Reads an OFD package back for tests: the zip's parts (Poco::Zip) and their XML
// (Poco::XML's DOM parser), independent of the writer's own code.
#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gongwen::test {

// Every file of the zip by its name.
std::map<std::string, std::string> unzipParts(const std::vector<uint8_t>& zip);

// A parsed XML part; elements are found by local name (without the ofd: prefix).
class XmlPart {
 public:
  explicit XmlPart(const std::string& text);
  Poco::XML::Element* root() const;
  std::vector<Poco::XML::Element*> all(const std::string& localName) const;
  static std::vector<Poco::XML::Element*> under(Poco::XML::Element* from,
                                                const std::string& localName);
  static std::string text(Poco::XML::Element* e);
  // The first descendant's text ("" when there is none).
  std::string first(const std::string& localName) const;

 private:
  Poco::AutoPtr<Poco::XML::Document> doc_;
};

// "1 2 g 3 4.5" → {1, 2, 4.5, 4.5, 4.5} (OFD's ST_Array with "g N v" repeats).
std::vector<double> ofdArray(const std::string& s);

}  // namespace gongwen::test
