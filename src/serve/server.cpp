// The review server (stet/serve.h): cpp-httplib routes over the archive, the
// report and the renderers. Read-only by construction: only GET and HEAD
// are routed, and nothing a route calls writes.
#include <httplib.h>

#include <cctype>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>

#include "report/escape.h"
#include "report/html_page.h"
#include "serve/pages.h"
#include "stet/quote_history.h"
#include "stet/render.h"
#include "stet/report.h"
#include "stet/report_json.h"
#include "stet/serve.h"

namespace stet {
namespace {

// What a route answers.
struct Reply {
  int status = 200;
  std::string body;
  std::string type = "text/html; charset=utf-8";
  // The policy of the review pages; a stored page gets a sandbox instead.
  std::string policy = std::string(report::kContentSecurityPolicy) + "; frame-ancestors 'none'";
  std::string location = "";  // a redirect's target
};

// A stored page is shown in a sandbox without scripts: whatever it holds,
// none of it runs, and it loads nothing from anywhere.
constexpr std::string_view kStoredPagePolicy =
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "frame-ancestors 'none'";

int StatusCodeOf(const Status& status) {
  switch (status.code()) {
    case Status::Code::kNotFound:
      return 404;
    case Status::Code::kInvalidInput:
      return 400;
    default:
      return 500;
  }
}

Reply ErrorReply(const Status& status, bool json = false) {
  const int code = StatusCodeOf(status);
  if (json) {
    return {code, nlohmann::json{{"error", status.message()}}.dump(2) + "\n",
            "application/json; charset=utf-8"};
  }
  return {code, serve::ErrorPage(code, status.message())};
}

Reply JsonReply(const nlohmann::json& value) {
  return {200, value.dump(2) + "\n", "application/json; charset=utf-8"};
}

// What the archive's histories are now, cheaply: every revision stored, a
// re-extraction recorded or a pack of refs changes one of these files'
// times (refs are replaced by renames in refs/stet/articles, which touches
// the folder). Paths stet never writes are read as absent.
std::string ArchiveState(const std::string& archive) {
  std::string state;
  for (const char* path : {"/refs/stet/articles", "/packed-refs", "/refs/notes/stet"}) {
    std::error_code error;
    const auto when = std::filesystem::last_write_time(archive + path, error);
    state += error ? "-" : std::to_string(when.time_since_epoch().count());
    state += ';';
  }
  return state;
}

// How long a page built from the report is served again unchanged while
// the archive is: its window moves with the clock.
constexpr UnixSeconds kReportPageLifetime = 60;

}  // namespace

struct ReviewServer::Impl {
  ServeOptions options;
  httplib::Server http;
  std::mutex archive_mutex;  // libgit2's repository is used by one thread at a time
  std::optional<Archive> archive;
  DiffCache diffs;
  // Speakers of each article's latest revision, by its commit: search
  // finds each once.
  std::map<std::string, std::vector<std::string>> speakers;
  int port = 0;
  // Pages built from the report (recent changes, the feed, its JSON), by
  // path and query, with the archive's state and the time they were made:
  // a request while neither moved gets the same reply without reading the
  // archive's ten thousand histories again.
  struct CachedReply {
    std::string state;
    UnixSeconds made = 0;
    Reply reply;
  };
  std::map<std::string, CachedReply> report_pages;

  using Route = std::function<Reply(const httplib::Request&)>;

  // Every reply carries the same protective headers; routes run one at a
  // time over the archive.
  void Get(const std::string& pattern, Route route) {
    http.Get(pattern, [this, route](const httplib::Request& request, httplib::Response& response) {
      Reply reply;
      try {
        std::lock_guard<std::mutex> lock(archive_mutex);
        reply = route(request);
      } catch (const std::exception& error) {
        reply = ErrorReply(Status::ArchiveDamaged(std::string("internal error: ") + error.what()));
      }
      Send(reply, response);
    });
  }

  static void Send(const Reply& reply, httplib::Response& response) {
    response.status = reply.status;
    response.set_header("Content-Security-Policy", reply.policy);
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("Cross-Origin-Opener-Policy", "same-origin");
    response.set_header("Cache-Control", "no-cache");
    if (!reply.location.empty()) response.set_header("Location", reply.location);
    response.set_content(reply.body, reply.type.c_str());
  }

