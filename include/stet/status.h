// stet/status.h: the one error type of the library.
//
// Every fallible call returns a Status, or a Result<T> that holds either a
// value or a Status. The message names the operation, its subject and the
// cause, in the form `<operation> <subject>: <cause>`, for example
// `add notes.txt: invalid UTF-8 at byte 41`. The library never prints; the
// CLI turns a Status into one line on stderr and an exit code.
#ifndef STET_STATUS_H_
#define STET_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace stet {

class Status {
 public:
  enum class Code {
    kOk,
    kInvalidInput,    // the caller's input is wrong: a file, a line, a value
    kNotFound,        // no such article, revision or file
    kNetwork,         // a fetch failed
    kArchiveDamaged,  // the archive exists but cannot be read or written
  };

  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string message) {
    return {Code::kInvalidInput, std::move(message)};
  }
  static Status NotFound(std::string message) { return {Code::kNotFound, std::move(message)}; }
  static Status Network(std::string message) { return {Code::kNetwork, std::move(message)}; }
  static Status ArchiveDamaged(std::string message) {
    return {Code::kArchiveDamaged, std::move(message)};
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is `operation <this message>`, for a
  // message that starts with its subject ("notes.txt: is a directory").
  Status WithOperation(const std::string& operation) const {
    if (ok()) return *this;
    return Status(code_, operation + " " + message_);
  }

  // Returns a copy whose message is `context: <this message>`; used to add
  // the operation and subject where a lower layer only knew the cause.
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(data_); }
  // REQUIRES: !ok()
  const Status& status() const { return std::get<Status>(data_); }
  // REQUIRES: ok()
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace stet

#endif  // STET_STATUS_H_
