// The parts of a workbook as XlsxPackage streams them: the in-place scanner gives the
// handler what expat would (references decoded, CDATA, CR LF → LF, names as written),
// across the 64 KiB pieces the parts inflate in; refuses a DTD and broken XML naming the
// part; a UTF-16 part goes through expat; stored parts, the inflated-size limit, a handler
// that stops.
#include "batch/XlsxParts.h"

#include <Poco/Zip/Compress.h>
#include <gtest/gtest.h>

#include <sstream>

#include "common/Errors.h"

namespace gongwen::test {
namespace {

// Every call as a line: "<name a=v …>", "</name>", "text" (adjacent pieces joined).
struct Recorder : XmlHandler {
  std::vector<std::string> calls;
  std::string pending;
  size_t stopAfter = 0;  // stop() at the start of this many elements (0: never)
  size_t starts = 0;
  void flush() {
    if (!pending.empty()) calls.push_back(pending);
    pending.clear();
  }
  void start(std::string_view name, const char** a) override {
    flush();
    std::string line = "<" + std::string(name);
    for (; a[0]; a += 2) line += " " + std::string(a[0]) + "=" + a[1];
    calls.push_back(line + ">");
    if (++starts == stopAfter) stop();
  }
  void end(std::string_view name) override {
    flush();
    calls.push_back("</" + std::string(name) + ">");
  }
  void text(std::string_view s) override { pending.append(s); }
};

std::string zipOf(
    const std::vector<std::pair<std::string, std::string>>& parts,
    Poco::Zip::ZipCommon::CompressionMethod method = Poco::Zip::ZipCommon::CM_DEFLATE) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, text] : parts) {
    std::istringstream in(text);
    zip.addFile(in, Poco::DateTime(), Poco::Path(name, Poco::Path::PATH_UNIX), method);
  }
  zip.close();
  return out.str();
}

std::vector<std::string> callsOf(
    const std::string& xml,
    Poco::Zip::ZipCommon::CompressionMethod method = Poco::Zip::ZipCommon::CM_DEFLATE) {
  const std::string zip = zipOf({{"a.xml", xml}}, method);
  XlsxPackage package(zip, "in.xlsx", 1 << 30);
  Recorder r;
  EXPECT_TRUE(package.parse("a.xml", r));
  r.flush();
  return r.calls;
}

