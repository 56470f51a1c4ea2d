package stepwise.serve;

import java.time.Duration;

/**
 * How the service runs.
 *
 * @param host the address to listen on (127.0.0.1: this machine only)
 * @param port the port; 0 takes a free one
 * @param threads checks run at once (each on its own thread, with its own Symja engine)
 * @param queue requests waiting for a thread; one more is answered 503 busy
 * @param maxBody the largest request body in bytes; a larger one is answered 413
 * @param maxTimeout the longest time one check may take, whatever the client asks
 * @param maxRequest the longest a /check request may take: (steps + claims) x timeout must fit
 * @param defaultTimeout a check's time when the client gives none
 */
public record ServerConfig(String host, int port, int threads, int queue, long maxBody, Duration maxTimeout,
    Duration maxRequest, Duration defaultTimeout) {
  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535 (got " + port + ")");
    }
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("--threads must be between 1 and 256 (got " + threads + ")");
    }
    if (queue < 0 || queue > 100_000) {
      throw new IllegalArgumentException("--queue must be between 0 and 100000 (got " + queue + ")");
    }
    if (maxBody < 1024 || maxBody > 64L << 20) {
      throw new IllegalArgumentException("--max-body must be between 1024 and " + (64L << 20) + " bytes (got " + maxBody + ")");
    }
    if (maxTimeout.isNegative() || maxTimeout.isZero() || maxTimeout.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("--max-timeout must be more than 0 and at most 3600 seconds");
    }
    if (maxRequest.compareTo(maxTimeout) < 0) {
      throw new IllegalArgumentException("--max-request must be at least --max-timeout");
    }
    if (defaultTimeout.compareTo(maxTimeout) > 0) {
      defaultTimeout = maxTimeout;
    }
  }

  /** Port as given; threads as cores; a queue of twice as many; 4 MiB bodies; checks of 5 s, at most 30 s; /check at most 120 s. */
  public static ServerConfig defaults(int port) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new ServerConfig("127.0.0.1", port, cores, 2 * cores, 4L << 20, Duration.ofSeconds(30),
        Duration.ofSeconds(120), Duration.ofSeconds(5));
  }
}
