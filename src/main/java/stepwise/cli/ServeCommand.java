package stepwise.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import stepwise.serve.Server;
import stepwise.serve.ServerConfig;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Answer equivalence and check requests as JSON over HTTP: POST /equiv, POST /check, GET /health"
        + " (see the README, HTTP service).",
        "Stops gracefully on SIGINT or SIGTERM: requests already taken are finished and answered."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", "2:bad option, or the port cannot be opened"})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", required = true, paramLabel = "N", description = "the port (0: any free one, printed)")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "the address to listen on (default ${DEFAULT-VALUE}:"
      + " this machine only; 0.0.0.0 for every interface)", defaultValue = "127.0.0.1")
  String host = "127.0.0.1";

  @Option(names = "--threads", paramLabel = "T", description = "checks run at once (default: the number of cores)")
  Integer threads;

  @Option(names = "--queue", paramLabel = "Q", description = "requests that may wait for a thread; beyond them the"
      + " answer is 503 busy with Retry-After (default: twice the threads)")
  Integer queue;

  @Option(names = "--max-body", paramLabel = "BYTES", description = "largest request body; larger is 413 (default ${DEFAULT-VALUE})",
      defaultValue = "4194304")
  long maxBody = 4L << 20;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "time of each check when a request gives none"
      + " (default ${DEFAULT-VALUE})", defaultValue = "5")
  double timeout = 5;

  @Option(names = "--max-timeout", paramLabel = "SECONDS", description = "the most time a request may give one check"
      + " (default ${DEFAULT-VALUE})", defaultValue = "30")
  double maxTimeout = 30;

  @Option(names = "--max-request", paramLabel = "SECONDS", description = "the most time a /check request may take: its"
      + " steps and claims times the timeout must fit (default ${DEFAULT-VALUE})", defaultValue = "120")
  double maxRequest = 120;

  @Override
  public Integer call() {
    ServerConfig config;
    try {
      ServerConfig defaults = ServerConfig.defaults(0);
      if (!(timeout > 0) || !(maxTimeout > 0) || !(maxRequest > 0)) {
        throw new IllegalArgumentException("--timeout, --max-timeout and --max-request must be above 0 seconds");
      }
      config = new ServerConfig(host, port, threads == null ? defaults.threads() : threads,
          queue == null ? 2 * (threads == null ? defaults.threads() : threads) : queue, maxBody, seconds(maxTimeout),
          seconds(maxRequest), seconds(timeout));
    } catch (IllegalArgumentException e) {
      Main.ERR.println("error: " + e.getMessage());
      return 2;
    }
    Server server;
    try {
      server = Server.start(config);
    } catch (IOException | RuntimeException e) {
      Main.ERR.println("error: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      return 2;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      Main.ERR.println("stepwise serve: stopping; finishing the requests already taken ...");
      server.close();
      Main.ERR.println("stepwise serve: stopped; responses by status: " + server.responses());
    }, "stepwise-serve-stop"));
    Main.OUT.println("stepwise serve: listening on http://" + host + ":" + server.port() + "/ (" + config.threads()
        + " threads, queue " + config.queue() + ", bodies up to " + config.maxBody() + " bytes, checks up to "
        + maxTimeout + " s); Ctrl-C stops");
    try {
      server.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
    return 0;
  }

  private static Duration seconds(double s) {
    return Duration.ofMillis(Math.max(1, (long) (s * 1000)));
  }
}
