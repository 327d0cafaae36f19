// stet gc: git's gc for the archive, safe beside `stet run` (stet/gc.h).
#include "stet/gc.h"

#include <cstdio>

#include "cli.h"

namespace stet::cli {
namespace {

void PrintCount(const StorageCount& count) {
  std::printf("%.1f MB of objects (%zu loose, %zu pack%s), %zu loose refs",
              static_cast<double>(count.object_bytes) / 1e6, count.loose_objects, count.packs,
              count.packs == 1 ? "" : "s", count.loose_refs);
}

int RunGc(const Context& context) {
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  Result<GcReport> report = CollectGarbage(*archive);
  if (!report.ok()) return Fail(report.status());
  std::printf("packed %s: ", archive->path().c_str());
  PrintCount(report->before);
  std::printf(" -> ");
  PrintCount(report->after);
  std::printf("\n");
  return kExitOk;
}

}  // namespace

void SetupGc(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand(
      "gc", "Pack the archive's objects and refs with git's gc (safe while `stet run` writes)");
  command->callback([&context] { context.exit_code = RunGc(context); });
}

}  // namespace stet::cli
