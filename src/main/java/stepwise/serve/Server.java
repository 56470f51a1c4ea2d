package stepwise.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import stepwise.api.BadInputException;
import stepwise.api.Options;
import stepwise.api.Stepwise;
import stepwise.load.YamlNode;

/**
 * Stepwise as a JSON-over-HTTP service: POST /equiv, POST /check, GET /health (the README, HTTP
 * service, documents the messages).
 *
 * <p>How it stays up under load: a few I/O threads read each request (within --max-body, else
 * 413) and parse it (malformed JSON or a bad field is 400 at once), then hand it to a fixed pool
 * of check threads with a bounded queue; when the queue is full the request is answered 503 busy
 * with Retry-After, never queued without bound. The check thread writes the response itself, so
 * no I/O thread waits on a check. Every check runs under its deadline (the client's timeout,
 * capped at --max-timeout), and a /check request whose steps and claims could not all finish
 * within --max-request is refused up front. The deadline counts from admission: time spent
 * waiting in the queue is taken off the check's time, and a request whose deadline passed while
 * it waited is answered 503 "expired" without being checked. {@link #close} (on SIGINT or SIGTERM) stops taking
 * work, lets every admitted request finish and be answered, then stops.
 */
public final class Server implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Set<String> EQUIV_FIELDS = Set.of("lhs", "rhs", "assumptions", "latex", "timeout", "samples");
  private static final Set<String> CHECK_FIELDS = Set.of("yaml", "name", "timeout", "samples");
  /** A body declared larger than the limit is read and dropped up to this size, so the client sees the 413. */
  private static final long DRAIN_BYTES = 64L << 20;

  private final ServerConfig config;
  private final HttpServer http;
  private final ThreadPoolExecutor checks;
  private final ThreadPoolExecutor io;
  private final long startedAt = System.nanoTime();
  private volatile boolean draining;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Map<Integer, LongAdder> responses = new ConcurrentHashMap<>();
  /** Recent mean time of a check in milliseconds (for Retry-After). */
  private volatile double meanCheckMillis = 1000;

  private Server(ServerConfig config, HttpServer http) {
    this.config = config;
    this.http = http;
    BlockingQueue<Runnable> waiting = config.queue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(config.queue());
    this.checks = new ThreadPoolExecutor(config.threads(), config.threads(), 0, TimeUnit.SECONDS, waiting,
        threads("stepwise-serve-check", 16L << 20));
    int ioThreads = Math.max(2, Math.min(8, config.threads()));
    // a flood of connections beyond this queue is closed by the HTTP server: memory stays bounded
    this.io = new ThreadPoolExecutor(ioThreads, ioThreads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024),
        threads("stepwise-serve-io", 0));
  }

  /** Starts the service (after warming up Symja, so the first request is not the slow one). */
  public static Server start(ServerConfig config) throws IOException {
    // A client that sends its request slower than this is cut off; it cannot hold an I/O thread for ever.
    System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "30");
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    HttpServer http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 256); // a port in use fails here, at once
    Stepwise.equiv("x", "x");
    Server server = new Server(config, http);
    server.checks.prestartAllCoreThreads();
    server.warmUpCheckThreads();
    http.setExecutor(server.io);
    http.createContext("/", server::handle);
    http.start();
    return server;
  }

  /**
   * One small question on every check thread, so that no client pays for a thread's first
   * check (its Symja engine, its worker): each task waits for the others, so no thread takes two.
   */
  private void warmUpCheckThreads() {
    int n = config.threads();
    CountDownLatch started = new CountDownLatch(n);
    CountDownLatch done = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      try {
        checks.execute(() -> {
          started.countDown();
          try {
            started.await(10, TimeUnit.SECONDS);
            Stepwise.equiv("Log(x*y)", "Log(x) + Log(y)", "x > 0 && y > 0", Options.DEFAULT);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            done.countDown();
          }
        });
      } catch (RejectedExecutionException e) {
        done.countDown();
        started.countDown();
      }
    }
    try {
      done.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public int port() {
    return http.getAddress().getPort();
  }

  public ServerConfig config() {
    return config;
  }

  /** Blocks until the service has stopped. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /**
   * Graceful stop: new requests are answered 503 (shutting down); every request already taken,
   * queued or running, is finished and answered; then the port is closed.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    draining = true;
    checks.shutdown();
    try {
      checks.awaitTermination(config.maxRequest().toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.stop(1);
    io.shutdownNow();
    closed.countDown();
  }

  /** Responses so far, by HTTP status code. */
  public Map<Integer, Long> responses() {
    Map<Integer, Long> out = new TreeMap<>();
    responses.forEach((code, n) -> out.put(code, n.sum()));
    return out;
  }

  private void handle(HttpExchange exchange) {
    try {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      switch (path) {
        case "/health" -> {
          if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new Refusal(405, "method not allowed", "GET /health").header("Allow", "GET, HEAD");
          }
          respond(exchange, 200, health(), Map.of());
        }
        case "/equiv", "/check" -> {
          if (!method.equals("POST")) {
            throw new Refusal(405, "method not allowed", "POST " + path + " with a JSON body").header("Allow", "POST");
          }
          admit(exchange, path);
        }
        default -> throw new Refusal(404, "not found", "the endpoints are POST /equiv, POST /check and GET /health");
      }
    } catch (Refusal r) {
      respond(exchange, r.code, r.body(), r.headers);
    } catch (RuntimeException | Error e) {
      respond(exchange, 500, error("internal error", String.valueOf(e)), Map.of());
    }
  }

  /** Reads and parses a request on this I/O thread, then queues its check or says busy. */
  private void admit(HttpExchange exchange, String path) {
    if (draining) {
      throw new Refusal(503, "shutting down", "the server is stopping; try another instance or later")
          .header("Retry-After", "5").header("Connection", "close");
    }
    JsonNode request = parse(readBody(exchange));
    long admittedAt = System.nanoTime();
    Job job = path.equals("/equiv") ? equivJob(request) : checkJob(request);
    try {
      checks.execute(() -> run(exchange, job, admittedAt));
    } catch (RejectedExecutionException e) {
      String retry = String.valueOf(retryAfterSeconds());
      throw new Refusal(503, "busy", "all " + config.threads() + " check threads are busy and " + config.queue()
          + " requests wait; retry after " + retry + " s").header("Retry-After", retry);
    }
  }

  /** A check to run: its answer as JSON, given how long the request has waited in the queue. */
  private interface Job {
    ObjectNode run(Duration waited);
  }

  /** A request whose deadline passed while it waited for a check thread: answered without a check. */
  private static final class Expired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Expired(String message) {
      super(message, null, false, false);
    }
  }

  private Job equivJob(JsonNode r) {
    allowOnly(r, EQUIV_FIELDS);
    String lhs = text(r, "lhs", true);
    String rhs = text(r, "rhs", true);
    String assumptions = text(r, "assumptions", false);
    boolean latex = flag(r, "latex");
    Options options = options(r).withLatex(latex);
    try { // read here, so a formula that does not parse never waits for a check thread
      Stepwise.validateEquiv(lhs, rhs, assumptions, options);
    } catch (BadInputException e) {
      throw new Refusal(400, "bad input", e.getMessage()).problems(e.problems());
    }
    return waited -> {
      Duration left = options.timeout().minus(waited);
      if (left.toMillis() < 1) {
        throw new Expired("waited " + seconds(waited) + " s in the queue, past its timeout of " + seconds(options.timeout())
            + " s; not checked: retry later or with a longer timeout");
      }
      return withTimeout(JSON.valueToTree(Stepwise.equiv(lhs, rhs, assumptions, options.withTimeout(left))), left);
    };
  }

  private Job checkJob(JsonNode r) {
    allowOnly(r, CHECK_FIELDS);
    String yaml = text(r, "yaml", true);
    String name = text(r, "name", false);
    Options options = options(r);
    int checks = checksIn(yaml);
    double worst = checks * (options.timeout().toMillis() + 500) / 1000.0;
    if (worst > config.maxRequest().toSeconds()) {
      throw new Refusal(400, "too long", String.format(java.util.Locale.ROOT, "%d steps and claims at %s s each could take"
          + " %.0f s, over this server's limit of %d s per request: give a smaller timeout or split the derivation",
          checks, seconds(options.timeout()), worst, config.maxRequest().toSeconds()));
    }
    // the request's deadline: every step and claim at its timeout; what the queue took is shared out among them
    Duration allowed = options.timeout().multipliedBy(Math.max(1, checks));
    return waited -> {
      Duration left = allowed.minus(waited);
      if (left.toMillis() < Math.max(1, checks)) {
        throw new Expired("waited " + seconds(waited) + " s in the queue, past its deadline of " + seconds(allowed) + " s ("
            + Math.max(1, checks) + " steps and claims at " + seconds(options.timeout()) + " s each); not checked: retry"
            + " later or with a longer timeout");
      }
      Duration each = left.dividedBy(Math.max(1, checks));
      Duration timeout = each.compareTo(options.timeout()) < 0 ? each : options.timeout();
      return withTimeout(JSON.valueToTree(Stepwise.checkYaml(yaml, name, options.withTimeout(timeout))), timeout);
    };
  }

  /** The answer, with the time each check was given (less than asked when the request waited in the queue). */
  private static ObjectNode withTimeout(ObjectNode answer, Duration timeout) {
    answer.put("timeoutMs", timeout.toMillis());
    return answer;
  }

  /** Steps and claims in a derivation's text (0 if it does not parse: the check then says why). */
  private static int checksIn(String yaml) {
    try {
      YamlNode root = YamlNode.parse(Path.of("request.yaml"), yaml);
      if (!root.isMapping()) {
        return 0;
      }
      int steps = root.get("steps", "file").filter(YamlNode::isSequence).map(n -> n.items("steps").size()).orElse(0);
      int claims = root.get("claims", "file").filter(YamlNode::isSequence).map(n -> n.items("claims").size()).orElse(0);
      return steps + claims;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private void run(HttpExchange exchange, Job job, long admittedAt) {
    long started = System.nanoTime();
    try {
      ObjectNode answer = job.run(Duration.ofNanos(started - admittedAt));
      long done = System.nanoTime();
      answer.put("queuedMs", (started - admittedAt) / 1_000_000);
      answer.put("elapsedMs", (done - started) / 1_000_000);
      meanCheckMillis = 0.9 * meanCheckMillis + 0.1 * ((done - started) / 1e6);
      respond(exchange, 200, answer, Map.of());
    } catch (Expired e) {
      ObjectNode body = error("expired", e.getMessage());
      body.put("queuedMs", (started - admittedAt) / 1_000_000);
      respond(exchange, 503, body, Map.of("Retry-After", String.valueOf(retryAfterSeconds())));
    } catch (BadInputException e) {
      ObjectNode body = error("bad input", e.getMessage());
      body.set("problems", JSON.valueToTree(e.problems()));
      respond(exchange, 400, body, Map.of());
    } catch (RuntimeException | Error e) {
      respond(exchange, 500, error("internal error", String.valueOf(e)), Map.of());
    }
  }

  private long retryAfterSeconds() {
    double waiting = checks.getQueue().size() + checks.getActiveCount();
    double seconds = waiting * meanCheckMillis / 1000.0 / config.threads();
    return Math.max(1, Math.min(60, (long) Math.ceil(seconds)));
  }

  private ObjectNode health() {
    ObjectNode n = JSON.createObjectNode();
    n.put("status", draining ? "stopping" : "ok");
    n.put("threads", config.threads());
    n.put("queueCapacity", config.queue());
    n.put("active", checks.getActiveCount());
    n.put("queued", checks.getQueue().size());
    n.put("maxTimeoutSeconds", config.maxTimeout().toMillis() / 1000.0);
    n.put("maxBodyBytes", config.maxBody());
    ObjectNode byCode = n.putObject("responses");
    responses().forEach((code, count) -> byCode.put(String.valueOf(code), count));
    Runtime rt = Runtime.getRuntime();
    n.put("heapUsedBytes", rt.totalMemory() - rt.freeMemory());
    n.put("heapMaxBytes", rt.maxMemory());
    n.put("liveThreads", ManagementFactory.getThreadMXBean().getThreadCount());
    n.put("uptimeSeconds", (System.nanoTime() - startedAt) / 1_000_000_000L);
    return n;
  }

  /** The body, at most --max-body bytes; beyond it 413 (the rest is read and dropped, within reason). */
  private byte[] readBody(HttpExchange exchange) {
    long limit = config.maxBody();
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    try (InputStream in = exchange.getRequestBody()) {
      if (declared != null && parseLong(declared) > limit) {
        drain(in, parseLong(declared));
        throw tooLarge(declared + " bytes");
      }
      byte[] body = in.readNBytes((int) limit + 1);
      if (body.length > limit) {
        drain(in, DRAIN_BYTES);
        throw tooLarge("more than " + limit + " bytes");
      }
      return body;
    } catch (IOException e) {
      throw new Refusal(400, "unreadable request", "the body could not be read: " + e.getMessage()).header("Connection", "close");
    }
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private Refusal tooLarge(String size) {
    return new Refusal(413, "too large", "the body is " + size + "; this server takes at most " + config.maxBody()
        + " bytes (--max-body)").header("Connection", "close");
  }

  /** Reads and drops up to max bytes, so a client that sends its whole body before reading gets the answer. */
  private static void drain(InputStream in, long max) throws IOException {
    if (max > DRAIN_BYTES) {
      return; // too much to read: the connection is closed after the answer
    }
    byte[] sink = new byte[64 * 1024];
    long left = max;
    for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
      left -= n;
    }
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw new Refusal(400, "malformed JSON", "the body is empty; send a JSON object");
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new Refusal(400, "malformed JSON", e.getOriginalMessage()
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw new Refusal(400, "malformed JSON", String.valueOf(e.getMessage()));
    }
    if (node == null || !node.isObject()) {
      throw new Refusal(400, "malformed JSON", "the body must be a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
    }
    return node;
  }

  private static void allowOnly(JsonNode r, Set<String> fields) {
    r.fieldNames().forEachRemaining(name -> {
      if (!fields.contains(name)) {
        throw new Refusal(400, "bad request", "unknown field '" + name + "' (known: " + String.join(", ", new java.util.TreeSet<>(fields)) + ")");
      }
    });
  }

  private static String text(JsonNode r, String field, boolean required) {
    JsonNode v = r.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new Refusal(400, "bad request", "'" + field + "' is missing");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new Refusal(400, "bad request", "'" + field + "' must be a string, got " + v.getNodeType());
    }
    return v.textValue();
  }

  private static boolean flag(JsonNode r, String field) {
    JsonNode v = r.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new Refusal(400, "bad request", "'" + field + "' must be true or false");
    }
    return v.booleanValue();
  }

  /** samples and timeout from the request; the timeout capped at --max-timeout. */
  private Options options(JsonNode r) {
    Duration timeout = config.defaultTimeout();
    JsonNode t = r.get("timeout");
    if (t != null && !t.isNull()) {
      if (!t.isNumber() || !(t.doubleValue() > 0)) {
        throw new Refusal(400, "bad request", "'timeout' must be a number of seconds above 0");
      }
      timeout = Duration.ofMillis(Math.max(1, (long) Math.min(t.doubleValue() * 1000, config.maxTimeout().toMillis())));
    }
    int samples = Options.DEFAULT.samples();
    JsonNode s = r.get("samples");
    if (s != null && !s.isNull()) {
      if (!s.canConvertToInt() || !s.isIntegralNumber()) {
        throw new Refusal(400, "bad request", "'samples' must be a whole number");
      }
      samples = s.intValue();
    }
    try {
      return Options.DEFAULT.withTimeout(timeout).withSamples(samples);
    } catch (IllegalArgumentException e) {
      throw new Refusal(400, "bad request", e.getMessage());
    }
  }

  private static String seconds(Duration d) {
    double s = d.toMillis() / 1000.0;
    return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
  }

  private static ObjectNode error(String error, String message) {
    ObjectNode n = JSON.createObjectNode();
    n.put("error", error);
    n.put("message", message);
    return n;
  }

  /** Writes a JSON answer and ends the exchange; a client that has gone away is not an error. */
  private void respond(HttpExchange exchange, int code, JsonNode body, Map<String, String> headers) {
    responses.computeIfAbsent(code, c -> new LongAdder()).increment();
    try {
      byte[] bytes = JSON.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client closed the connection; nothing to answer
    } finally {
      exchange.close();
    }
  }

  private static java.util.concurrent.ThreadFactory threads(String name, long stackBytes) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), stackBytes);
      t.setDaemon(true);
      return t;
    };
  }

  /** A request answered without a check: its status code, error word, message and headers. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String error;
    private final transient Map<String, String> headers = new java.util.LinkedHashMap<>();

    Refusal(int code, String error, String message) {
      super(message, null, false, false);
      this.code = code;
      this.error = error;
    }

    private transient Object problems;

    Refusal header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Refusal problems(java.util.List<BadInputException.Problem> list) {
      problems = list;
      return this;
    }

    ObjectNode body() {
      ObjectNode body = Server.error(error, getMessage());
      if (problems != null) {
        body.set("problems", JSON.valueToTree(problems));
      }
      return body;
    }
  }
}
