#include "store/git_credentials.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

namespace stet::git {
namespace {

// The environment variable `name`, or "" when unset.
std::string Environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

// The account this process runs as: its name and home folder (HOME first,
// as git and libgit2 read it).
struct Account {
  std::string name, home;
};

Account ThisAccount() {
  Account account{Environment("USER"), Environment("HOME")};
  if (const passwd* entry = ::getpwuid(::geteuid()); entry != nullptr) {
    if (entry->pw_name != nullptr) account.name = entry->pw_name;
    if (account.home.empty() && entry->pw_dir != nullptr) account.home = entry->pw_dir;
  }
  return account;
}

bool IsFile(const std::string& path) {
  struct stat status;
  return ::stat(path.c_str(), &status) == 0 && S_ISREG(status.st_mode);
}

// How a way is named in the message when every way was refused.
std::string Describe(const std::string& way) {
  return way.empty() ? "the ssh agent" : way;
}

}  // namespace

int CredentialSearch::Next(git_credential** out, const char* username_from_url,
                           unsigned int allowed_types) {
  const Account account = ThisAccount();
  const std::string user =
      username_from_url != nullptr && *username_from_url != '\0' ? username_from_url : account.name;
  // libgit2 asks for the user name alone first when the URL names none.
  if ((allowed_types & GIT_CREDENTIAL_USERNAME) != 0) {
    return git_credential_username_new(out, user.c_str());
  }
  if ((allowed_types & GIT_CREDENTIAL_SSH_KEY) == 0) return GIT_PASSTHROUGH;
  if (!listed_) {
    listed_ = true;
    if (!Environment("SSH_AUTH_SOCK").empty()) ways_.emplace_back();
    for (const char* key : {"id_ed25519", "id_ecdsa", "id_rsa"}) {
      const std::string path = account.home + "/.ssh/" + key;
      if (!account.home.empty() && IsFile(path)) ways_.push_back(path);
    }
  }
  if (tried_ == ways_.size()) {
    std::string tried;
    for (const std::string& way : ways_) tried += (tried.empty() ? "" : ", ") + Describe(way);
    const std::string message =
        "no ssh key was accepted for " + user + " (tried: " +
        (tried.empty() ? "nothing; no ssh agent and no ~/.ssh/id_ed25519, id_ecdsa or id_rsa"
                       : tried) +
        ")";
    git_error_set_str(GIT_ERROR_SSH, message.c_str());
    return GIT_EAUTH;
  }
  const std::string& way = ways_[tried_++];
  if (way.empty()) return git_credential_ssh_key_from_agent(out, user.c_str());
  const std::string public_key = way + ".pub";
  return git_credential_ssh_key_new(
      out, user.c_str(), IsFile(public_key) ? public_key.c_str() : nullptr, way.c_str(), nullptr);
}

}  // namespace stet::git
