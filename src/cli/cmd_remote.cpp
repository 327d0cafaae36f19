// stet remote add NAME URL, stet remote list, stet push [NAME],
// stet pull [NAME], stet clone URL DIR: replication through ordinary git
// remotes.
#include <cstdio>
#include <memory>

#include "cli.h"
#include "stet/remotes.h"

namespace stet::cli {
namespace {

struct RemoteOptions {
  std::string name;
  std::string url;
};

int RunRemoteAdd(const RemoteOptions& options, const Context& context) {
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  if (Status added = Remotes(*archive).Add(options.name, options.url); !added.ok()) {
    return Fail(added);
  }
  std::printf("added remote %s %s\n", options.name.c_str(), options.url.c_str());
  return kExitOk;
}

int RunRemoteList(const Context& context) {
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  Result<std::vector<RemoteInfo>> remotes = Remotes(*archive).List();
  if (!remotes.ok()) return Fail(remotes.status());
  for (const RemoteInfo& remote : *remotes) {
    std::printf("%s\t%s\n", remote.name.c_str(), remote.url.c_str());
  }
  return kExitOk;
}

int RunPush(const RemoteOptions& options, const Context& context) {
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  Result<PushReport> report = Remotes(*archive).Push(options.name);
  if (!report.ok()) return Fail(report.status());
  for (const std::string& rejected : report->rejected) {
    std::fprintf(stderr, "stet: push %s: rejected %s\n", options.name.c_str(), rejected.c_str());
  }
  std::printf("pushed %zu ref%s to %s", report->refs - report->rejected.size(),
              report->refs - report->rejected.size() == 1 ? "" : "s", options.name.c_str());
  if (!report->rejected.empty()) {
    std::printf(", %zu rejected (the remote has revisions this archive lacks)",
                report->rejected.size());
  }
  std::printf("\n");
  return report->rejected.empty() ? kExitOk : kExitProblem;
}

int RunPull(const RemoteOptions& options, const Context& context) {
  Result<Archive> archive = OpenArchive(context);
  if (!archive.ok()) return Fail(archive.status());
  Result<PullReport> report = Remotes(*archive).Pull(options.name);
  if (!report.ok()) return Fail(report.status());
  for (const std::string& retry : report->retry) {
    std::fprintf(stderr, "stet: pull %s: %s\n", options.name.c_str(), retry.c_str());
  }
  std::printf("pulled from %s: %zu added, %zu updated, %zu merged, %zu unchanged",
              options.name.c_str(), report->added, report->updated, report->merged,
              report->unchanged);
  if (report->dropped > 0) {
    std::printf(", %zu revision%s fetched alike on both sides kept once", report->dropped,
                report->dropped == 1 ? "" : "s");
  }
  if (!report->retry.empty()) {
    std::printf(", %zu written meanwhile (pull again)", report->retry.size());
  }
  std::printf("\n");
  return report->retry.empty() ? kExitOk : kExitProblem;
}

int RunClone(const RemoteOptions& options) {
  Result<CloneReport> report = Remotes::Clone(options.url, options.name);
  if (!report.ok()) return Fail(report.status());
  std::printf("cloned %s into %s: %zu ref%s\n", options.url.c_str(), options.name.c_str(),
              report->refs, report->refs == 1 ? "" : "s");
  return kExitOk;
}

}  // namespace

void SetupRemote(CLI::App& app, Context& context) {
  CLI::App* remote = app.add_subcommand("remote", "The archive's git remotes");
  remote->require_subcommand(1);
  auto add_options = std::make_shared<RemoteOptions>();
  CLI::App* add =
      remote->add_subcommand("add", "Add a remote: a path, file://, git://, ssh or https URL");
  add->add_option("name", add_options->name, "The remote's name")->required();
  add->add_option("url", add_options->url, "Where it is")->required();
  add->callback(
      [add_options, &context] { context.exit_code = RunRemoteAdd(*add_options, context); });
  CLI::App* list = remote->add_subcommand("list", "Every remote, name and URL");
  list->callback([&context] { context.exit_code = RunRemoteList(context); });
}

void SetupPush(CLI::App& app, Context& context) {
  auto options = std::make_shared<RemoteOptions>();
  options->name = "origin";
  CLI::App* command = app.add_subcommand(
      "push", "Push every article, the watch list, aliases and notes to a remote (never forced)");
  command->add_option("name", options->name, "The remote (default: origin)");
  command->callback([options, &context] { context.exit_code = RunPush(*options, context); });
}

void SetupPull(CLI::App& app, Context& context) {
  auto options = std::make_shared<RemoteOptions>();
  options->name = "origin";
  CLI::App* command = app.add_subcommand(
      "pull", "Bring in a remote's new articles and revisions, merging histories that diverged");
  command->add_option("name", options->name, "The remote (default: origin)");
  command->callback([options, &context] { context.exit_code = RunPull(*options, context); });
}

void SetupClone(CLI::App& app, Context& context) {
  auto options = std::make_shared<RemoteOptions>();
  CLI::App* command =
      app.add_subcommand("clone", "Make an archive holding every history of another");
  command->add_option("url", options->url, "The archive to clone: a path or git URL")->required();
  command->add_option("dir", options->name, "Where to make the new archive")->required();
  command->callback([options, &context] { context.exit_code = RunClone(*options); });
}

}  // namespace stet::cli
