// A JSON document written as it is walked, byte for byte as nlohmann::json's
// dump(2) would print the same values.
//
// Why not build an nlohmann::json and dump it: for `stet diff --format json`
// the tree (a std::map node per field, a heap string per value) and its dump
// were a sixth of the whole command's instructions at 10k words and held a
// second copy of every quoted text. The writer keeps nlohmann::json's output
// exactly, so documents written either way compare byte-identical: two-space
// indentation, `"key": value`, empty containers as {} and [], strings with
// nlohmann's escapes (", \, \b \f \n \r \t, other control bytes as \u00xx,
// UTF-8 as is) and keys in ascending byte order, the order of its std::map,
// which the caller writes them in.
#ifndef STET_SRC_REPORT_JSON_WRITER_H_
#define STET_SRC_REPORT_JSON_WRITER_H_

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace stet::report {

class JsonWriter {
 public:
  // Bytes written so far, handed out in pieces.
  using Flush = std::function<void(std::string_view)>;

  // Appends to `out`.
  explicit JsonWriter(std::string& out) : out_(out) {}
  // Appends to `out`, and before a value that finds `out` holding
  // kFlushBytes or more hands it to `flush` and empties it, so that a long
  // document is never held whole.
  JsonWriter(std::string& out, Flush flush) : out_(out), flush_(std::move(flush)) {}

  static constexpr std::size_t kFlushBytes = 64 << 10;

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // The next member's key. REQUIRES: inside an object, after the previous
  // member's key in byte order.
  void Key(std::string_view key);

  void String(std::string_view value);
  void Null();
  void Bool(bool value);
  void Number(std::uint64_t value);
  // A value built elsewhere (a number with a fraction, a small object),
  // printed as nlohmann::json prints it, indented to stand here.
  void Value(const nlohmann::json& value);

 private:
  struct Level {
    bool empty = true;
    std::string last_key;  // checked in debug builds only
  };
  // Before a value: the comma and line break of an array element; nothing
  // after a key, which wrote its own.
  void BeforeValue();
  void Open(char bracket);
  void Close(char bracket);
  void Indent();
  // `value` in quotes, escaped.
  void Escaped(std::string_view value);

  std::string& out_;
  Flush flush_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace stet::report

#endif  // STET_SRC_REPORT_JSON_WRITER_H_
