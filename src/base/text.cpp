// Text checks and the normalised form that decides content identity.
// Unicode work (UTF-8 decoding, NFC, white space classes) is ICU's.
#include "stet/text.h"

#include <sys/stat.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <memory>

#include "base/ascii.h"

namespace stet {
namespace {

std::string HumanSize(std::size_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  char out[32];
  const double size = static_cast<double>(bytes);
  if (bytes < 1024 * 1024) {
    std::snprintf(out, sizeof out, "%.1f KiB", size / 1024.0);
  } else {
    std::snprintf(out, sizeof out, "%.1f MiB", size / (1024.0 * 1024.0));
  }
  return out;
}

// The ASCII spelling that the matching form gives typographic variants of
// quote marks, apostrophes, dashes and the ellipsis, or nullptr to keep `c`.
const char* CanonicalPunctuation(UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:  // ‘ ’ ‚ ‛
    case 0x2032:
    case 0x02BC:
    case 0x00B4:  // ′ ʼ ´
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:  // “ ” „ ‟
    case 0x2033:
    case 0x00AB:
    case 0x00BB:  // ″ « »
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:  // ‐ ‑ ‒ –
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:  // — ― − ﹘
    case 0xFE63:
    case 0xFF0D:  // ﹣ －
      return "-";
    case 0x2026:  // …
      return "...";
    default:
      return nullptr;
  }
}

// Collapses white space runs of UTF-8 text into single spaces and trims;
// with `canonical_punctuation`, also spells quote marks, dashes and the
// ellipsis the ASCII way. ASCII is classified inline; ICU is asked only
// about other code points.
std::string CollapseWhitespace(std::string_view text, bool canonical_punctuation = false) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    const std::int32_t start = i;
    bool space;
    const char* replacement = nullptr;
    if (bytes[i] < 0x80) {
      space = IsAsciiSpace(text[static_cast<std::size_t>(i)]);
      ++i;
      if (!space) {
        // The rest of a run of printable ASCII goes in with one append.
        while (i < length && bytes[i] < 0x80 && !IsAsciiSpace(text[static_cast<std::size_t>(i)]))
          ++i;
      }
    } else {
      UChar32 c;
      U8_NEXT(bytes, i, length, c);
      space = c >= 0 && u_isUWhiteSpace(c);
      if (canonical_punctuation) replacement = CanonicalPunctuation(c);
    }
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (replacement != nullptr) {
      out += replacement;
    } else {
      out.append(text.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

// `text` in Unicode NFC, or `text` itself when it already is (or when ICU
// cannot normalise it, which valid UTF-8 never causes).
std::string_view Composed(std::string_view text, std::string& storage) {
  if (IsAscii(text)) return text;  // ASCII is already NFC
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  const icu::StringPiece piece(text.data(), static_cast<std::int32_t>(text.size()));
  if (U_FAILURE(error) || nfc->isNormalizedUTF8(piece, error)) return text;
  storage.clear();
  icu::StringByteSink<std::string> sink(&storage, static_cast<std::int32_t>(text.size()));
  error = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, nullptr, error);
  return U_SUCCESS(error) ? std::string_view(storage) : text;
}

}  // namespace

Status CheckText(std::string_view bytes) {
  const std::size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    return Status::InvalidInput("binary data (NUL byte at offset " + std::to_string(nul) + ")");
  }
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int64_t>(bytes.size());
  if (length > INT32_MAX) return Status::InvalidInput("text too large");
  std::int32_t i = 0;
  bool has_content = false;
  while (i < length) {
    // Once there is content, runs of ASCII need no decoding: eight bytes
    // at a time without a high bit (NUL was ruled out above).
    if (has_content) {
      while (i + 8 <= length) {
        std::uint64_t eight = 0;
        std::memcpy(&eight, data + i, 8);
        if ((eight & 0x8080808080808080ULL) != 0) break;
        i += 8;
      }
      if (i >= length) break;
    }
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, static_cast<std::int32_t>(length), c);
    if (c < 0) return Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(start));
    if (!has_content && !u_isUWhiteSpace(c) && c != 0xFEFF) has_content = true;
  }
  if (!has_content) return Status::InvalidInput("empty text");
  return Status::Ok();
}

