#include "support/OfdReader.h"

#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Node.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <sstream>

namespace gongwen::test {

std::map<std::string, std::string> unzipParts(const std::vector<uint8_t>& zip) {
  const std::string bytes(zip.begin(), zip.end());
  std::istringstream in(bytes, std::ios::binary);
  Poco::Zip::ZipArchive archive(in);
  std::map<std::string, std::string> out;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
    if (it->second.isDirectory()) continue;
    in.clear();
    Poco::Zip::ZipInputStream part(in, it->second, true);
    std::ostringstream content;
    Poco::StreamCopier::copyStream(part, content);
    out[it->first] = content.str();
  }
  return out;
}

XmlPart::XmlPart(const std::string& text) {
  Poco::XML::DOMParser parser;
  doc_ = parser.parseString(text);
}

Poco::XML::Element* XmlPart::root() const { return doc_->documentElement(); }

std::vector<Poco::XML::Element*> XmlPart::under(Poco::XML::Element* from,
                                                const std::string& localName) {
  std::vector<Poco::XML::Element*> out;
  std::vector<Poco::XML::Node*> stack = {from};
  while (!stack.empty()) {
    Poco::XML::Node* n = stack.back();
    stack.pop_back();
    if (n != from && n->nodeType() == Poco::XML::Node::ELEMENT_NODE && n->localName() == localName)
      out.push_back(static_cast<Poco::XML::Element*>(n));
    std::vector<Poco::XML::Node*> children;
    for (Poco::XML::Node* c = n->firstChild(); c; c = c->nextSibling()) children.push_back(c);
    stack.insert(stack.end(), children.rbegin(), children.rend());  // document order
  }
  return out;
}

std::vector<Poco::XML::Element*> XmlPart::all(const std::string& localName) const {
  auto found = under(root(), localName);
  if (root()->localName() == localName) found.insert(found.begin(), root());
  return found;
}

std::string XmlPart::text(Poco::XML::Element* e) { return e->innerText(); }

std::string XmlPart::first(const std::string& localName) const {
  auto found = all(localName);
  return found.empty() ? "" : text(found.front());
}

std::vector<double> ofdArray(const std::string& s) {
  std::istringstream in(s);
  std::vector<double> out;
  std::string token;
  while (in >> token) {
    if (token == "g") {
      size_t n = 0;
      double v = 0;
      in >> n >> v;
      out.insert(out.end(), n, v);
    } else {
      out.push_back(std::stod(token));
    }
  }
  return out;
}

}  // namespace gongwen::test
