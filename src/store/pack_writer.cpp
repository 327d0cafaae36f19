#include "store/pack_writer.h"

#include <fcntl.h>
#include <mbedtls/sha1.h>
#include <mbedtls/version.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace stet {
namespace {

// SHA-1 of `bytes` (the pack and index trailers), via mbedTLS, which
// libgit2 already links. OpenSSL's libcrypto, linked for this and for
// libssh2 (now opened on first use: git_ssh.cpp), put 340 KB of pointers
// to relocate into every start (docs/performance.md).
std::string Sha1(std::string_view bytes) {
  unsigned char digest[20];
  const auto* input = reinterpret_cast<const unsigned char*>(bytes.data());
#if MBEDTLS_VERSION_MAJOR >= 3
  mbedtls_sha1(input, bytes.size(), digest);
#else
  mbedtls_sha1_ret(input, bytes.size(), digest);
#endif
  return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

void PutBigEndian32(std::string* out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out->push_back(static_cast<char>((value >> shift) & 0xff));
}

std::string Hex(std::string_view raw) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : raw) {
    hex += kDigits[c >> 4];
    hex += kDigits[c & 15];
  }
  return hex;
}

// Writes `bytes` to `directory/name` through a fsynced temporary file.
Status WriteFileAtomically(const std::string& directory, const std::string& name,
                           std::string_view bytes) {
  std::string temporary = directory + "/tmp_stet_XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  auto failure = [&](const std::string& step) {
    return Status::ArchiveDamaged("write " + directory + "/" + name + ": " + step + ": " +
                                  std::strerror(errno));
  };
  if (fd < 0) return failure("create");
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Status status = failure("write");
      ::close(fd);
      ::unlink(temporary.c_str());
      return status;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0444) != 0 || ::fsync(fd) != 0) {
    Status status = failure("sync");
    ::close(fd);
    ::unlink(temporary.c_str());
    return status;
  }
  ::close(fd);
  if (::rename(temporary.c_str(), (directory + "/" + name).c_str()) != 0) {
    Status status = failure("rename");
    ::unlink(temporary.c_str());
    return status;
  }
  return Status::Ok();
}

}  // namespace

Result<git_oid> PackWriter::Add(git_object_t type, std::string_view data) {
  git_oid oid;
  if (git_odb_hash(&oid, data.data(), data.size(), type) != 0) {
    return Status::ArchiveDamaged("pack object: cannot hash");
  }
  if (!seen_.insert(std::string(reinterpret_cast<const char*>(oid.id), GIT_OID_RAWSZ)).second)
    return oid;

  const std::uint64_t offset = pack_.size();
  // Object header: type and size, 4 bits then 7 bits a byte, low bits first.
  std::uint64_t size = data.size();
  unsigned char header =
      static_cast<unsigned char>((static_cast<unsigned>(type) << 4) | (size & 15));
  size >>= 4;
  while (size != 0) {
    pack_.push_back(static_cast<char>(header | 0x80));
    header = static_cast<unsigned char>(size & 0x7f);
    size >>= 7;
  }
  pack_.push_back(static_cast<char>(header));

  uLongf compressed_size = compressBound(static_cast<uLong>(data.size()));
  const std::size_t start = pack_.size();
  pack_.resize(start + compressed_size);
  if (compress2(reinterpret_cast<Bytef*>(pack_.data() + start), &compressed_size,
                reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                Z_BEST_SPEED) != Z_OK) {
    return Status::ArchiveDamaged("pack object: zlib failed");
  }
  pack_.resize(start + compressed_size);
  const auto crc = crc32(0L, reinterpret_cast<const Bytef*>(pack_.data() + offset),
                         static_cast<uInt>(pack_.size() - offset));
  entries_.push_back({oid, offset, static_cast<std::uint32_t>(crc)});
  return oid;
}

Status PackWriter::Commit(const std::string& pack_directory) {
  const auto count = static_cast<std::uint32_t>(entries_.size());
  for (int i = 0; i < 4; ++i) pack_[8 + i] = static_cast<char>((count >> (24 - 8 * i)) & 0xff);
  const std::string pack_checksum = Sha1(pack_);
  pack_ += pack_checksum;

  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return git_oid_cmp(&a.oid, &b.oid) < 0; });
  std::string index("\377tOc\0\0\0\2", 8);
  std::uint32_t fanout[256] = {};
  for (const Entry& entry : entries_) ++fanout[entry.oid.id[0]];
  for (int i = 1; i < 256; ++i) fanout[i] += fanout[i - 1];
  for (std::uint32_t cumulative : fanout) PutBigEndian32(&index, cumulative);
  for (const Entry& entry : entries_)
    index.append(reinterpret_cast<const char*>(entry.oid.id), GIT_OID_RAWSZ);
  for (const Entry& entry : entries_) PutBigEndian32(&index, entry.crc32);
  std::vector<std::uint64_t> large_offsets;
  for (const Entry& entry : entries_) {
    if (entry.offset < 0x80000000u) {
      PutBigEndian32(&index, static_cast<std::uint32_t>(entry.offset));
    } else {
      PutBigEndian32(&index, 0x80000000u | static_cast<std::uint32_t>(large_offsets.size()));
      large_offsets.push_back(entry.offset);
    }
  }
  for (std::uint64_t offset : large_offsets) {
    PutBigEndian32(&index, static_cast<std::uint32_t>(offset >> 32));
    PutBigEndian32(&index, static_cast<std::uint32_t>(offset & 0xffffffffu));
  }
  index += pack_checksum;
  index += Sha1(index);

  const std::string name = "pack-" + Hex(pack_checksum);
  const std::string pack_path = pack_directory + "/" + name + ".pack";
  const bool pack_existed = ::access(pack_path.c_str(), F_OK) == 0;
  if (Status status = WriteFileAtomically(pack_directory, name + ".pack", pack_); !status.ok())
    return status;
  struct stat written = {};
  const bool ours = !pack_existed && ::stat(pack_path.c_str(), &written) == 0;
  if (Status status = WriteFileAtomically(pack_directory, name + ".idx", index); !status.ok()) {
    // A pack without its index is dead weight that git warns about: the
    // batch is not stored, so neither is its pack, unless an earlier or a
    // concurrent identical batch put one there (another file by now).
    struct stat now = {};
    if (ours && ::stat(pack_path.c_str(), &now) == 0 && now.st_ino == written.st_ino &&
        now.st_dev == written.st_dev) {
      ::unlink(pack_path.c_str());
    }
    return status;
  }
  const int directory = ::open(pack_directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (directory >= 0) {
    ::fsync(directory);
    ::close(directory);
  }
  return Status::Ok();
}

}  // namespace stet