std::string failureOf(const std::string& xml) {
  const std::string zip = zipOf({{"a.xml", xml}});
  try {
    XlsxPackage package(zip, "in.xlsx", 1 << 30);
    Recorder r;
    package.parse("a.xml", r);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(XlsxParts, ReferencesCdataCommentsLineEndsAndAttributes) {
  const std::string xml =
      "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
      "<!-- written by hand -->\n"
      "<x:sst xmlns:x=\"urn:x\" count = '2'>"
      "<x:si><x:t xml:space=\"preserve\">A &amp; B &lt;C&gt; &quot;d&quot; &apos;e&apos; "
      "&#20013;&#x6587;\r\nline\rtwo</x:t></x:si>"
      "<x:si><x:t><![CDATA[<raw> & ]]>tail</x:t><?pi data?><empty a=\"1&amp;2\tb\"/></x:si>"
      "</x:sst>\n";
  for (auto method : {Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CM_STORE}) {
    const std::vector<std::string> want = {"<x:sst xmlns:x=urn:x count=2>",
                                           "<x:si>",
                                           "<x:t xml:space=preserve>",
                                           "A & B <C> \"d\" 'e' 中文\nline\ntwo",
                                           "</x:t>",
                                           "</x:si>",
                                           "<x:si>",
                                           "<x:t>",
                                           "<raw> & tail",
                                           "</x:t>",
                                           "<empty a=1&2 b>",
                                           "</empty>",
                                           "</x:si>",
                                           "</x:sst>"};
    EXPECT_EQ(callsOf(xml, method), want);
  }
  EXPECT_EQ(localName("x:row"), "row");
  EXPECT_EQ(localName("row"), "row");
}

TEST(XlsxParts, TokensAcrossThePiecesAPartInflatesIn) {
  // 30 000 cells (about 1.2 MB, 19 pieces of 64 KiB) and one text of 200 000 bytes.
  std::string xml = "<sheetData>";
  for (int i = 0; i < 30000; ++i) {
    xml += "<c r=\"A" + std::to_string(i + 1) + "\" t='s'><v>" + std::to_string(i) +
           "&amp;&#x4E2D;</v></c>";
  }
  const std::string longText(200000, 'x');
  xml += "<t>" + longText + "</t></sheetData>";
  const auto calls = callsOf(xml);
  ASSERT_EQ(calls.size(), 2u + 30000u * 5u + 3u);
  for (int i = 0; i < 30000; i += 997) {
    const size_t at = 1 + static_cast<size_t>(i) * 5;
    EXPECT_EQ(calls[at], "<c r=A" + std::to_string(i + 1) + " t=s>");
    EXPECT_EQ(calls[at + 2], std::to_string(i) + "&中");
  }
  EXPECT_EQ(calls[calls.size() - 3], longText);
}

TEST(XlsxParts, BrokenXmlAndADtdAreRefusedNamingThePart) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", "it has a DTD"},
      {"<a><b></a>", "the end tag </a> does not close <b>"},
      {"<a><b>", "it ends inside <b>"},
      {"<a>&nbsp;</a>", "the entity &nbsp; is not XML's"},
      {"<a>&#0;</a>", "the reference &#0; is not a character"},
      {"<a>\xC3\x28</a>", "its text is not UTF-8"},
      {"<a b=c/>", "an attribute value without quotes"},
      {"<a/><b/>", "<b> after the root element"},
      {"", "it has no element"},
      {"<a", "it ends inside a tag"}};
  for (const auto& [xml, why] : cases) {
    const std::string message = failureOf(xml);
    EXPECT_NE(message.find("in.xlsx: is not a readable .xlsx workbook (a.xml: not XML: " + why),
              std::string::npos)
        << xml << " → " << message;
  }
}

TEST(XlsxParts, AUtf16PartGoesThroughExpat) {
  const std::u16string text = u"<?xml version=\"1.0\" encoding=\"UTF-16\"?><a x=\"中\">文&amp;</a>";
  std::string bytes = "\xFF\xFE";
  for (char16_t c : text) {
    bytes.push_back(static_cast<char>(c & 0xFF));
    bytes.push_back(static_cast<char>(c >> 8));
  }
  EXPECT_EQ(callsOf(bytes), (std::vector<std::string>{"<a x=中>", "文&", "</a>"}));
  // Broken there too: the part and expat's reason.
  EXPECT_NE(failureOf("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a></b>")
                .find("a.xml: line 1: mismatched tag"),
            std::string::npos)
      << failureOf("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a></b>");
}

TEST(XlsxParts, TheLimitAStoppingHandlerAndAMissingPart) {
  const std::string zip = zipOf(
      {{"a.xml", "<a>" + std::string(300000, 'y') + "</a>"}, {"b.xml", "<b><c/><c/><c/></b>"}});
  {
    XlsxPackage package(zip, "in.xlsx", 100000);
    Recorder r;
    try {
      package.parse("a.xml", r);
      ADD_FAILURE() << "read past the limit";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("a.xml inflates to more than 0 MiB"), std::string::npos)
          << e.what();
    }
  }
  XlsxPackage package(zip, "in.xlsx", 1 << 30);
  Recorder r;
  r.stopAfter = 2;
  EXPECT_FALSE(package.parse("b.xml", r));
  EXPECT_EQ(r.calls, (std::vector<std::string>{"<b>", "<c>"}));
  EXPECT_TRUE(package.has("b.xml"));
  EXPECT_FALSE(package.has("c.xml"));
  EXPECT_THROW(package.parse("c.xml", r), InputError);
}

}  // namespace
}  // namespace gongwen::test