  // The query's window: `since` as a duration or a date, else the
  // server's default; the level below which entries are left out.
  Result<ReportQuery> QueryOf(const httplib::Request& request, UnixSeconds now) {
    ReportQuery query;
    query.since = now - options.recent_window;
    if (request.has_param("since")) {
      Result<UnixSeconds> since = ParseWindowEdge(request.get_param_value("since"), now);
      if (!since.ok()) return Status::InvalidInput("since: " + since.status().message());
      query.since = *since;
    }
    if (request.has_param("until")) {
      Result<UnixSeconds> until = ParseWindowEdge(request.get_param_value("until"), now);
      if (!until.ok()) return Status::InvalidInput("until: " + until.status().message());
      query.until = *until;
    }
    query.min_materiality = MaterialityFloor(request.get_param_value("min"));
    return query;
  }

  Result<Report> ReportOf(const httplib::Request& request) {
    const UnixSeconds now = Now();
    Result<ReportQuery> query = QueryOf(request, now);
    if (!query.ok()) return query.status();
    return BuildReport(*archive, *query, now, &diffs);
  }

  // The address a feed's links start with: the Host the reader used when
  // it is a plain host name or address, else the one bound.
  std::string BaseOf(const httplib::Request& request) const {
    std::string host = request.get_header_value("Host");
    const bool plain = !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == ':' || c == '-' ||
             c == '[' || c == ']';
    });
    if (!plain) host = options.bind + ":" + std::to_string(port);
    return "http://" + host;
  }

  Result<std::string> ArticleOf(const std::string& id) { return archive->ResolveArticle(id); }

  // Revisions `a` and `b` of an article compared, from the cache when the
  // pair was compared before.
  Result<std::shared_ptr<const RevisionDiff>> Compare(const std::string& id, const std::string& a,
                                                      const std::string& b) {
    Result<RevisionInfo> from = archive->ResolveRevision(id, a);
    if (!from.ok()) return from.status();
    Result<RevisionInfo> to = archive->ResolveRevision(id, b);
    if (!to.ok()) return to.status();
    const std::string key = DiffCache::Key(*from, *to);
    if (std::shared_ptr<const RevisionDiff> known = diffs.Find(key)) return known;
    Result<std::pair<DiffSide, DiffSide>> sides = ReadArchiveSides(*archive, id, a, b);
    if (!sides.ok()) return sides.status();
    Result<RevisionDiff> made = AnalyzeDiff(std::move(sides->first), std::move(sides->second));
    if (!made.ok()) return made.status();
    auto diff = std::make_shared<const RevisionDiff>(std::move(*made));
    diffs.Keep(key, diff);
    return diff;
  }

  // A reply made from the report, from the cache while it holds.
  Reply ReportPage(const httplib::Request& request, const std::function<Reply()>& make) {
    // The feed's links start with the Host asked for.
    std::string key = request.get_header_value("Host") + request.path + "?";
    for (const auto& [name, value] : request.params) key += name + "=" + value + "&";
    const std::string state = ArchiveState(options.archive_path);
    const UnixSeconds now = Now();
    const auto found = report_pages.find(key);
    if (found != report_pages.end() && found->second.state == state &&
        now - found->second.made < kReportPageLifetime) {
      return found->second.reply;
    }
    Reply reply = make();
    if (reply.status == 200) {
      if (report_pages.size() > 256) report_pages.clear();
      report_pages[key] = {state, now, reply};
    }
    return reply;
  }

  void AddRoutes();
};

