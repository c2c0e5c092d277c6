#include "cli/ServeCommand.h"

#include <Poco/Exception.h>
#include <pthread.h>
#include <signal.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <memory>

#include "cli/Console.h"
#include "common/Errors.h"
#include "model/LayoutCatalog.h"
#include "render/EngineFactory.h"
#include "server/BearerToken.h"
#include "server/ClientAddress.h"
#include "server/HttpServer.h"

namespace gongwen::cli {

const std::vector<std::string> kServeOptions = {
    "--bind",
    "--port",
    "--workers",
    "--queue",
    "--token-file",
    "--max-body",
    "--max-records",
    "--max-pages",
    "--time-limit",
    "--instance",
    // Connections (docs/hostile-clients.md).
    "--trusted-proxy",
    "--head-timeout",
    "--min-body-rate",
    "--max-connections",
    "--max-client-connections",
    "--drain-timeout",
};

namespace {

unsigned long long number(const std::string& option, const std::string& text,
                          unsigned long long max) {
  size_t used = 0;
  unsigned long long v = 0;
  try {
    if (!text.empty() && text[0] != '-') v = std::stoull(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || v > max) {
    throw UsageError(Message("{0} needs a whole number up to {1}, not \"{2}\"", option, max, text));
  }
  return v;
}

// "10M", "512K", "1048576" → bytes.
size_t byteSize(const std::string& option, const std::string& text) {
  unsigned long long unit = 1;
  std::string digits = text;
  if (!digits.empty()) {
    char last = static_cast<char>(std::toupper(static_cast<unsigned char>(digits.back())));
    if (last == 'K' || last == 'M' || last == 'G') {
      unit = last == 'K' ? 1024ULL : last == 'M' ? 1024ULL * 1024 : 1024ULL * 1024 * 1024;
      digits.pop_back();
    }
  }
  return static_cast<size_t>(number(option, digits, (1ULL << 40) / unit) * unit);
}

std::chrono::milliseconds seconds(const std::string& option, const std::string& text) {
  double s = 0;
  size_t used = 0;
  try {
    s = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || !std::isfinite(s) || s <= 0 || s > 86400) {
    throw UsageError(Message("{0} needs seconds (e.g. 30 or 0.5), not \"{1}\"", option, text));
  }
  return std::chrono::milliseconds(static_cast<long long>(std::ceil(s * 1000)));
}

server::ServerSettings serverSettings(const CommandLine& cl) {
  server::ServerSettings s;
  s.webDir = (cl.engine.dataDir.empty() ? dataDirectory() : cl.engine.dataDir) + "/web";
  for (const auto& [option, value] : cl.serveOptions) {
    if (option == "--bind") {
      s.bind = value;
    } else if (option == "--port") {
      s.port = static_cast<unsigned>(number(option, value, 65535));
    } else if (option == "--workers") {
      s.workers = static_cast<unsigned>(number(option, value, 1024));
      if (s.workers == 0) throw UsageError(Message("--workers needs at least 1"));
    } else if (option == "--queue") {
      s.queue = number(option, value, 100000);
    } else if (option == "--token-file") {
      s.token = server::readTokenFile(value);
    } else if (option == "--max-body") {
      s.limits.maxBodyBytes = byteSize(option, value);
    } else if (option == "--max-records") {
      s.limits.maxRecords = number(option, value, std::numeric_limits<uint32_t>::max());
    } else if (option == "--max-pages") {
      s.limits.maxPages = number(option, value, std::numeric_limits<uint32_t>::max());
    } else if (option == "--time-limit") {
      s.limits.timeLimit = seconds(option, value);
    } else if (option == "--instance") {
      s.instance = value;
    } else if (option == "--trusted-proxy") {
      try {
        server::TrustedProxies::parse(value);
      } catch (const std::invalid_argument& e) {
        throw UsageError(
            Message("--trusted-proxy needs addresses or CIDR ranges separated by "
                    "commas; \"{0}\" is neither",
                    e.what()));
      }
      s.connections.trustedProxies = value;
    } else if (option == "--head-timeout") {
      // A body's first bytes get as long as a head; after that its rate counts.
      s.connections.headTimeout = seconds(option, value);
      s.connections.bodyGrace = s.connections.headTimeout;
    } else if (option == "--min-body-rate") {
      s.connections.minBodyRate = std::max<size_t>(1, byteSize(option, value));
    } else if (option == "--max-connections") {
      s.connections.maxConnections = number(option, value, 1'000'000);
      if (s.connections.maxConnections == 0)
        throw UsageError(Message("--max-connections needs at least 1"));
    } else if (option == "--max-client-connections") {
      s.connections.maxPerClient = number(option, value, 1'000'000);
      if (s.connections.maxPerClient == 0) {
        throw UsageError(Message("--max-client-connections needs at least 1"));
      }
    } else if (option == "--drain-timeout") {
      s.connections.drainTimeout = seconds(option, value);
    }
  }
  return s;
}

}  // namespace

int runServe(const CommandLine& cl) {
  if (!cl.inputs.empty()) throw UsageError(Message("serve takes no INPUT"));
  server::ServerSettings settings = serverSettings(cl);

  // SIGTERM and SIGINT are taken by sigwait below, never by a handler: blocked here,
  // before any thread starts, so every thread inherits the mask.
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGTERM);
  sigaddset(&stopSignals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client that hangs up is an error on its socket, not our death

  EngineSettings engineSettings = cl.engine;
  engineSettings.allLayoutsAtStart = true;  // a bad layout file stops the server at start
  auto engine = makeEngine(engineSettings);
  std::unique_ptr<server::HttpServer> listening;
  try {
    listening = std::make_unique<server::HttpServer>(engine, settings);
  } catch (const Poco::Exception& e) {
    throw InputError("--bind " + settings.bind + " --port " + std::to_string(settings.port),
                     Message("cannot listen there: {0}", e.displayText()));
  }
  server::HttpServer& server = *listening;
  server.start();
  tell(cl.language,
       settings.token.empty()
           ? Message("listening on {0} (instance {1}, {2} workers, queue {3})", server.url(),
                     server.instance(), server.workers(), settings.queue)
           : Message("listening on {0} (instance {1}, {2} workers, queue {3}, token "
                     "required)",
                     server.url(), server.instance(), server.workers(), settings.queue));

  int received = 0;
  while (sigwait(&stopSignals, &received) != 0) {
  }
  tell(cl.language, Message("{0}: finishing the requests in flight",
                            received == SIGTERM ? "SIGTERM" : "SIGINT"));
  // New connections are refused and those without a complete request closed at once;
  // the requests in flight get --drain-timeout to be answered.
  if (!server.stop(settings.connections.drainTimeout)) {
    tell(cl.language, Message("requests still in flight after the drain timeout; exiting"));
    std::_Exit(1);
  }
  tell(cl.language, Message("stopped"));
  return 0;
}

}  // namespace gongwen::cli
