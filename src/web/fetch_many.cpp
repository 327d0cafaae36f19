// Many fetches at once through libcurl's multi interface, on the calling
// thread. libcurl keeps connections alive and reuses them across transfers
// of one multi handle, and multiplexes HTTP/2; what it does not do is space
// requests to one host in time, nor serve hosts in turn, so this file keeps
// a queue per host and starts a transfer only when its host has a free
// connection and its delay has passed.
#include <algorithm>
#include <chrono>
#include <deque>
#include <map>
#include <memory>

#include "base/curl_library.h"
#include "stet/fetch.h"
#include "web/transfer.h"

namespace stet {
namespace {

using Clock = std::chrono::steady_clock;

struct HostQueue {
  std::deque<std::size_t> waiting;  // request indexes, in order
  int running = 0;
  Clock::time_point next_start{};
};

struct Running {
  std::size_t index = 0;
  std::string host;
  std::unique_ptr<PreparedTransfer> transfer;
};

}  // namespace

void FetchMany(const std::vector<FetchRequest>& requests, const FetchManyOptions& options,
               const std::function<AfterFetch(std::size_t index, FetchOutcome outcome)>& done,
               const std::function<void(std::size_t index, std::string_view reason)>& skipped) {
  if (requests.empty()) return;
  Result<const CurlLibrary*> loaded = Curl();
  auto fail_all = [&](const Status& status) {
    for (std::size_t i = 0; i < requests.size(); ++i) {
      FetchOutcome outcome;
      outcome.page = Status::Network(requests[i].url + ": " + status.message());
      outcome.cause = "network error";
      done(i, std::move(outcome));
    }
  };
  if (!loaded.ok()) return fail_all(loaded.status());
  const CurlLibrary& curl = **loaded;
  CurlMultiPtr multi(curl.multi_init(), CurlMultiFree{&curl});
  if (!multi) return fail_all(Status::Network("libcurl could not start a transfer"));
  const int per_host = std::max(1, options.max_per_host);
  const int total = std::max(1, options.max_total);
  curl.multi_setopt(multi.get(), CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(per_host));
  curl.multi_setopt(multi.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(total));
  curl.multi_setopt(multi.get(), CURLMOPT_PIPELINING, static_cast<long>(CURLPIPE_MULTIPLEX));

  std::map<std::string, HostQueue> hosts;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    hosts[HostOf(requests[i].url)].waiting.push_back(i);
  }
  std::map<CURL*, Running> running;
  auto delay_of = [&](const std::string& host) {
    long delay = options.min_delay_ms;
    if (auto found = options.host_delay_ms.find(host); found != options.host_delay_ms.end()) {
      delay = std::max(delay, found->second);
    }
    return std::chrono::milliseconds(std::max(0L, delay));
  };

  auto hold = [&](HostQueue& queue, std::string_view reason) {
    for (std::size_t index : queue.waiting) skipped(index, reason);
    queue.waiting.clear();
  };
  // Starts what may start now; returns when the next queued request may.
  auto start_due = [&]() {
    Clock::time_point next = Clock::time_point::max();
    bool started = true;
    // One request per host per round, so that hosts are served in turn.
    while (started && static_cast<int>(running.size()) < total) {
      started = false;
      const Clock::time_point now = Clock::now();
      for (auto& [host, queue] : hosts) {
        if (queue.waiting.empty() || queue.running >= per_host) continue;
        if (queue.next_start > now) {
          next = std::min(next, queue.next_start);
          continue;
        }
        if (static_cast<int>(running.size()) >= total) break;
        const std::size_t index = queue.waiting.front();
        queue.waiting.pop_front();
        Result<std::unique_ptr<PreparedTransfer>> transfer =
            PreparedTransfer::Make(curl, requests[index].url, requests[index].options);
        if (!transfer.ok()) {
          FetchOutcome outcome;
          outcome.page = transfer.status();
          outcome.cause = "bad request";
          if (done(index, std::move(outcome)) == AfterFetch::kHoldHost) hold(queue, "held");
          started = true;
          continue;
        }
        CURL* handle = (*transfer)->handle();
        running[handle] = Running{index, host, std::move(transfer).value()};
        curl.multi_add_handle(multi.get(), handle);
        ++queue.running;
        queue.next_start = now + delay_of(host);
        started = true;
      }
    }
    return next;
  };

  for (;;) {
    if (options.stop && options.stop()) {
      for (auto& [handle, transfer] : running) {
        curl.multi_remove_handle(multi.get(), handle);
        skipped(transfer.index, "stopped");
      }
      running.clear();
      for (auto& [host, queue] : hosts) hold(queue, "stopped");
      return;
    }
    const Clock::time_point next = start_due();
    if (running.empty()) {
      if (next == Clock::time_point::max()) return;  // nothing waits
    }
    int still_running = 0;
    curl.multi_perform(multi.get(), &still_running);
    int left = 0;
    bool completed = false;
    while (CURLMsg* message = curl.multi_info_read(multi.get(), &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL* handle = message->easy_handle;
      const CURLcode code = message->data.result;
      auto found = running.find(handle);
      if (found == running.end()) continue;
      Running finished = std::move(found->second);
      running.erase(found);
      curl.multi_remove_handle(multi.get(), handle);
      HostQueue& queue = hosts[finished.host];
      --queue.running;
      completed = true;
      if (done(finished.index, finished.transfer->Finish(code)) == AfterFetch::kHoldHost) {
        hold(queue, "held");
      }
    }
    // A finished transfer freed a connection: start the next before waiting.
    if (completed) continue;
    // Wake for socket activity, for the next start a delay allows, and
    // often enough to see `stop` promptly.
    long wait_ms = 100;
    if (next != Clock::time_point::max()) {
      const auto until = std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now());
      wait_ms = std::clamp<long>(until.count(), 0, wait_ms);
    }
    if (!running.empty() || wait_ms > 0) {
      curl.multi_poll(multi.get(), nullptr, 0, static_cast<int>(wait_ms), nullptr);
    }
  }
}

}  // namespace stet
