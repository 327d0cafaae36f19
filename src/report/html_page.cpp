// The frame of stet's HTML pages (html_page.h).
#include "report/html_page.h"

#include "report/escape.h"

namespace stet::report {
namespace {

// Readable at 390 px and at 1280 px, in light and dark, and on paper.
// Insertions and deletions are underlined and struck through as well as
// coloured, so that colour is never the only cue.
constexpr std::string_view kStyle = R"css(
:root { color-scheme: light dark; --ins: #d8f5dd; --del: #fde0e0; --mark: #fff3b0;
  --muted: #5f6368; --line: #d0d4d9; --high: #b3261e; --medium: #a15c00; --low: #3c6e47; }
@media (prefers-color-scheme: dark) { :root { --ins: #17452a; --del: #5a1d1d; --mark: #4d4110;
  --muted: #a8adb3; --line: #3c4043; --high: #f28b82; --medium: #fbbc04; --low: #81c995; } }
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto;
  max-width: 72rem; padding: 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: .2rem 0 .4rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; border-bottom: 1px solid var(--line); }
h2 small, .url, .sides-line, .note, time, .rev { color: var(--muted); font-weight: normal; }
header p { margin: .2rem 0; }
code { font-size: .9em; }
ins { background: var(--ins); text-decoration: underline; text-decoration-thickness: 2px; }
del { background: var(--del); text-decoration: line-through; }
.materiality strong, .kind { text-transform: uppercase; letter-spacing: .04em; font-size: .8rem; }
.m-high .kind, .materiality.m-high strong { color: var(--high); }
.m-medium .kind, .materiality.m-medium strong { color: var(--medium); }
.m-low .kind, .materiality.m-low strong { color: var(--low); }
nav.site { display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: center;
  border-bottom: 1px solid var(--line); padding-bottom: .5rem; }
nav.site form { display: flex; gap: .3rem; flex: 1 1 14rem; }
nav.site input[type=search] { flex: 1; min-width: 0; font: inherit; padding: .2rem .4rem; }
ol.report > li { margin: 0 0 1.2rem; }
ol.report h2 { border: 0; margin: .2rem 0; }
table.revisions td:first-child { white-space: nowrap; }
ol.changes { padding-left: 1.6rem; }
ol.changes > li { margin: 0 0 .8rem; }
.kind { font-weight: 700; margin-right: .3rem; }
.note::before { content: "\2014  "; }
.goto { white-space: nowrap; font-size: .9rem; }
.corrects { margin: .2rem 0 0 1rem; }
details.history { margin: .3rem 0 0 1rem; }
details.history li { margin: .2rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
input[name=view] { margin-left: .2rem; }
.inline p { margin: 0 0 1rem; }
.s.same { color: inherit; }
.s:target, .row:target { outline: 3px solid var(--mark); background: var(--mark); }
.sides { display: none; }
#view-sides:checked ~ .inline { display: none; }
#view-sides:checked ~ .sides { display: block; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; padding: .25rem 0; }
.row.para { border-top: 1px dashed var(--line); }
.row.same { color: var(--muted); }
.row.head { font-weight: 600; border-bottom: 1px solid var(--line); }
@media (max-width: 40rem) {
  body { padding: .6rem; }
  .row { grid-template-columns: 1fr; gap: .2rem; }
  .row .before:empty, .row .after:empty { display: none; }
}
@media print {
  input[name=view], label[for^=view], .goto { display: none; }
  .sides { display: none !important; }
  .inline { display: block !important; }
  details.history { display: none; }
  a { color: inherit; text-decoration: none; }
}
)css";

}  // namespace

std::string HtmlPageStart(std::string_view title, std::string_view navigation) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"" +
         EscapeHtml(kContentSecurityPolicy) +
         "\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>" + EscapeHtml(title) +
         "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n" +
         std::string(navigation);
}

std::string UrlParagraph(std::string_view url) {
  const std::string text = EscapeHtml(url);
  if (!LinkableUrl(url)) return "<p class=\"url\">" + text + "</p>";
  return "<p class=\"url\"><a href=\"" + text + "\" rel=\"noopener noreferrer nofollow\">" + text +
         "</a></p>";
}

std::string HtmlPageEnd() {
  return "\n<footer><p><small>Written by stet.</small></p></footer>\n</body>\n</html>\n";
}

}  // namespace stet::report
