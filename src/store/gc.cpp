// stet gc (stet/gc.h): git's gc, run so that stet's writers lose nothing.
#include "stet/gc.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include "store/writer_lock.h"

extern char** environ;

namespace stet {
namespace {

namespace fs = std::filesystem;

// Runs git on the archive with `args`; its stderr's last line as the error
// when it fails.
Status RunGit(const std::string& archive_path, const std::string& command,
              const std::vector<std::string>& args) {
  std::vector<std::string> argv{"git", "--git-dir=" + archive_path};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> pointers;
  for (std::string& arg : argv) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  const std::string what = "gc " + archive_path + ": git " + command;
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0)
    return Status::InvalidInput(what + ": " + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "git", &actions, nullptr, pointers.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (spawned != 0) {
    ::close(pipe_fds[0]);
    return Status::InvalidInput(what + ": cannot start git (" + std::strerror(spawned) +
                                "); stet gc needs git on PATH");
  }
  std::string errors;
  char buffer[4096];
  for (;;) {
    const ssize_t got = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (got > 0) {
      errors.append(buffer, static_cast<std::size_t>(got));
    } else if (got == 0 || errno != EINTR) {
      break;
    }
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Status::Ok();
  while (!errors.empty() && errors.back() == '\n') errors.pop_back();
  const std::size_t last = errors.rfind('\n');
  return Status::InvalidInput(
      what + ": " +
      (errors.empty() ? "failed" : errors.substr(last == std::string::npos ? 0 : last + 1)));
}

}  // namespace

Result<StorageCount> CountStorage(const Archive& archive) {
  StorageCount count;
  std::error_code error;
  const fs::path objects = fs::path(archive.path()) / "objects";
  for (auto it = fs::recursive_directory_iterator(objects, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (!it->is_regular_file(error)) continue;
    count.object_bytes += it->file_size(error);
    const fs::path& path = it->path();
    if (path.parent_path().filename() == "pack") {
      if (path.extension() == ".pack") ++count.packs;
    } else if (path.parent_path().filename().string().size() == 2) {
      ++count.loose_objects;
    }
  }
  if (error) return Status::ArchiveDamaged("gc " + archive.path() + ": " + error.message());
  const fs::path refs = fs::path(archive.path()) / "refs";
  for (auto it = fs::recursive_directory_iterator(refs, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_regular_file(error)) ++count.loose_refs;
  }
  if (error) return Status::ArchiveDamaged("gc " + archive.path() + ": " + error.message());
  return count;
}

Result<GcReport> CollectGarbage(Archive& archive) {
  GcReport report;
  Result<StorageCount> before = CountStorage(archive);
  if (!before.ok()) return before.status();
  report.before = *before;
  {
    // git takes each ref's lock to remove its loose file; under stet's
    // writer lock no stet writer mistakes that lock for a dead one's.
    Result<WriterLock> lock = WriterLock::Acquire(archive.path());
    if (!lock.ok()) return lock.status();
    if (Status packed = RunGit(archive.path(), "pack-refs", {"pack-refs", "--all", "--prune"});
        !packed.ok()) {
      return packed;
    }
  }
  // -f: stet writes whole objects (its packs are undeltified), and git
  // never looks for a delta for an object it can copy whole from a pack,
  // so without it a repack saves nothing (docs/scaling.md measures it).
  // -A with --unpack-unreachable keeps what no ref reaches yet loose, and
  // prune keeps it for two weeks: a revision being stored meanwhile.
  if (Status repacked =
          RunGit(archive.path(), "repack",
                 {"repack", "-A", "-d", "-f", "-q", "--unpack-unreachable=2.weeks.ago"});
      !repacked.ok()) {
    return repacked;
  }
  if (Status pruned = RunGit(archive.path(), "prune", {"prune", "--expire=2.weeks.ago"});
      !pruned.ok()) {
    return pruned;
  }
  Result<StorageCount> after = CountStorage(archive);
  if (!after.ok()) return after.status();
  report.after = *after;
  return report;
}

}  // namespace stet
