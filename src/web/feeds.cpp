#include "stet/feeds.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <set>

#include "base/ascii.h"
#include "web/html_document.h"
#include "web/page_metadata.h"

namespace stet {
namespace {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

// The element's name without its namespace prefix ("dc:date" is "date"),
// lower case: feeds in the wild mix prefixes and case.
std::string LocalName(const xmlNode* node) {
  return node && node->type == XML_ELEMENT_NODE && node->name
             ? AsciiLower(reinterpret_cast<const char*>(node->name))
             : std::string();
}

std::vector<xmlNode*> Children(const xmlNode* node, std::string_view name) {
  std::vector<xmlNode*> out;
  for (xmlNode* child = node ? node->children : nullptr; child; child = child->next) {
    if (LocalName(child) == name) out.push_back(child);
  }
  return out;
}

xmlNode* Child(const xmlNode* node, std::string_view name) {
  std::vector<xmlNode*> found = Children(node, name);
  return found.empty() ? nullptr : found.front();
}

std::string TextOf(const xmlNode* node) {
  if (!node) return "";
  return html::CollapseSpaces(html::TextContent(node));
}

// An attribute by local name ("rdf:about" is "about").
std::string AttrOf(const xmlNode* node, std::string_view name) {
  for (const xmlAttr* attr = node ? node->properties : nullptr; attr; attr = attr->next) {
    if (attr->name && AsciiLower(reinterpret_cast<const char*>(attr->name)) == name) {
      xmlChar* value = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(attr));
      std::string out = value ? html::CollapseSpaces(reinterpret_cast<const char*>(value)) : "";
      xmlFree(value);
      return out;
    }
  }
  return "";
}

bool IsHttp(std::string_view url) {
  const std::string lower = AsciiLower(url.substr(0, 8));
  return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0;
}

// The URL with its scheme in lower case, as RFC 3986 writes it
// ("Https://" -> "https://"): the same item is one URL however a feed
// spells its scheme.
std::string WithLowerScheme(std::string url) {
  const std::size_t colon = url.find(':');
  for (std::size_t k = 0; k < colon && k < url.size(); ++k) url[k] = AsciiLowerChar(url[k]);
  return url;
}

class Reader {
 public:
  explicit Reader(std::string_view base) : base_(base) {}

  void Add(std::string link, std::string title, std::string published) {
    if (link.empty()) return;
    std::string url = WithLowerScheme(base_.empty() ? link : html::ResolveUrl(link, base_));
    if (!IsHttp(url) || !seen_.insert(url).second) return;
    feed.items.push_back({std::move(url), std::move(title), std::move(published)});
  }

  void Rss(const xmlNode* channel) {
    for (const xmlNode* item : Children(channel, "item")) {
      // <link>, else a <guid> that is a permalink (the default).
      std::string link = TextOf(Child(item, "link"));
      if (const xmlNode* guid = Child(item, "guid");
          link.empty() && guid && AsciiLower(AttrOf(guid, "ispermalink")) != "false") {
        link = TextOf(guid);
      }
      std::string published = TextOf(Child(item, "pubdate"));
      if (published.empty()) published = TextOf(Child(item, "date"));  // dc:date
      Add(std::move(link), TextOf(Child(item, "title")), std::move(published));
    }
  }

  void Rdf(const xmlNode* root) {
    // Items are the root's children in RSS 1.0 (in RSS 0.9 too).
    for (const xmlNode* item : Children(root, "item")) {
      std::string link = TextOf(Child(item, "link"));
      if (link.empty()) link = AttrOf(item, "about");
      Add(std::move(link), TextOf(Child(item, "title")), TextOf(Child(item, "date")));
    }
  }

  void Atom(const xmlNode* root) {
    for (const xmlNode* entry : Children(root, "entry")) {
      // The alternate link (a link without rel is one), else the first.
      std::string link, first;
      for (const xmlNode* candidate : Children(entry, "link")) {
        const std::string rel = AsciiLower(AttrOf(candidate, "rel"));
        const std::string href = AttrOf(candidate, "href");
        if (first.empty()) first = href;
        if ((rel.empty() || rel == "alternate") && link.empty()) link = href;
      }
      if (link.empty()) link = first;
      std::string published = TextOf(Child(entry, "published"));
      if (published.empty()) published = TextOf(Child(entry, "updated"));
      Add(std::move(link), TextOf(Child(entry, "title")), std::move(published));
    }
  }

