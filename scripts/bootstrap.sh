#!/usr/bin/env bash
# Installs what stet needs to build, test and benchmark, from Debian's
# packages. Idempotent and non-interactive: when everything is installed it
# does nothing; otherwise it runs `apt-get update` first, then installs.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git python3 clang-format
  xxhash libpsl-dev publicsuffix libsqlite3-dev sqlite3 libgit2-dev libxxhash-dev libdtl-dev libcli11-dev catch2 nlohmann-json3-dev libicu-dev libcurl4-openssl-dev libssl-dev zlib1g-dev libxml2-dev libcpp-httplib-dev libgumbo-dev wordnet-base libstemmer-dev cmark-gfm python3-jsonschema
  # the static archives stet links (cmake/StaticDependencies.cmake)
  libmbedtls-dev libssh2-1-dev libhttp-parser-dev libpcre2-dev liblzma-dev
  # the GSS-API header: libgit2's Kerberos calls open their library on first use
  libkrb5-dev
  # tests: a TLS certificate for a loopback server, and the trace of what a command opens
  openssl strace hyperfine
  # tests: an ssh remote (sshd on loopback, ssh-keygen, ssh-agent)
  openssh-server openssh-client
  # benchmarks: peak memory of a command
  time
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "bootstrap: installing ${missing[*]}" >&2
# RUNLEVEL=1: a package's install starts no service here (openssh-server
# is for the tests, which start their own sshd on loopback).
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 \
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