void ReviewServer::Impl::AddRoutes() {
  Get("/", [this](const httplib::Request& request) {
    return ReportPage(request, [&] {
      Result<Report> report = ReportOf(request);
      if (!report.ok()) return ErrorReply(report.status());
      return Reply{200, RenderReportHtml(*report, {true, "", serve::Navigation()})};
    });
  });
  Get("/feed.atom", [this](const httplib::Request& request) {
    return ReportPage(request, [&] {
      Result<Report> report = ReportOf(request);
      if (!report.ok()) return ErrorReply(report.status());
      return Reply{200, RenderReportAtom(*report, {true, BaseOf(request), ""}),
                   "application/atom+xml; charset=utf-8"};
    });
  });
  Get("/search", [this](const httplib::Request& request) {
    const std::string query = request.get_param_value("q");
    Result<std::vector<ArticleSummary>> articles = archive->List();
    if (!articles.ok()) return ErrorReply(articles.status());
    std::vector<serve::SearchHit> hits;
    auto lower = [](std::string text) {
      for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return text;
    };
    const std::string wanted = lower(query);
    for (const ArticleSummary& article : *articles) {
      if (!article.damage.empty() || wanted.empty()) continue;
      if (lower(article.url).find(wanted) != std::string::npos) {
        hits.push_back({article, "url"});
        continue;
      }
      if (lower(article.title).find(wanted) != std::string::npos) {
        hits.push_back({article, "title"});
        continue;
      }
      auto known = speakers.find(article.last_commit);
      if (known == speakers.end()) {
        std::vector<std::string> names;
        Result<RevisionInfo> latest = archive->ResolveRevision(article.id, "-1");
        Result<std::string> text = latest.ok() ? archive->ReadText(*latest) : latest.status();
        Result<std::vector<Quote>> quotes = text.ok() ? FindQuotes(*text) : text.status();
        if (quotes.ok()) {
          for (const Quote& quote : *quotes) {
            if (!quote.speaker.empty()) names.push_back(quote.speaker);
          }
        }
        known = speakers.emplace(article.last_commit, std::move(names)).first;
      }
      for (const std::string& name : known->second) {
        if (lower(name).find(wanted) != std::string::npos) {
          hits.push_back({article, "speaker: " + name});
          break;
        }
      }
    }
    return Reply{200, serve::SearchPage(query, hits, articles->size())};
  });
  Get(R"(/a/([0-9a-f]{4,40}))", [this](const httplib::Request& request) {
    Result<std::string> id = ArticleOf(request.matches[1]);
    if (!id.ok()) return ErrorReply(id.status());
    Result<std::vector<RevisionInfo>> log = archive->Log(*id);
    if (!log.ok()) return ErrorReply(log.status());
    Result<std::string> text = archive->ReadText(log->back());
    if (!text.ok()) return ErrorReply(text.status());
    Result<std::vector<Quote>> quotes = FindQuotes(*text);
    if (!quotes.ok()) return ErrorReply(quotes.status());
    return Reply{200, serve::ArticlePage(*log, *quotes)};
  });
  Get(R"(/a/([0-9a-f]{4,40})/compare/(\d{1,9})/(\d{1,9}))",
      [this](const httplib::Request& request) {
        Result<std::string> id = ArticleOf(request.matches[1]);
        if (!id.ok()) return ErrorReply(id.status());
        Result<std::shared_ptr<const RevisionDiff>> compared =
            Compare(*id, request.matches[2], request.matches[3]);
        if (!compared.ok()) return ErrorReply(compared.status());
        const std::shared_ptr<const RevisionDiff>& diff = *compared;
        HtmlOptions html;
        html.navigation = serve::Navigation();
        Result<std::vector<std::vector<QuoteSighting>>> histories =
            FollowChangedQuotes(*archive, *diff);
        if (!histories.ok()) return ErrorReply(histories.status());
        html.quote_histories = std::move(*histories);
        return Reply{200, RenderDiffHtml(*diff, html)};
      });
  // The article page's picker: to the comparison's own, shareable address.
  Get(R"(/a/([0-9a-f]{4,40})/compare)", [](const httplib::Request& request) {
    const std::string a = request.get_param_value("a"), b = request.get_param_value("b");
    auto number = [](const std::string& text) {
      return !text.empty() && text.size() < 10 &&
             text.find_first_not_of("0123456789") == std::string::npos;
    };
    if (!number(a) || !number(b)) {
      return ErrorReply(Status::InvalidInput("give two revision numbers: ?a=1&b=3"));
    }
    Reply reply{303, ""};
    reply.location = "/a/" + request.matches[1].str() + "/compare/" + a + "/" + b;
    return reply;
  });
  Get(R"(/a/([0-9a-f]{4,40})/quotes)", [this](const httplib::Request& request) {
    Result<std::string> id = ArticleOf(request.matches[1]);
    if (!id.ok()) return ErrorReply(id.status());
    const std::string words = request.get_param_value("q");
    if (words.empty()) return ErrorReply(Status::InvalidInput("give the quote's words: ?q=..."));
    Result<std::vector<std::vector<QuoteSighting>>> history =
        FollowQuotes(*archive, *id, {words}, 0.5);
    if (!history.ok()) return ErrorReply(history.status());
    const RevisionInfo latest = history->front().back().revision;
    return Reply{200, serve::QuoteHistoryPage(latest, words, history->front())};
  });
  Get(R"(/a/([0-9a-f]{4,40})/page/(\d{1,9}))", [this](const httplib::Request& request) {
    Result<std::string> id = ArticleOf(request.matches[1]);
    if (!id.ok()) return ErrorReply(id.status());
    Result<RevisionInfo> revision = archive->ResolveRevision(*id, request.matches[2].str());
    if (!revision.ok()) return ErrorReply(revision.status());
    Result<StoredPage> page = archive->ReadPage(*revision);
    if (!page.ok()) return ErrorReply(page.status());
    // The bytes as fetched, in their own encoding; a charset the page did
    // not declare is left to the browser.
    std::string type = "text/html";
    const std::string& charset = page->info.charset;
    if (!charset.empty() && std::all_of(charset.begin(), charset.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        })) {
      type += "; charset=" + charset;
    }
    return Reply{200, std::move(page->html), type, std::string(kStoredPagePolicy)};
  });
  Get("/api/list", [this](const httplib::Request&) {
    Result<std::vector<ArticleSummary>> articles = archive->List();
    if (!articles.ok()) return ErrorReply(articles.status(), true);
    return JsonReply(ArticleListJson(*articles));
  });
  Get("/api/report", [this](const httplib::Request& request) {
    return ReportPage(request, [&] {
      Result<Report> report = ReportOf(request);
      if (!report.ok()) return ErrorReply(report.status(), true);
      return Reply{200, RenderReportJson(*report), "application/json; charset=utf-8"};
    });
  });
  Get(R"(/api/a/([0-9a-f]{4,40})/log)", [this](const httplib::Request& request) {
    Result<std::string> id = ArticleOf(request.matches[1]);
    if (!id.ok()) return ErrorReply(id.status(), true);
    Result<std::vector<RevisionInfo>> log = archive->Log(*id);
    if (!log.ok()) return ErrorReply(log.status(), true);
    return JsonReply(LogJson(*log));
  });
  Get(R"(/api/a/([0-9a-f]{4,40})/compare/(\d{1,9})/(\d{1,9}))",
      [this](const httplib::Request& request) {
        Result<std::string> id = ArticleOf(request.matches[1]);
        if (!id.ok()) return ErrorReply(id.status(), true);
        Result<std::shared_ptr<const RevisionDiff>> diff =
            Compare(*id, request.matches[2], request.matches[3]);
        if (!diff.ok()) return ErrorReply(diff.status(), true);
        return Reply{200, RenderDiffJson(**diff), "application/json; charset=utf-8"};
      });
  // Read-only: any method but GET and HEAD is refused before routing.
  http.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    if (request.method == "GET" || request.method == "HEAD") {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    Reply reply = ErrorReply(
        Status::InvalidInput("this server is read-only: " + request.method + " is not allowed"));
    reply.status = 405;
    Send(reply, response);
    response.set_header("Allow", "GET, HEAD");
    return httplib::Server::HandlerResponse::Handled;
  });
  http.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (response.status != 404) return;
    Send(ErrorReply(Status::NotFound("no page at " + request.path)), response);
  });
}

