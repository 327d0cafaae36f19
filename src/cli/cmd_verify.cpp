// stet verify [--full]: every history read back; exit 4 on damage.
#include <cstdio>
#include <memory>

#include "cli.h"

namespace stet::cli {
namespace {

int RunVerify(bool full, const Context& context) {
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  Result<VerifyReport> report = archive->Verify(full);
  if (!report.ok()) return Fail(report.status());
  // Each damage on a line of its own on stderr, naming the article, so a
  // script can act on it; the tally on stdout.
  for (const VerifyReport::DamagedArticle& damaged : report->damaged) {
    std::fprintf(stderr, "stet: verify: article %s%s%s: %s\n", damaged.article_id.c_str(),
                 damaged.url.empty() ? "" : " ", damaged.url.c_str(), damaged.damage.c_str());
  }
  for (const std::string& object : report->bad_objects) {
    std::fprintf(stderr, "stet: verify: object %s\n", object.c_str());
  }
  std::printf("%zu article%s, %zu revision%s", report->articles, report->articles == 1 ? "" : "s",
              report->revisions, report->revisions == 1 ? "" : "s");
  if (full) std::printf(", %zu objects", report->objects);
  if (report->clean()) {
    std::printf(": no damage\n");
    return kExitOk;
  }
  std::printf(": %zu damaged article%s", report->damaged.size(),
              report->damaged.size() == 1 ? "" : "s");
  if (full)
    std::printf(", %zu bad object%s", report->bad_objects.size(),
                report->bad_objects.size() == 1 ? "" : "s");
  std::printf("\n");
  return kExitArchiveDamaged;
}

}  // namespace

void SetupVerify(CLI::App& app, Context& context) {
  auto full = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand(
      "verify", "Read every history back and check it; exit 4 naming each damaged article");
  command->add_flag("--full", *full,
                    "Also read every object of the repository and check it against its name");
  command->callback([full, &context] { context.exit_code = RunVerify(*full, context); });
}

}  // namespace stet::cli
