// Helpers for tests: scratch directories, running the real `stet` binary
// and the real `git`, and reading files.
#ifndef STET_TESTS_TEST_SUPPORT_H_
#define STET_TESTS_TEST_SUPPORT_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace stet::test {

// A fresh directory under /tmp, removed with everything in it at scope end.
// Before that, every stet archive in it (or in a folder directly inside)
// must pass `git fsck --strict`: no test that writes a revision can leave an
// archive git rejects unnoticed. A test that damages an archive on purpose
// says so with ExpectDamage().
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  void ExpectDamage() { expect_damage_ = true; }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  void CheckArchives() const;
  std::string path_;
  bool expect_damage_ = false;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a program with arguments (no shell), feeding `input` on stdin.
RunResult Run(const std::vector<std::string>& argv, const std::string& input = "");

// Runs a program on a pseudo-terminal (its stdin, stdout and stderr), with
// `environment` changed ("NAME=value" set, "NAME" unset); `out` holds what
// it wrote, with the terminal's CR LF line ends as written.
RunResult RunInTerminal(const std::vector<std::string>& argv,
                        const std::vector<std::string>& environment = {});

// Runs the stet binary under test with `--archive archive` before args.
RunResult Stet(const std::string& archive, const std::vector<std::string>& args,
               const std::string& input = "");

// Starts a program with stdin, stdout and stderr on /dev/null; returns its
// pid. WaitExit reaps it and returns its exit code (128 + signal if killed);
// PollExit does so only if it has ended, without waiting.
int Spawn(const std::vector<std::string>& argv);
int WaitExit(int pid);
std::optional<int> PollExit(int pid);

// `git fsck --strict` on a bare repository; returns its result.
RunResult GitFsck(const std::string& repository);

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& bytes);

// The path of a file of the bundled sample article (examples/vance-ukraine).
std::string SamplePath(const std::string& name);

// Stores the sample's three revisions as `url` in `archive` (already made),
// at the sample's fetch times, with `title`. False if an add failed.
bool AddSampleRevisions(const std::string& archive, const std::string& url,
                        const std::string& title);

// `stet diff --files` of two sample revisions ("r1", "r3") with
// `--format json`, parsed; null when the command failed.
nlohmann::json SampleDiff(const std::string& from, const std::string& to);

// A recursive listing of every file with its size and mtime, to show that a
// failed command left a directory untouched.
std::string Snapshot(const std::string& directory);

}  // namespace stet::test

#endif  // STET_TESTS_TEST_SUPPORT_H_