  void Sitemap(const xmlNode* root) {
    for (const xmlNode* url : Children(root, "url")) {
      const xmlNode* news = Child(url, "news");
      std::string published = TextOf(Child(news, "publication_date"));
      if (published.empty()) published = TextOf(Child(url, "lastmod"));
      Add(TextOf(Child(url, "loc")), TextOf(Child(news, "title")), std::move(published));
    }
  }

  void SitemapIndex(const xmlNode* root) {
    std::set<std::string> seen;
    for (const xmlNode* sitemap : Children(root, "sitemap")) {
      std::string loc = TextOf(Child(sitemap, "loc"));
      if (loc.empty()) continue;
      std::string url = WithLowerScheme(base_.empty() ? loc : html::ResolveUrl(loc, base_));
      if (IsHttp(url) && seen.insert(url).second) feed.feeds.push_back(std::move(url));
    }
  }

  Feed feed;

 private:
  std::string base_;
  std::set<std::string> seen_;
};

}  // namespace

Result<Feed> ParseFeed(std::string_view bytes, std::string_view url) {
  // No network, no external entities, no DTD loading: a feed is data from
  // anyone. Huge trees are allowed (a news sitemap can list 1,000 URLs
  // with long titles); XML_PARSE_RECOVER reads the feeds that are
  // almost well-formed, as feed readers do.
  const int options = XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
                      XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_HUGE;
  std::unique_ptr<xmlDoc, XmlDocFree> doc(
      xmlReadMemory(bytes.data(), static_cast<int>(std::min<std::size_t>(bytes.size(), INT32_MAX)),
                    url.empty() ? nullptr : std::string(url).c_str(), nullptr, options));
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root) return Status::InvalidInput("not a feed: not XML");
  Reader reader(url);
  const std::string name = LocalName(root);
  if (name == "rss") {
    reader.feed.format = "rss";
    for (const xmlNode* channel : Children(root, "channel")) reader.Rss(channel);
  } else if (name == "rdf") {
    reader.feed.format = "rdf";
    reader.Rdf(root);
  } else if (name == "feed") {
    reader.feed.format = "atom";
    reader.Atom(root);
  } else if (name == "urlset") {
    reader.feed.format = "sitemap";
    reader.Sitemap(root);
  } else if (name == "sitemapindex") {
    reader.feed.format = "sitemapindex";
    reader.SitemapIndex(root);
  } else {
    return Status::InvalidInput("not a feed: the document is <" + name +
                                ">, not RSS, Atom or a sitemap");
  }
  return std::move(reader.feed);
}

std::vector<std::string> FeedLinksOf(std::string_view html, std::string_view url) {
  std::vector<std::string> out;
  html::DocPtr doc = html::Parse(html);
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  std::set<std::string> seen;
  for (xmlNode* at = root; at; at = html::NextInTree(at, root)) {
    if (!html::HasTag(at, "link")) continue;
    const std::string rel = " " + AsciiLower(html::Attr(at, "rel")) + " ";
    const std::string type = AsciiLower(html::Attr(at, "type"));
    if (rel.find(" alternate ") == std::string::npos) continue;
    if (type != "application/rss+xml" && type != "application/atom+xml" &&
        type != "application/rdf+xml") {
      continue;
    }
    const std::string href(html::Attr(at, "href"));
    if (href.empty()) continue;
    std::string absolute = WithLowerScheme(url.empty() ? href : html::ResolveUrl(href, url));
    if (IsHttp(absolute) && seen.insert(absolute).second) out.push_back(std::move(absolute));
  }
  return out;
}

Result<std::vector<std::string>> DiscoverFeeds(std::string_view url, const FetchOptions& options) {
  const std::string subject(url);
  Result<FetchedPage> fetched = Fetch(url, options);
  if (!fetched.ok()) return fetched.status();
  if (ParseFeed(fetched->body, fetched->final_url).ok()) {
    return std::vector<std::string>{fetched->final_url};
  }
  std::vector<std::string> named = FeedLinksOf(fetched->body, fetched->final_url);
  if (named.empty()) {
    return Status::InvalidInput(subject +
                                ": no feed found (not RSS, Atom or a sitemap, and the page names "
                                "none with <link rel=\"alternate\">)");
  }
  return named;
}

}  // namespace stet
