package stepwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import stepwise.api.Options;
import stepwise.api.Stepwise;

/**
 * The service under load: concurrent clients asking a seeded mix of questions (proved and refuted
 * pairs, derivations, malformed JSON, bad formulas, oversize bodies, health), with floods of slow
 * requests that fill the queue. Nothing may hang, the only 5xx allowed is 503 (busy, or expired:
 * the deadline passed in the queue; with Retry-After), every verdict must be the one a single call gives (or unknown at the time limit,
 * never another verdict), and the heap after the run must be close to where it started.
 *
 * <p>Short by default (for mvn test); a long run prints the figures of the README:
 * {@code mvn -q -B -o test -Dtest=ServeLoadTest -Dload.seconds=60}.
 */
class ServeLoadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SECONDS = Long.getLong("load.seconds", 8);
  private static final int CLIENTS = Integer.getInteger("load.clients", 8);
  private static final long SEED = Long.getLong("load.seed", 20261203L);
  private static final Duration MAX_TIMEOUT = Duration.ofSeconds(2);

  /** lhs, rhs, assumptions: quick questions with a definite verdict. */
  private static final String[][] PAIRS = {
      {"Log(x*y)", "Log(x) + Log(y)", "x > 0 && y > 0"},
      {"Log(x*y)", "Log(x) + Log(y)", null},
      {"(x + 1)^2", "x^2 + 2*x + 1", null},
      {"(x + 1)^2", "x^2 + 1", null},
      {"Sum(i, {i, 1, n})", "n*(n + 1)/2", "Element(n, Integers) && n > 0"},
      {"Sqrt(x^2)", "x", null},
  };
  /** Takes its whole time limit (see ServerTest.SLOW). */
  private static final String[] SLOW = ServerTest.SLOW;
  private static final String[] MALFORMED = {"{", "{\"lhs\": }", "not json", "{\"lhs\": \"x\", \"rhs\": \"x\"} trailing",
      "\u0000\u0001\u0002", "[\"lhs\", \"rhs\"]", "", "{\"lhs\": \"x\", \"rhs\": 3}", "{\"lhs\": \"x\"}",
      "{\"lhs\": \"x\", \"rhs\": \"x\", \"timeout\": -1}", "{\"lhs\": \"x\", \"rhs\": \"x\", \"samples\": 7}"};

  private record Outcome(String kind, int code, long nanos) {}

  @Test
  void staysUpUnderLoad() throws Exception {
    String[] expected = new String[PAIRS.length];
    for (int i = 0; i < PAIRS.length; i++) {
      expected[i] = Stepwise.equiv(PAIRS[i][0], PAIRS[i][1], PAIRS[i][2], Options.DEFAULT).status().word();
    }
    String derivation = Files.readString(Path.of("derivations/bce-from-likelihood.yaml"));
    ServerConfig config = new ServerConfig("127.0.0.1", 0, 2, 4, 64 * 1024, MAX_TIMEOUT, Duration.ofSeconds(30),
        MAX_TIMEOUT);
    long heapBefore = heapAfterGc();
    Server server = Server.start(config);
    URI base = URI.create("http://127.0.0.1:" + server.port());
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();
    // a request waits at most (queue / threads + 1) checks of MAX_TIMEOUT + 0.5 s; far more than that is a hang
    Duration hang = Duration.ofSeconds(60);

    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    Map<String, AtomicLong> unknownAtLimit = new ConcurrentHashMap<>();

    // Phase 1, throughput: as many clients as the server has threads plus half its queue, each
    // sending its next question when the last is answered (quick pairs and a derivation)
    ConcurrentLinkedQueue<Outcome> steady = new ConcurrentLinkedQueue<>();
    long steadySeconds = Math.max(2, SECONDS / 2);
    long steadyEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(steadySeconds);
    int steadyClients = config.threads() + config.queue() / 2;
    ExecutorService steadyPool = Executors.newFixedThreadPool(steadyClients);
    List<Future<?>> steadyRuns = new ArrayList<>();
    for (int c = 0; c < steadyClients; c++) {
      Random random = new Random(SEED - 1 - c);
      steadyRuns.add(steadyPool.submit(() -> {
        while (System.nanoTime() < steadyEnd) {
          if (random.nextInt(10) == 0) {
            ObjectNode body = JSON.createObjectNode().put("yaml", derivation).put("timeout", 2);
            send(client, post(base, "/check", body.toString(), hang), "check", steady, problems,
                (code, answer) -> expect(code, answer, problems, "check", 200, 503));
            continue;
          }
          int i = random.nextInt(PAIRS.length);
          send(client, post(base, "/equiv", equiv(PAIRS[i], 1), hang), "equiv", steady, problems, (code, body) -> {
            String status = body.path("status").asText();
            if (code != 503 && !(code == 200 && (status.equals(expected[i])
                || status.equals("unknown") && body.path("reason").asText().contains("time limit")))) {
              problems.add("pair " + i + ": " + code + " " + body + " (one call alone says " + expected[i] + ")");
            }
          });
        }
        return null;
      }));
    }
    for (Future<?> f : steadyRuns) {
      f.get(steadySeconds + hang.toSeconds() + 30, TimeUnit.SECONDS);
    }
    steadyPool.shutdown();
    System.out.println("Phase 1, steady clients (" + steadyClients + "):");
    System.out.println(report(new ArrayList<>(steady), steadySeconds, steadyClients));

    // Phase 2, abuse: more clients than the server can take, a mix of good and bad requests, and floods of slow ones
    ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      Random random = new Random(SEED + c);
      running.add(clients.submit(() -> {
        while (System.nanoTime() < end) {
          int pick = random.nextInt(100);
          String kind;
          HttpRequest request;
          if (pick < 50) {
            int i = random.nextInt(PAIRS.length);
            kind = "equiv";
            request = post(base, "/equiv", equiv(PAIRS[i], 1), hang);
            send(client, request, kind, outcomes, problems, (code, body) -> {
              String status = body.path("status").asText();
              if (code != 503 && !(code == 200 && (status.equals(expected[i])
                  || status.equals("unknown") && body.path("reason").asText().contains("time limit")))) {
                problems.add("pair " + i + ": " + code + " " + body + " (one call alone says " + expected[i] + ")");
              }
              if (status.equals("unknown")) {
                unknownAtLimit.computeIfAbsent("pair " + i, k -> new AtomicLong()).incrementAndGet();
              }
            });
            continue;
          }
          if (pick < 55) {
            kind = "slow";
            request = post(base, "/equiv", equiv(SLOW, 2), hang);
            send(client, request, kind, outcomes, problems, (code, body) -> expect(code, body, problems, kind, 200, 503));
            continue;
          }
          if (pick < 65) {
            kind = "check";
            ObjectNode body = JSON.createObjectNode().put("yaml", derivation).put("timeout", 2);
            request = post(base, "/check", body.toString(), hang);
            send(client, request, kind, outcomes, problems, (code, answer) -> {
              expect(code, answer, problems, kind, 200, 503);
              if (code == 200 && !answer.path("passes").asBoolean()
                  && !answer.toString().contains("time limit")) {
                problems.add("check: " + answer);
              }
            });
            continue;
          }
          if (pick < 80) {
            kind = "malformed";
            request = post(base, "/equiv", MALFORMED[random.nextInt(MALFORMED.length)], hang);
            send(client, request, kind, outcomes, problems, (code, body) -> expect(code, body, problems, kind, 400));
            continue;
          }
          if (pick < 85) {
            kind = "bad formula";
            request = post(base, "/equiv", equiv(new String[] {"Log(x", "x", null}, 1), hang);
            send(client, request, kind, outcomes, problems, (code, body) -> {
              expect(code, body, problems, kind, 400); // read before queueing: never busy
              if (code == 400 && !body.path("error").asText().equals("bad input")) {
                problems.add("bad formula: " + body);
              }
            });
            continue;
          }
          if (pick < 92) {
            kind = "oversize";
            byte[] big = new byte[64 * 1024 + 1 + random.nextInt(256 * 1024)];
            java.util.Arrays.fill(big, (byte) ' ');
            request = HttpRequest.newBuilder(base.resolve("/equiv")).timeout(hang)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();
            send(client, request, kind, outcomes, problems, (code, body) -> expect(code, body, problems, kind, 413));
            continue;
          }
          kind = "health";
          request = HttpRequest.newBuilder(base.resolve("/health")).timeout(hang).GET().build();
          send(client, request, kind, outcomes, problems, (code, body) -> expect(code, body, problems, kind, 200));
        }
        return null;
      }));
    }
    // floods of slow requests, all at once: the queue fills and the rest is told busy
    int busyInFloods = 0;
    long floodsEnd = end - TimeUnit.SECONDS.toNanos(2);
    while (System.nanoTime() < floodsEnd) {
      List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        flood.add(client.sendAsync(post(base, "/equiv", equiv(SLOW, 2), hang), HttpResponse.BodyHandlers.ofString()));
      }
      for (var f : flood) {
        HttpResponse<String> r = f.get(hang.toSeconds() + 5, TimeUnit.SECONDS);
        if (r.statusCode() == 503) {
          busyInFloods++;
          assertTrue(r.headers().firstValue("Retry-After").isPresent(), "503 says when to retry");
        } else if (r.statusCode() != 200) {
          problems.add("flood: " + r.statusCode() + " " + r.body());
        }
      }
      Thread.sleep(1500);
    }
    for (Future<?> f : running) {
      f.get(hang.toSeconds() + 30, TimeUnit.SECONDS);
    }
    clients.shutdown();
    JsonNode health = JSON.readTree(client.send(HttpRequest.newBuilder(base.resolve("/health")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body());
    long closeStarted = System.nanoTime();
    server.close();
    long closeMillis = (System.nanoTime() - closeStarted) / 1_000_000;
    long heapAfter = heapAfterGc();

    List<Outcome> all = new ArrayList<>(outcomes);
    System.out.println("Phase 2, " + CLIENTS + " clients with no back-off and floods of slow requests:");
    System.out.println(report(all, SECONDS, CLIENTS));
    System.out.printf("floods: %d answered busy; server responses %s; unknown at the time limit: %s%n", busyInFloods,
        server.responses(), unknownAtLimit);
    System.out.printf("heap after GC: %d MiB before, %d MiB after; live threads at the end %d; stop took %d ms%n",
        heapBefore >> 20, heapAfter >> 20, health.path("liveThreads").asInt(), closeMillis);

    assertTrue(problems.isEmpty(), "problems:\n" + String.join("\n", problems.stream().limit(20).toList()));
    assertTrue(busyInFloods > 0, "a flood of slow requests fills the queue and is answered busy");
    for (int code : server.responses().keySet()) {
      assertTrue(code < 500 || code == 503, "no 5xx other than 503: " + server.responses());
    }
    assertTrue(steady.stream().filter(o -> o.code == 200).count() > steady.size() / 2,
        "steady clients are mostly served, not told busy");
    assertTrue(heapAfter - heapBefore < 96L << 20, "heap grew by " + ((heapAfter - heapBefore) >> 20) + " MiB");
    assertTrue(closeMillis < 30_000, "the graceful stop took " + closeMillis + " ms");
    assertTrue(health.path("liveThreads").asInt() < 100, "threads stay bounded: " + health);
  }

  private static String equiv(String[] pair, double timeout) {
    ObjectNode n = JSON.createObjectNode().put("lhs", pair[0]).put("rhs", pair[1]).put("timeout", timeout);
    if (pair[2] != null) {
      n.put("assumptions", pair[2]);
    }
    return n.toString();
  }

  private static HttpRequest post(URI base, String path, String body, Duration timeout) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }

  private interface Check {
    void accept(int code, JsonNode body);
  }

  private static void send(HttpClient client, HttpRequest request, String kind, ConcurrentLinkedQueue<Outcome> outcomes,
      ConcurrentLinkedQueue<String> problems, Check check) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      outcomes.add(new Outcome(kind, r.statusCode(), System.nanoTime() - start));
      if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isEmpty()) {
        problems.add(kind + ": 503 without Retry-After");
      }
      JsonNode body;
      try {
        body = JSON.readTree(r.body());
      } catch (java.io.IOException e) {
        problems.add(kind + ": the answer is not JSON: " + r.body());
        return;
      }
      check.accept(r.statusCode(), body);
    } catch (HttpTimeoutException e) {
      problems.add(kind + ": no answer within " + request.timeout().orElseThrow() + " (hung)");
    } catch (Exception e) {
      problems.add(kind + ": " + e);
    }
  }

  private static void expect(int code, JsonNode body, ConcurrentLinkedQueue<String> problems, String kind, int... allowed) {
    for (int a : allowed) {
      if (code == a) {
        if (code >= 400) {
          assertNotNull(body.get("error"), kind + ": an error answer says which error");
        }
        return;
      }
    }
    problems.add(kind + ": got " + code + " " + body);
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Requests per second and latency percentiles, per kind of request and overall. */
  static String report(List<Outcome> outcomes, long seconds, int clients) {
    Map<String, List<Outcome>> byKind = new TreeMap<>();
    for (Outcome o : outcomes) {
      byKind.computeIfAbsent(o.kind, k -> new ArrayList<>()).add(o);
    }
    byKind.put("(all)", outcomes);
    StringBuilder out = new StringBuilder(String.format("%d clients, %d s, seed %d%n", clients, seconds, SEED));
    out.append(String.format("%-12s %7s %8s %8s %8s %8s  %s%n", "request", "count", "req/s", "p50 ms", "p95 ms", "p99 ms",
        "status codes"));
    for (var e : byKind.entrySet()) {
      List<Long> ms = new ArrayList<>();
      Map<Integer, Integer> codes = new TreeMap<>();
      for (Outcome o : e.getValue()) {
        ms.add(o.nanos / 1_000_000);
        codes.merge(o.code, 1, Integer::sum);
      }
      Collections.sort(ms);
      out.append(String.format("%-12s %7d %8.1f %8d %8d %8d  %s%n", e.getKey(), ms.size(), ms.size() / (double) seconds,
          percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), codes));
    }
    return out.toString();
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
