// The credentials stet offers a remote that asks for them: for ssh, the
// keys git's own ssh client would use, found without asking anyone.
//
// stet runs from cron and `stet watch`, with no one to type a passphrase,
// so it offers, in order, what needs no prompt: the keys of a running ssh
// agent (SSH_AUTH_SOCK), then the default key files ~/.ssh/id_ed25519,
// ~/.ssh/id_ecdsa and ~/.ssh/id_rsa that exist, each once. The user name
// is the URL's (ssh://user@host/..., user@host:path), else the login name.
// A key file protected by a passphrase can be used through the agent.
// The server's host key is checked by libgit2 against ~/.ssh/known_hosts.
// Other transports get libgit2's default (a user and password in an
// https URL are used; nothing else is asked for).
#ifndef STET_SRC_STORE_GIT_CREDENTIALS_H_
#define STET_SRC_STORE_GIT_CREDENTIALS_H_

#include <git2.h>

#include <string>
#include <vector>

namespace stet::git {

// One connection's search: each call offers the next way not yet tried.
class CredentialSearch {
 public:
  // libgit2's credential callback (git_credential_acquire_cb) without its
  // payload: 0 with `*out` set; GIT_PASSTHROUGH for a transport other than
  // ssh; GIT_EAUTH, with libgit2's error message saying what was tried,
  // when every way has been refused.
  int Next(git_credential** out, const char* username_from_url, unsigned int allowed_types);

 private:
  bool listed_ = false;
  // "" for the agent, else a private key file; in the order offered.
  std::vector<std::string> ways_;
  std::size_t tried_ = 0;
};

}  // namespace stet::git

#endif  // STET_SRC_STORE_GIT_CREDENTIALS_H_
