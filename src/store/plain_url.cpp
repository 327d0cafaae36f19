#include "store/plain_url.h"

#include <algorithm>
#include <array>
#include <vector>

#include "base/ascii.h"

namespace stet {
namespace {

bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// RFC 3986's unreserved and sub-delimiter characters, ':', '@' and '/':
// what a path may hold without a parser encoding or refusing it ('?' too
// in a query). Not '%': libcurl rewrites escapes (%4A becomes %4a).
bool IsPathCharacter(char c) {
  if (IsLetter(c) || IsDigit(c)) return true;
  constexpr std::string_view kOthers = "-._~!$&'()*+,;=:@/";
  return kOthers.find(c) != std::string_view::npos;
}

// "host[:port]": labels of letters, digits and hyphens, the last one
// letters only (so that nothing is read as an IPv4 number, which libcurl
// rewrites), lower-cased; the port without leading zeros and without the
// scheme's default.
std::optional<std::string> PlainAuthority(std::string_view authority, bool https) {
  const std::size_t colon = authority.find(':');
  const std::string_view host = authority.substr(0, colon);
  if (host.empty() || host.front() == '.' || host.back() == '.' ||
      host.find("..") != std::string_view::npos) {
    return std::nullopt;
  }
  for (char c : host) {
    if (!IsLetter(c) && !IsDigit(c) && c != '-' && c != '.') return std::nullopt;
  }
  const std::string_view last = host.substr(host.rfind('.') + 1);
  if (!std::all_of(last.begin(), last.end(), IsLetter)) return std::nullopt;
  std::string out = AsciiLower(host);
  if (colon == std::string_view::npos) return out;
  const std::string_view port = authority.substr(colon + 1);
  if (port.empty() || port.size() > 5 || port.front() == '0' ||
      !std::all_of(port.begin(), port.end(), IsDigit)) {
    return std::nullopt;
  }
  const int number = std::stoi(std::string(port));
  if (number > 65535) return std::nullopt;
  if (number != (https ? 443 : 80)) out += ":" + std::string(port);
  return out;
}

// A path with no "." or ".." segment (a parser would remove them).
bool IsPlainPath(std::string_view path) {
  if (!std::all_of(path.begin(), path.end(), IsPathCharacter)) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(start, end - start);
    if (segment == "." || segment == "..") return false;
    start = end + 1;
  }
  return true;
}

// Query parameters that say how a reader arrived, not what they read.
bool IsTrackingParameter(std::string_view key_raw) {
  const std::string key = AsciiLower(key_raw);
  if (key.rfind("utm_", 0) == 0) return true;
  static constexpr std::array<std::string_view, 19> kTracking = {
      "fbclid", "gclid",  "gclsrc",  "dclid", "msclkid", "yclid", "mc_cid",
      "mc_eid", "igshid", "_ga",     "_gl",   "_hsenc",  "_hsmi", "mkt_tok",
      "smid",   "smtyp",  "ref_src", "ocid",  "cmpid"};
  return std::find(kTracking.begin(), kTracking.end(), key) != kTracking.end();
}

}  // namespace

std::string CanonicalQuery(std::string_view query) {
  std::vector<std::string> kept;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view parameter = query.substr(start, end - start);
    if (!parameter.empty() && !IsTrackingParameter(parameter.substr(0, parameter.find('=')))) {
      kept.emplace_back(parameter);
    }
    start = end + 1;
  }
  std::sort(kept.begin(), kept.end());
  std::string out;
  for (const std::string& parameter : kept) {
    if (!out.empty()) out += '&';
    out += parameter;
  }
  return out;
}

std::optional<std::string> CanonicalPlainUrl(std::string_view url) {
  const std::size_t separator = url.find("://");
  if (separator == std::string_view::npos) return std::nullopt;
  const std::string scheme = AsciiLower(url.substr(0, separator));
  if (scheme != "http" && scheme != "https") return std::nullopt;
  std::string_view rest = url.substr(separator + 3);
  // The fragment never reaches the canonical form, but a parser still
  // reads it: it too must be plain.
  if (const std::size_t hash = rest.find('#'); hash != std::string_view::npos) {
    const std::string_view fragment = rest.substr(hash + 1);
    if (!std::all_of(fragment.begin(), fragment.end(),
                     [](char c) { return IsPathCharacter(c) || c == '?'; })) {
      return std::nullopt;
    }
    rest = rest.substr(0, hash);
  }
  std::string_view query;
  bool has_query = false;
  if (const std::size_t question = rest.find('?'); question != std::string_view::npos) {
    query = rest.substr(question + 1);
    has_query = true;
    rest = rest.substr(0, question);
    if (!std::all_of(query.begin(), query.end(),
                     [](char c) { return IsPathCharacter(c) || c == '?'; })) {
      return std::nullopt;
    }
  }
  const std::size_t slash = rest.find('/');
  const std::string_view authority = rest.substr(0, slash);
  const std::string_view path = slash == std::string_view::npos ? "/" : rest.substr(slash);
  std::optional<std::string> host = PlainAuthority(authority, scheme == "https");
  if (!host || !IsPlainPath(path)) return std::nullopt;
  std::string out = scheme + "://" + *host + std::string(path);
  if (has_query) {
    const std::string kept = CanonicalQuery(query);
    if (!kept.empty()) out += "?" + kept;
  }
  return out;
}

}  // namespace stet
