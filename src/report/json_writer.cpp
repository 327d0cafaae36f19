// JSON written as nlohmann::json's dump(2) writes it (report/json_writer.h).
#include "report/json_writer.h"

#include <cassert>
#include <charconv>
#include <cstdint>

#include "base/ascii.h"

namespace stet::report {

void JsonWriter::Indent() {
  out_.append(2 * levels_.size(), ' ');
}

void JsonWriter::BeforeValue() {
  if (flush_ && out_.size() >= kFlushBytes) {
    flush_(out_);
    out_.clear();
  }
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;  // the document itself
  out_ += levels_.back().empty ? "\n" : ",\n";
  levels_.back().empty = false;
  Indent();
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_ += bracket;
  levels_.push_back({});
}

void JsonWriter::Close(char bracket) {
  assert(!levels_.empty() && !after_key_);
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty) {
    out_ += '\n';
    Indent();
  }
  out_ += bracket;
}

void JsonWriter::Key(std::string_view key) {
  assert(!levels_.empty() && !after_key_);
#ifndef NDEBUG
  assert(levels_.back().empty || levels_.back().last_key < key);
  levels_.back().last_key = key;
#endif
  BeforeValue();
  Escaped(key);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  Escaped(value);
}

namespace {

// Whether any of the eight bytes at `bytes` is below 0x20, '"' or '\\'
// (a byte past 0x7F may be marked too: it is then looked at alone).
bool MayNeedEscape(const char* bytes) {
  const std::uint64_t word = EightBytes(bytes);
  auto has_zero = [](std::uint64_t x) { return (x - kEachByte) & ~x & kEachTop; };
  const std::uint64_t control = (word - 0x20 * kEachByte) & ~word & kEachTop;
  return (control | has_zero(word ^ ('"' * kEachByte)) | has_zero(word ^ ('\\' * kEachByte))) != 0;
}

}  // namespace

void JsonWriter::Escaped(std::string_view value) {
  out_ += '"';
  std::size_t plain = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < value.size(); ++i) {
    // Most text needs no escape: eight bytes are passed over at once when
    // none is a control character, a quote mark or a backslash (the test
    // of each byte was a twentieth of a large diff's instructions).
    while (i + 8 <= value.size() && !MayNeedEscape(value.data() + i)) i += 8;
    if (i == value.size()) break;
    const auto byte = static_cast<unsigned char>(value[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
    out_.append(value, plain, i - plain);
    plain = i + 1;
    switch (byte) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[byte >> 4];
        out_ += kHex[byte & 0xF];
      }
    }
  }
  out_.append(value, plain, value.size() - plain);
  out_ += '"';
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::Number(std::uint64_t value) {
  BeforeValue();
  char digits[24];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  out_.append(digits, end);
}

void JsonWriter::Value(const nlohmann::json& value) {
  BeforeValue();
  const std::string dumped = value.dump(2);
  // A dumped string holds no raw line break (it escapes them), so every
  // line break is one of the layout's, and each line moves right by the
  // depth it now stands at.
  std::size_t start = 0;
  for (std::size_t end = dumped.find('\n'); end != std::string::npos;
       end = dumped.find('\n', start)) {
    out_.append(dumped, start, end + 1 - start);
    Indent();
    start = end + 1;
  }
  out_.append(dumped, start, std::string::npos);
}

}  // namespace stet::report