std::string StorableText(std::string bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  // In place: the text shrinks or stays, and a large input is not copied
  // into memory the process has not touched yet (page faults were a fifth
  // of `stet diff --files` on 300k-word texts).
  std::size_t out = bytes.find('\r');
  if (out == std::string::npos) return bytes;
  for (std::size_t i = out; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      bytes[out++] = '\n';
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      bytes[out++] = bytes[i];
    }
  }
  bytes.resize(out);
  return bytes;
}

std::string NormalizedText(std::string_view text) {
  std::string storage;
  return CollapseWhitespace(Composed(text, storage));
}

std::string MatchingForm(std::string_view text) {
  std::string storage;
  return CollapseWhitespace(Composed(text, storage), /*canonical_punctuation=*/true);
}

std::string ContentHash(std::string_view text) {
  const std::string normalized = NormalizedText(text);
  const XXH128_hash_t hash = XXH3_128bits(normalized.data(), normalized.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return std::string("xxh3-128:") + hex;
}

bool LooksLikeHtml(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || bytes[first] != '<') return false;
  const std::string head = AsciiLower(bytes.substr(first, 512));
  for (std::string_view marker : {"<!doctype html", "<html", "<head", "<body", "<meta"}) {
    if (head.find(marker) != std::string::npos) return true;
  }
  return false;
}

Status CheckInputPath(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0)
    return Status::InvalidInput(path + ": " + std::strerror(errno));
  if (S_ISDIR(info.st_mode)) return Status::InvalidInput(path + ": is a directory");
  if (!S_ISREG(info.st_mode) && !S_ISFIFO(info.st_mode) && !S_ISCHR(info.st_mode)) {
    return Status::InvalidInput(path + ": not a regular file");
  }
  if (::access(path.c_str(), R_OK) != 0)
    return Status::InvalidInput(path + ": " + std::strerror(errno));
  return Status::Ok();
}

namespace {

// What `file` holds, read straight into the string (a buffer on the stack
// between them touched 16 more pages at every read), `expected` bytes
// first; it stops once past `max_bytes`, so a result longer than that is
// over the limit.
std::string ReadUpTo(std::FILE* file, std::size_t expected, std::size_t max_bytes) {
  std::string data(expected, '\0');
  std::size_t size = 0;
  while (size <= max_bytes) {
    if (size == data.size()) data.resize(data.size() * 2);
    const std::size_t got = std::fread(data.data() + size, 1, data.size() - size, file);
    if (got == 0) break;
    size += got;
  }
  data.resize(size);
  return data;
}

}  // namespace

Result<std::string> ReadInputFile(const std::string& path, std::size_t max_bytes) {
  const std::string limit_hint = ", over the " + HumanSize(max_bytes) + " input limit (--max-size)";
  if (path == "-") {
    std::string data = ReadUpTo(stdin, 65536, max_bytes);
    if (std::ferror(stdin)) return Status::InvalidInput("standard input: read error");
    if (data.size() > max_bytes) {
      return Status::InvalidInput("standard input: more than" + limit_hint.substr(1));
    }
    return data;
  }
  if (Status readable = CheckInputPath(path); !readable.ok()) return readable;
  struct stat info {};
  ::stat(path.c_str(), &info);
  if (S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > max_bytes) {
    return Status::InvalidInput(path + ": " + HumanSize(static_cast<std::size_t>(info.st_size)) +
                                limit_hint);
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) return Status::InvalidInput(path + ": " + std::strerror(errno));
  // One byte more than the file, to see its end in one read.
  std::string data = ReadUpTo(
      file.get(), S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) + 1 : 65536,
      max_bytes);
  if (std::ferror(file.get())) return Status::InvalidInput(path + ": read error");
  if (data.size() > max_bytes) {
    return Status::InvalidInput(path + ": " + HumanSize(data.size()) + limit_hint);
  }
  return data;
}

}  // namespace stet
