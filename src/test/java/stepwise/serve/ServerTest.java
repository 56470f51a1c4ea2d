package stepwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The service's answers one request at a time: limits, refusals, and a graceful stop. */
class ServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String[] SLOW = stepwise.Fixtures.SLOW_TRUE_IDENTITY;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<String> post(URI base, String path, HttpRequest.BodyPublisher body) throws Exception {
    return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).POST(body).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void refusesWhatItCannotDoAndFinishesWhatItTookWhenStopping() throws Exception {
    ServerConfig config = new ServerConfig("127.0.0.1", 0, 1, 1, 4096, Duration.ofSeconds(2), Duration.ofSeconds(3),
        Duration.ofSeconds(2));
    Server server = Server.start(config);
    URI base = URI.create("http://127.0.0.1:" + server.port());
    try {
      // a derivation whose checks could outlast --max-request is refused before anything runs
      String yaml = Files.readString(Path.of("derivations/bce-from-likelihood.yaml"));
      HttpResponse<String> tooLong = post(base, "/check",
          HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("yaml", yaml).toString()));
      assertEquals(400, tooLong.statusCode(), tooLong.body());
      assertTrue(JSON.readTree(tooLong.body()).path("message").asText().contains("3 steps and claims"), tooLong.body());

      // a body of unknown length (chunked) beyond --max-body
      byte[] big = new byte[10_000];
      HttpResponse<String> chunked = post(base, "/equiv",
          HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
      assertEquals(413, chunked.statusCode(), chunked.body());

      HttpResponse<String> wrongMethod = client.send(HttpRequest.newBuilder(base.resolve("/equiv")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(405, wrongMethod.statusCode());
      assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElse(""));

      // a slow check is running when the stop comes: it is finished and answered, later ones are not taken.
      // It must take its whole 2 s (no prover knows Gauss's triplication formula; sampling Gamma at 50 digits is
      // slow): a question that is proved at once would let the server stop before the late request arrives.
      String slow = JSON.createObjectNode().put("lhs", SLOW[0]).put("rhs", SLOW[1])
          .put("assumptions", SLOW[2]).put("timeout", 2).toString();
      CompletableFuture<HttpResponse<String>> running = client.sendAsync(
          HttpRequest.newBuilder(base.resolve("/equiv")).POST(HttpRequest.BodyPublishers.ofString(slow)).build(),
          HttpResponse.BodyHandlers.ofString());
      for (int i = 0; i < 100 && health(base).path("active").asInt() == 0; i++) {
        Thread.sleep(50);
      }
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
      Thread.sleep(200);
      assertTrue(!running.isDone(), "the slow question was answered before the stop: pick one that takes its time");
      HttpResponse<String> late = post(base, "/equiv",
          HttpRequest.BodyPublishers.ofString("{\"lhs\": \"x\", \"rhs\": \"x\"}"));
      assertEquals(503, late.statusCode(), late.body());
      assertEquals("shutting down", JSON.readTree(late.body()).path("error").asText());
      HttpResponse<String> answered = running.get(30, TimeUnit.SECONDS);
      assertEquals(200, answered.statusCode(), answered.body());
      stopping.get(30, TimeUnit.SECONDS);
    } finally {
      server.close();
    }
  }

  /**
   * A request's deadline counts from when it was taken: one that waited in the queue past it is
   * answered 503 "expired" at once, unchecked; one that waited less gets only what is left.
   */
  @Test
  void timeWaitedInTheQueueIsTakenOffTheDeadline() throws Exception {
    ServerConfig config = new ServerConfig("127.0.0.1", 0, 1, 4, 1 << 20, Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofSeconds(5));
    Server server = Server.start(config);
    URI base = URI.create("http://127.0.0.1:" + server.port());
    try {
      // takes its whole 3 s (no proof; sampling Gamma at high precision is slow), holding the only check thread
      String slow = JSON.createObjectNode().put("lhs", SLOW[0]).put("rhs", SLOW[1])
          .put("assumptions", SLOW[2]).put("timeout", 3).toString();
      long slowSent = System.nanoTime();
      CompletableFuture<HttpResponse<String>> running = postAsync(base, "/equiv", slow);
      for (int i = 0; i < 200 && health(base).path("active").asInt() == 0; i++) {
        Thread.sleep(20);
      }
      CompletableFuture<HttpResponse<String>> shortEquiv = postAsync(base, "/equiv",
          "{\"lhs\": \"x\", \"rhs\": \"x\", \"timeout\": 0.5}");
      String yaml = Files.readString(Path.of("derivations/bce-from-likelihood.yaml"));
      CompletableFuture<HttpResponse<String>> shortCheck = postAsync(base, "/check",
          JSON.createObjectNode().put("yaml", yaml).put("timeout", 0.2).toString());
      CompletableFuture<HttpResponse<String>> longEquiv = postAsync(base, "/equiv",
          "{\"lhs\": \"(x + 1)^2\", \"rhs\": \"x^2 + 2*x + 1\", \"timeout\": 8}");

      HttpResponse<String> first = running.get(60, TimeUnit.SECONDS);
      double slowSeconds = (System.nanoTime() - slowSent) / 1e9;
      assertEquals(200, first.statusCode(), first.body());
      assertTrue(slowSeconds > 2, "the slow question took " + slowSeconds + " s: pick one that takes its whole time limit");

      HttpResponse<String> expired = shortEquiv.get(60, TimeUnit.SECONDS);
      JsonNode e = JSON.readTree(expired.body());
      assertEquals(503, expired.statusCode(), expired.body());
      assertEquals("expired", e.path("error").asText(), expired.body());
      assertTrue(e.path("message").asText().contains("past its timeout of 0.5 s"), expired.body());
      assertTrue(e.path("queuedMs").asLong() >= 500, expired.body());
      assertTrue(expired.headers().firstValue("Retry-After").isPresent());

      HttpResponse<String> expiredCheck = shortCheck.get(60, TimeUnit.SECONDS);
      assertEquals(503, expiredCheck.statusCode(), expiredCheck.body());
      assertTrue(JSON.readTree(expiredCheck.body()).path("message").asText().contains("3 steps and claims at 0.2 s each"),
          expiredCheck.body());

      HttpResponse<String> shortened = longEquiv.get(60, TimeUnit.SECONDS);
      JsonNode s = JSON.readTree(shortened.body());
      assertEquals(200, shortened.statusCode(), shortened.body());
      assertEquals("proved", s.path("status").asText(), shortened.body());
      long queued = s.path("queuedMs").asLong();
      long given = s.path("timeoutMs").asLong();
      assertTrue(queued > 500, shortened.body());
      assertTrue(Math.abs(queued + given - 8000) <= 2, "the check gets what the queue left of its 8 s: " + shortened.body());
      assertTrue(server.responses().getOrDefault(503, 0L) >= 2, server.responses().toString());
    } finally {
      server.close();
    }
  }

  private CompletableFuture<HttpResponse<String>> postAsync(URI base, String path, String body) {
    return client.sendAsync(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode health(URI base) throws Exception {
    return JSON.readTree(client.send(HttpRequest.newBuilder(base.resolve("/health")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  @Test
  void badServeOptionsAreBadInput() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    int code = stepwise.cli.Main.run(new PrintStream(new ByteArrayOutputStream()), errors, "serve", "--port", "70000");
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--port must be between 0 and 65535"), err.toString());
    code = stepwise.cli.Main.run(new PrintStream(new ByteArrayOutputStream()), errors, "serve", "--port", "0", "--threads", "0");
    assertEquals(2, code);
  }
}
