// Page metadata, in Readability.js's order of preference (JSON-LD, then
// <meta>, then the <title>), with the additions a news archive needs: the
// publication time from microdata or <time>, and the canonical URL.
#include "web/page_metadata.h"

#include <libxml/uri.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "base/ascii.h"
#include "web/html_document.h"

namespace stet::html {
namespace {

using nlohmann::json;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && SpaceLength(s, 0)) s.remove_prefix(SpaceLength(s, 0));
  while (!s.empty()) {
    if (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r' ||
        s.back() == '\f' || s.back() == '\v') {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

std::size_t WordCount(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t n = SpaceLength(s, i)) {
      in_word = false;
      i += n;
    } else {
      if (!in_word) ++words;
      in_word = true;
      ++i;
    }
  }
  return words;
}

bool IsTitleSeparator(std::string_view s, std::size_t at, std::size_t* length) {
  // Readability.js's / [\|\-\\\/>»] /: a separator character between spaces.
  if (at + 2 < s.size() && s[at] == ' ' &&
      std::string_view("|-\\/>").find(s[at + 1]) != std::string_view::npos && s[at + 2] == ' ') {
    *length = 3;
    return true;
  }
  if (s.compare(at, 4, " \xC2\xBB ") == 0) {
    *length = 4;
    return true;
  }
  return false;
}

bool IsHierarchical(std::string_view s, std::size_t at) {
  return s[at + 1] != '|' && s[at + 1] != '-';
}

// The title from <title>, as Readability.js's _getArticleTitle cuts it.
std::string TitleFromTitleTag(xmlNode* root) {
  xmlNode* title_node = FindFirst(root, "title");
  if (!title_node) return {};
  const std::string original = CollapseSpaces(TextContent(title_node));
  std::string current = original;
  bool hierarchical = false;
  std::size_t last = std::string::npos, first = std::string::npos;
  for (std::size_t i = 0, length = 0; i < original.size(); ++i) {
    if (IsTitleSeparator(original, i, &length)) {
      if (first == std::string::npos) first = i;
      last = i;
      hierarchical = hierarchical || IsHierarchical(original, i);
    }
  }
  if (last != std::string::npos) {
    // "Talks | The Example Times" over <h1>Talks</h1>: the heading says
    // which part is the headline.
    for (xmlNode* at = root; at; at = NextInTree(at, root)) {
      if (!HasTag(at, "h1")) continue;
      const std::string heading = CollapseSpaces(TextContent(at));
      std::size_t length = 0;
      if (heading.empty() || heading.size() >= original.size()) continue;
      if (original.starts_with(heading) && IsTitleSeparator(original, heading.size(), &length)) {
        return heading;
      }
      const std::size_t before = original.size() - heading.size();
      if (original.ends_with(heading) && before >= 3 &&
          (IsTitleSeparator(original, before - 3, &length) ||
           (before >= 4 && IsTitleSeparator(original, before - 4, &length)))) {
        return heading;
      }
    }
    current = original.substr(0, last);
    if (WordCount(current) < 3) {
      // Drop up to the first separator character instead.
      const std::size_t cut = original.find_first_of("|-\\/>\xBB");
      current = cut == std::string::npos ? original : original.substr(cut + 1);
    }
  } else if (current.find(": ") != std::string::npos) {
    bool heading_matches = false;
    for (xmlNode* at = root; at && !heading_matches; at = NextInTree(at, root)) {
      if (HasTag(at, "h1") || HasTag(at, "h2")) {
        heading_matches = Trim(TextContent(at)) == Trim(current);
      }
    }
    if (!heading_matches) {
      current = original.substr(original.rfind(':') + 1);
      const std::size_t colon = original.find(':');
      if (WordCount(current) < 3) {
        current = original.substr(colon + 1);
      } else if (WordCount(original.substr(0, colon)) > 5) {
        current = original;
      }
    }
  } else if (CodePoints(current) > 150 || CodePoints(current) < 15) {
    xmlNode* only_h1 = nullptr;
    int h1_count = 0;
    for (xmlNode* at = root; at; at = NextInTree(at, root)) {
      if (HasTag(at, "h1")) {
        only_h1 = at;
        ++h1_count;
      }
    }
    if (h1_count == 1) current = CollapseSpaces(TextContent(only_h1));
  }
  current = CollapseSpaces(current);
  const std::size_t words = WordCount(current);
  if (words <= 4) {
    std::string without_separators;
    for (char c : original) {
      if (std::string_view("|-\\/>").find(c) == std::string_view::npos) without_separators += c;
    }
    if (!hierarchical || words != WordCount(without_separators) - 1) current = original;
  }
  return current;
}

// "Headline | Site" -> "Headline" when the suffix is the site's name.
std::string StripSiteSuffix(std::string title, std::string_view site_name) {
  if (site_name.empty()) return title;
  for (std::string_view separator :
       {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " :: ", " \xC2\xBB "}) {
    const std::size_t at = title.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    const std::string_view suffix = Trim(std::string_view(title).substr(at + separator.size()));
    const std::string lower_suffix = AsciiLower(suffix), lower_site = AsciiLower(site_name);
    if (!suffix.empty() &&
        (lower_suffix == lower_site || lower_suffix.find(lower_site) != std::string::npos ||
         lower_site.find(lower_suffix) != std::string::npos)) {
      title.resize(at);
      return std::string(Trim(title));
    }
  }
  return title;
}

bool IsArticleTypeName(const json& type) {
  static constexpr std::string_view kTypes[] = {
      "Article",
      "Report",
      "Posting",
      "APIReference",
  };
  if (!type.is_string()) return false;
  const std::string& name = type.get_ref<const std::string&>();
  for (std::string_view wanted : kTypes) {
    if (name.find(wanted) != std::string::npos) return true;
  }
  return false;
}

// "@type" names an article type, itself or as an element of an array
// ("@type": ["NewsArticle", "WebPage"]).
bool IsArticleType(const json& type) {
  if (!type.is_array()) return IsArticleTypeName(type);
  for (const json& each : type) {
    if (IsArticleTypeName(each)) return true;
  }
  return false;
}

const json* Member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

std::string StringMember(const json& object, const char* key) {
  const json* value = Member(object, key);
  return value && value->is_string() ? std::string(Trim(value->get_ref<const std::string&>()))
                                     : std::string();
}

// The article object of a JSON-LD block: the block itself, an element of
// the arrays it is in, or of "@graph", the first in document order. Walked
// with a stack of its own: the page decides how deep the arrays nest, and
// a recursion as deep would overflow the call stack.
const json* FindArticle(const json& block) {
  std::vector<const json*> pending{&block};
  while (!pending.empty()) {
    const json* value = pending.back();
    pending.pop_back();
    if (value->is_array()) {
      for (auto each = value->rbegin(); each != value->rend(); ++each) pending.push_back(&*each);
      continue;
    }
    if (!value->is_object()) continue;
    if (const json* type = Member(*value, "@type"); type && IsArticleType(*type)) return value;
    if (const json* graph = Member(*value, "@graph"); graph && graph->is_array()) {
      for (const json& each : *graph) {
        if (each.is_object()) {
          if (const json* type = Member(each, "@type"); type && IsArticleType(*type)) return &each;
        }
      }
    }
  }
  return nullptr;
}

std::string AuthorNames(const json& author) {
  if (author.is_string()) return std::string(Trim(author.get_ref<const std::string&>()));
  if (author.is_object()) return StringMember(author, "name");
  if (!author.is_array()) return {};
  std::string names;
  for (const json& each : author) {
    const std::string name = each.is_string()
                                 ? std::string(Trim(each.get_ref<const std::string&>()))
                                 : StringMember(each, "name");
    if (name.empty()) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

struct JsonLd {
  std::string name, headline, byline, published, site_name, body;
  bool found = false;
};

JsonLd ReadJsonLd(xmlNode* root) {
  JsonLd out;
  for (xmlNode* at = root; at && !out.found; at = NextInTree(at, root)) {
    if (!HasTag(at, "script") || AsciiLower(Trim(Attr(at, "type"))) != "application/ld+json")
      continue;
    std::string text = TextContent(at);
    std::string_view content = Trim(text);
    if (content.starts_with("<![CDATA[")) content.remove_prefix(9);
    if (content.ends_with("]]>")) content.remove_suffix(3);
    try {
      const json block = json::parse(content, nullptr, false);
      if (block.is_discarded()) continue;
      const json* article = FindArticle(block);
      if (!article) continue;
      out.found = true;
      out.name = StringMember(*article, "name");
      out.headline = StringMember(*article, "headline");
      if (const json* author = Member(*article, "author")) out.byline = AuthorNames(*author);
      out.published = StringMember(*article, "datePublished");
      if (const json* publisher = Member(*article, "publisher")) {
        out.site_name = StringMember(*publisher, "name");
      }
      out.body = StringMember(*article, "articleBody");
    } catch (...) {
      // A value of an unexpected type: this block gives nothing.
      out = JsonLd();
    }
  }
  return out;
}

bool IsUrl(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//");
}

// <meta> values under Readability.js's normalised names ("og:title",
// "author", "parsely-pub-date"...); the last of a name wins.
std::map<std::string, std::string> ReadMetaTags(xmlNode* root) {
  static constexpr std::string_view kPropertyPrefixes[] = {"article", "dc", "dcterm", "og",
                                                           "twitter"};
  static constexpr std::string_view kPropertyFields[] = {
      "author", "creator", "description", "published_time", "title", "site_name", "url"};
  static constexpr std::string_view kNamePrefixes[] = {
      "dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"};
  static constexpr std::string_view kNameFields[] = {"author",      "creator", "pub-date",
                                                     "description", "title",   "site_name"};
  std::map<std::string, std::string> values;
  for (xmlNode* at = root; at; at = NextInTree(at, root)) {
    if (!HasTag(at, "meta")) continue;
    const std::string_view content = Trim(Attr(at, "content"));
    if (content.empty()) continue;
    bool matched = false;
    // property is a space-separated list; the first known one names it.
    const std::string property = AsciiLower(Attr(at, "property"));
    std::size_t start = 0;
    while (!matched && start < property.size()) {
      std::size_t end = property.find_first_of(" \t\n", start);
      if (end == std::string::npos) end = property.size();
      const std::string_view token = std::string_view(property).substr(start, end - start);
      start = end + 1;
      const std::size_t colon = token.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string_view prefix = token.substr(0, colon), field = token.substr(colon + 1);
      for (std::string_view p : kPropertyPrefixes) {
        if (p != prefix) continue;
        for (std::string_view f : kPropertyFields) {
          if (f == field) matched = true;
        }
      }
      if (matched) values[std::string(token)] = std::string(content);
    }
    if (matched) continue;
    std::string name;
    for (char c : AsciiLower(Attr(at, "name"))) {
      if (c == ' ' || c == '\t' || c == '\n') continue;
      name += c == '.' ? ':' : c;
    }
    if (name.empty()) {
      if (AsciiLower(Attr(at, "itemprop")) == "datepublished")
        values["itemprop:datepublished"] = content;
      continue;
    }
    bool known = false;
    for (std::string_view f : kNameFields) {
      if (name == f) known = true;
      for (std::string_view p : kNamePrefixes) {
        for (char separator : {'-', ':'}) {
          if (name.size() == p.size() + 1 + f.size() && name.starts_with(p) &&
              name[p.size()] == separator && name.ends_with(f)) {
            known = true;
          }
        }
      }
    }
    if (known) values[name] = std::string(content);
  }
  return values;
}

std::string FirstOf(const std::map<std::string, std::string>& values,
                    std::initializer_list<const char*> names) {
  for (const char* name : names) {
    auto found = values.find(name);
    if (found != values.end() && !found->second.empty()) return found->second;
  }
  return {};
}

bool HasRelToken(std::string_view rel, std::string_view wanted) {
  const std::string lower = AsciiLower(rel);
  std::size_t start = 0;
  while (start < lower.size()) {
    std::size_t end = lower.find_first_of(" \t\n", start);
    if (end == std::string::npos) end = lower.size();
    if (std::string_view(lower).substr(start, end - start) == wanted) return true;
    start = end + 1;
  }
  return false;
}

// Readability.js's tokens: runs of ASCII word characters, lower case.
std::vector<std::string> AsciiWords(std::string_view s) {
  std::vector<std::string> words;
  std::string word;
  for (char c : s) {
    const bool word_char =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (word_char) {
      word += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string PublishedFromPage(xmlNode* root) {
  xmlNode* first_time = nullptr;
  for (xmlNode* at = root; at; at = NextInTree(at, root)) {
    if (!IsElement(at)) continue;
    if (AsciiLower(Attr(at, "itemprop")) == "datepublished") {
      std::string_view value = Trim(Attr(at, "content"));
      if (value.empty()) value = Trim(Attr(at, "datetime"));
      if (!value.empty()) return std::string(value);
    }
    if (!first_time && HasTag(at, "time") && !Trim(Attr(at, "datetime")).empty()) first_time = at;
  }
  return first_time ? std::string(Trim(Attr(first_time, "datetime"))) : std::string();
}

}  // namespace

double TextSimilarity(std::string_view a, std::string_view b) {
  const std::vector<std::string> words_a = AsciiWords(a), words_b = AsciiWords(b);
  if (words_a.empty() || words_b.empty()) return 0;
  std::size_t unique_length = 0, total_length = 0;
  std::size_t unique_count = 0;
  for (const std::string& word : words_b) {
    total_length += word.size();
    bool in_a = false;
    for (const std::string& other : words_a) in_a = in_a || other == word;
    if (!in_a) {
      unique_length += word.size();
      ++unique_count;
    }
  }
  // Lengths of the words joined by single spaces, as Readability.js measures.
  total_length += words_b.size() - 1;
  if (unique_count > 0) unique_length += unique_count - 1;
  return 1.0 - static_cast<double>(unique_length) / static_cast<double>(total_length);
}

std::string CleanByline(std::string_view text) {
  std::string clean = CollapseSpaces(text);
  if (clean.size() > 3 && (clean[0] == 'B' || clean[0] == 'b') &&
      (clean[1] == 'y' || clean[1] == 'Y') && clean[2] == ' ') {
    clean.erase(0, 3);
  }
  return clean;
}

std::string ResolveUrl(std::string_view url, std::string_view base) {
  const std::string relative(Trim(url));
  if (base.empty() || relative.empty()) return relative;
  const std::string base_copy(base);
  std::unique_ptr<xmlChar, decltype(xmlFree)> built(
      xmlBuildURI(reinterpret_cast<const xmlChar*>(relative.c_str()),
                  reinterpret_cast<const xmlChar*>(base_copy.c_str())),
      xmlFree);
  if (!built) return relative;
  return reinterpret_cast<const char*>(built.get());
}

PageMetadata ReadMetadata(xmlDoc* doc, std::string_view page_url) {
  PageMetadata out;
  xmlNode* root = doc ? xmlDocGetRootElement(doc) : nullptr;
  if (!root) return out;
  const JsonLd ld = ReadJsonLd(root);
  const std::map<std::string, std::string> meta = ReadMetaTags(root);
  out.site_name = !ld.site_name.empty() ? ld.site_name : FirstOf(meta, {"og:site_name"});

  std::string title;
  if (!ld.name.empty() && !ld.headline.empty() && ld.name != ld.headline) {
    // Some sites put their own name in "name": take the one like <title>.
    const std::string page_title = TitleFromTitleTag(root);
    const bool name_matches = TextSimilarity(ld.name, page_title) > 0.75;
    const bool headline_matches = TextSimilarity(ld.headline, page_title) > 0.75;
    title = headline_matches && !name_matches ? ld.headline : ld.name;
  } else {
    title = !ld.name.empty() ? ld.name : ld.headline;
  }
  if (title.empty()) {
    title = FirstOf(meta, {"dc:title", "dcterm:title", "og:title", "weibo:article:title",
                           "weibo:webpage:title", "title", "twitter:title", "parsely-title"});
  }
  if (title.empty()) title = TitleFromTitleTag(root);
  if (title.empty()) {
    if (xmlNode* h1 = FindFirst(root, "h1")) title = TextContent(h1);
  }
  out.title = StripSiteSuffix(CollapseSpaces(title), out.site_name);

  std::string byline = ld.byline;
  if (byline.empty()) {
    byline = FirstOf(meta, {"dc:creator", "dcterm:creator", "author", "parsely-author"});
  }
  if (byline.empty()) {
    const std::string article_author = FirstOf(meta, {"article:author"});
    if (!IsUrl(article_author)) byline = article_author;
  }
  out.byline = CleanByline(byline);

  out.published =
      !ld.published.empty()
          ? ld.published
          : FirstOf(meta, {"article:published_time", "parsely-pub-date", "itemprop:datepublished"});
  if (out.published.empty()) out.published = PublishedFromPage(root);

  std::string canonical;
  for (xmlNode* at = root; at && canonical.empty(); at = NextInTree(at, root)) {
    if (HasTag(at, "link") && HasRelToken(Attr(at, "rel"), "canonical")) {
      canonical = Trim(Attr(at, "href"));
    }
  }
  if (canonical.empty()) canonical = FirstOf(meta, {"og:url"});
  if (!canonical.empty()) out.canonical_url = ResolveUrl(canonical, page_url);

  out.article_body = ld.body;
  return out;
}

}  // namespace stet::html
