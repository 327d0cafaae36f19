#include "web/boilerplate.h"

#include <regex>
#include <string>

#include "base/ascii.h"

namespace stet::html {
namespace {

// Unlike Readability.js's list these also hit "article-share" or
// "content-related".
constexpr std::string_view kBoilerplate[] = {
    "cookie",    "consent",      "newsletter",      "subscribe",  "signup",          "sign-up",
    "paywall",   "share",        "sharing",         "social",     "related",         "recommend",
    "outbrain",  "taboola",      "advert",          "sponsored",  "promo",           "breadcrumb",
    "toolbar",   "most-popular", "mostpopular",     "most-read",  "trending",        "read-more",
    "readmore",  "more-stories", "comments",        "disqus",     "tag-list",        "taglist",
    "print-",    "author-bio",   "author-box",      "authorbox",  "about-author",    "author-info",
    "post-meta", "entry-meta",   "post-tags",       "entry-tags", "tagcloud",        "caption",
    "credit",    "copyright",    "disclaimer",      "donate",     "jp-relatedposts", "yarpp",
    "teaser",    "recirc",       "further-reading", "more-from",  "next-article",    "rating",
    "anzeige",   "werbung"};

// Short paragraphs that lead away from the article or carry no content:
// "Read more: ...", "Photo: ...", "Advertisement" (lower case prefixes).
constexpr std::string_view kBoilerplateLines[] = {"read more",
                                                  "read also",
                                                  "see also",
                                                  "related:",
                                                  "more:",
                                                  "also read",
                                                  "lesen sie auch",
                                                  "mehr zum thema",
                                                  "auch interessant",
                                                  "schon gelesen",
                                                  "ähnliche beiträge",
                                                  "le puede interesar",
                                                  "puedes ver",
                                                  "lee también",
                                                  "notas relacionadas",
                                                  "share this",
                                                  "share on",
                                                  "follow us",
                                                  "subscribe",
                                                  "sign up",
                                                  "click here",
                                                  "continue reading",
                                                  "advertisement",
                                                  "anzeige",
                                                  "werbung",
                                                  "photo:",
                                                  "foto:",
                                                  "bild:",
                                                  "image:",
                                                  "credit:",
                                                  "artikel gefallen"};

// A paragraph that is only a media label: the caption area of a photo or
// a video player left in the text flow ("Photo", "Video").
constexpr std::string_view kMediaLabels[] = {"photo", "photos",  "video", "image", "graphic",
                                             "audio", "gallery", "foto",  "bild"};

}  // namespace

bool NamesBoilerplate(std::string_view class_and_id) {
  for (std::string_view name : kBoilerplate) {
    if (class_and_id.find(name) != std::string_view::npos) return true;
  }
  return false;
}

bool IsVolatileLine(std::string_view text) {
  if (text.empty() || text.size() > 80) return false;
  const std::string lower = AsciiLower(text);
  static const std::regex kRelativeTime(
      "^(?:(?:last )?(?:updated|posted|published|edited|modified)(?: on)?:? ?)?"
      "(?:about |over |almost )?(?:\\d+|an?|one) ?"
      "(?:s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?)"
      " ago\\.?$|^(?:(?:updated|posted|published) )?just now$|"
      "^(?:aktualisiert )?vor (?:\\d+|einer?) (?:sekunden?|minuten?|stunden?|tagen?|wochen?)$",
      std::regex::optimize);
  static const std::regex kCounter(
      "^[\\d.,]+ ?[km]? ?(?:views?|comments?|shares?|reads?|likes?|reactions?|replies|reply|"
      "responses?|kommentare?|aufrufe)$|"
      "^(?:views?|comments?|shares?|reads?|likes?)[: ] ?[\\d.,]+ ?[km]?$",
      std::regex::optimize);
  const bool has_digit = lower.find_first_of("0123456789") != std::string::npos;
  if (lower.find("ago") != std::string::npos || lower.find("just now") != std::string::npos ||
      lower.find("vor ") != std::string::npos) {
    if (std::regex_match(lower, kRelativeTime)) return true;
  }
  return has_digit && std::regex_match(lower, kCounter);
}

bool IsBoilerplateLine(std::string_view line) {
  if (line.size() > 150) return false;
  const std::string lower = AsciiLower(line.substr(0, 40));
  for (std::string_view prefix : kBoilerplateLines) {
    if (lower.starts_with(prefix)) return true;
  }
  for (std::string_view label : kMediaLabels) {
    if (lower == label) return true;
  }
  return false;
}

}  // namespace stet::html