bool IsLoopback(const std::string& address) {
  return address == "localhost" || address == "::1" || address == "[::1]" ||
         address.rfind("127.", 0) == 0;
}

ReviewServer::ReviewServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ReviewServer::~ReviewServer() = default;

Result<std::unique_ptr<ReviewServer>> ReviewServer::Start(const ServeOptions& options) {
  if (!IsLoopback(options.bind) && !options.allow_public) {
    return Status::InvalidInput("serve: " + options.bind +
                                " is not a loopback address; the archive would be served to the "
                                "network (give --public to mean it)");
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  Result<Archive> archive = Archive::Open(options.archive_path);
  if (!archive.ok()) return archive.status();
  impl->archive.emplace(std::move(*archive));
  impl->AddRoutes();
  if (options.port == 0) {
    impl->port = impl->http.bind_to_any_port(options.bind);
  } else if (impl->http.bind_to_port(options.bind, options.port)) {
    impl->port = options.port;
  }
  if (impl->port <= 0) {
    return Status::InvalidInput("serve: cannot listen on " + options.bind + ":" +
                                std::to_string(options.port) +
                                " (in use, or not an address of this machine)");
  }
  return std::unique_ptr<ReviewServer>(new ReviewServer(std::move(impl)));
}

int ReviewServer::port() const {
  return impl_->port;
}
void ReviewServer::Run() {
  impl_->http.listen_after_bind();
}
void ReviewServer::Stop() {
  impl_->http.stop();
}

}  // namespace stet
