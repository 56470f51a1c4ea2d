package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check --watch: a save re-checks; steps that did not change come from the cache, fast. */
class WatchTest {
  @TempDir
  Path folder;

  @Test
  void unchangedStepsComeFromTheCacheWithin100Milliseconds() throws Exception {
    Path file = folder.resolve("bce-from-likelihood.yaml");
    String original = Files.readString(Path.of("derivations/bce-from-likelihood.yaml"));
    Files.writeString(file, original);
    BlockingQueue<Watch.Round> rounds = new LinkedBlockingQueue<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = Main.OUT;
    PrintStream oldErr = Main.ERR;
    Main.OUT = new PrintStream(out, true, StandardCharsets.UTF_8);
    Main.ERR = new PrintStream(err, true, StandardCharsets.UTF_8);
    Watch watch = new Watch(List.of(file), new CheckOptions(), false, rounds::add);
    Thread watcher = new Thread(watch::run, "watch");
    try {
      watcher.start();
      Watch.Round first = next(rounds);
      assertEquals(0, first.exitCode(), err::toString);
      assertEquals(0, first.fromCache(), "nothing is cached before the first round");
      int verdicts = first.computed();
      assertTrue(verdicts >= 3, "three steps at least: " + verdicts);

      // a note is not an input of any verdict: every verdict comes from the cache
      String noteChanged = original.replace("We want $P(y \\\\mid x)$ large.", "We wish $P(y \\\\mid x)$ to be large.");
      assertTrue(!noteChanged.equals(original), "the test edits a note that is in the file");
      long saved = System.nanoTime();
      Files.writeString(file, noteChanged);
      Watch.Round second = next(rounds);
      long sinceSave = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - saved);
      assertEquals(verdicts, second.fromCache(), "every verdict from the cache after a note changed");
      assertEquals(0, second.computed());
      assertEquals(0, second.exitCode());

      // once more, with the loading code warm, as in a session of edits
      Files.writeString(file, noteChanged.replace("to be large.", "to be big."));
      Watch.Round third = next(rounds);
      assertEquals(verdicts, third.fromCache());
      assertTrue(third.took().toMillis() < 100, "re-check took " + third.took().toMillis() + " ms (the save before: "
          + second.took().toMillis() + " ms, " + sinceSave + " ms from the save to the report)");

      // the last step changes: it alone is verified again, and its new verdict is right
      String lastStepChanged = original.replace("expect: -(y*Log(yhat) + (1 - y)*Log(1 - yhat))",
          "expect: -((1 - y)*Log(1 - yhat) + y*Log(yhat))");
      assertTrue(!lastStepChanged.equals(original), "the test edits a step that is in the file");
      Files.writeString(file, lastStepChanged);
      Watch.Round fourth = next(rounds);
      assertEquals(1, fourth.computed(), "only the changed step is verified again");
      assertEquals(verdicts - 1, fourth.fromCache());
      assertEquals(0, fourth.exitCode(), out::toString);

      // and a wrong expect is refuted, not taken from the cache
      Files.writeString(file, original.replace("expect: -(y*Log(yhat) + (1 - y)*Log(1 - yhat))",
          "expect: -(y*Log(yhat) + (1 + y)*Log(1 - yhat))"));
      Watch.Round fifth = next(rounds);
      assertEquals(1, fifth.computed());
      assertEquals(1, fifth.exitCode(), out::toString);
    } finally {
      watch.stop();
      watcher.join(10_000);
      Main.OUT = oldOut;
      Main.ERR = oldErr;
    }
    assertTrue(!watcher.isAlive(), "the watcher stops");
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("watch: stopped"), err::toString);
  }

  private static Watch.Round next(BlockingQueue<Watch.Round> rounds) throws InterruptedException {
    Watch.Round round = rounds.poll(120, TimeUnit.SECONDS);
    assertNotNull(round, "a round within 120 s");
    return round;
  }
}
