// stet init: make an archive.
#include <cstdio>

#include "cli.h"

namespace stet::cli {

void SetupInit(CLI::App& app, Context& context) {
  CLI::App* command = app.add_subcommand("init", "Make an archive (a bare git repository)");
  command->callback([&context] {
    bool already = false;
    Result<Archive> archive = Archive::Init(context.ArchivePath(), &already);
    if (!archive.ok()) {
      context.exit_code = Fail(archive.status());
      return;
    }
    std::printf("%s archive %s\n", already ? "already an" : "made", archive->path().c_str());
  });
}

}  // namespace stet::cli
