#include "common/Message.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "common/MessageCatalogue.h"

namespace gongwen {

Message Message::verbatim(std::string text) {
  Message m;
  m.verbatim_ = std::move(text);
  return m;
}

Message::Argument Message::argument(double d) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", d);
  return {buffer, nullptr};
}

namespace {

std::string argumentText(const std::string& text, const Message* message, Language language) {
  return message ? message->text(language) : text;
}

}  // namespace

std::string Message::text(Language language) const {
  if (list_) {
    std::string out;
    for (size_t i = 0; i < args_.size(); ++i) {
      if (i) out += language == Language::Chinese ? "、" : ", ";
      out += argumentText(args_[i].text, args_[i].message.get(), language);
    }
    return out;
  }
  if (!template_) return verbatim_;
  const char* pattern = template_;
  if (language == Language::Chinese) {
    if (const char* chinese = chineseTranslation(template_)) pattern = chinese;
  }
  std::string out;
  for (const char* p = pattern; *p; ++p) {
    if (p[0] == '{' && std::isdigit(static_cast<unsigned char>(p[1])) && p[2] == '}') {
      const size_t k = static_cast<size_t>(p[1] - '0');
      if (k < args_.size()) out += argumentText(args_[k].text, args_[k].message.get(), language);
      p += 2;
      continue;
    }
    out += *p;
  }
  return out;
}

Message joinedList(std::vector<Message> items) {
  Message m;
  m.list_ = true;
  for (auto& item : items) m.args_.push_back(Message::argument(item));
  return m;
}

Message joinedNames(std::vector<std::string> names) {
  std::vector<Message> items;
  items.reserve(names.size());
  for (auto& n : names) items.push_back(Message::verbatim(std::move(n)));
  return joinedList(std::move(items));
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Language languageOfLocale(std::string_view locale) {
  const std::string l = lower(locale);
  if (l.empty() || l == "c" || l.rfind("c.", 0) == 0 || l == "posix") return Language::Chinese;
  return l.rfind("zh", 0) == 0 ? Language::Chinese : Language::English;
}

Language languageOfAcceptLanguage(std::string_view header) {
  // "en-US,en;q=0.9,zh-CN;q=0.8": the highest q among zh* and en*, the first on a tie.
  double bestQ = -1;
  Language best = Language::Chinese;
  size_t start = 0;
  while (start <= header.size()) {
    size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string item = lower(header.substr(start, end - start));
    start = end + 1;
    double q = 1;
    if (auto semi = item.find(';'); semi != std::string::npos) {
      auto qAt = item.find("q=", semi);
      if (qAt != std::string::npos) q = std::atof(item.c_str() + qAt + 2);
      item.resize(semi);
    }
    const auto first = item.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    item = item.substr(first, item.find_last_not_of(" \t") - first + 1);
    Language language;
    if (item.rfind("zh", 0) == 0)
      language = Language::Chinese;
    else if (item.rfind("en", 0) == 0)
      language = Language::English;
    else
      continue;
    if (q > bestQ && q > 0) {
      bestQ = q;
      best = language;
    }
  }
  return best;
}

}  // namespace gongwen
