// What a news page puts around its article and changes between fetches:
// the class and id names of share bars, banners, related lists and the like,
// and the short lines ("Updated 5 minutes ago", "1,234 views", "Read more:
// ...", "Photo") that must not reach the stored text, since a page whose
// only change is one of them is not a new revision. The extractor
// (extract.cpp) applies them; the lists are trafilatura's and boilerpipe's
// usual suspects, kept general rather than per site.
#ifndef STET_SRC_WEB_BOILERPLATE_H_
#define STET_SRC_WEB_BOILERPLATE_H_

#include <string_view>

namespace stet::html {

// True when a lower-cased "class id" string names boilerplate (share,
// cookie, newsletter, related, ...). The caller removes such an element only
// when it is short or mostly links, so a misnamed body survives.
bool NamesBoilerplate(std::string_view class_and_id);

// "Updated 5 minutes ago", "1,234 views", "56 comments": a line that
// changes between two fetches of an unchanged article.
bool IsVolatileLine(std::string_view text);

// A short paragraph that leads away from the article or carries no
// content: "Read more: ...", "Advertisement", a media label ("Photo").
bool IsBoilerplateLine(std::string_view line);

}  // namespace stet::html

#endif  // STET_SRC_WEB_BOILERPLATE_H_
