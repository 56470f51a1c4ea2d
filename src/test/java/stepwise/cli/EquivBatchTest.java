package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * equiv --batch on several threads: the output is byte for byte the one of a one-thread run,
 * lines in order, notes beside their pair; a file with bad text is refused before any check;
 * and no progress bar when the output is not a terminal. A generous --timeout keeps the
 * verdicts free of the machine's load, so runs can be compared exactly.
 */
class EquivBatchTest {
  @TempDir
  Path dir;

  /** Every 9th pair of the batch corpus (proved, confirmed, refuted; trig, logs, sums) and a bad line. */
  private Path sample() throws IOException {
    List<String> all = Files.readAllLines(Path.of("src/test/resources/equiv/batch-corpus.tsv"), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    int pairs = 0;
    for (String line : all) {
      if (line.isBlank() || line.startsWith("#")) {
        lines.add(line);
      } else if (pairs++ % 9 == 0) {
        lines.add(line);
      }
    }
    lines.add(7, "Log(x\tx\tTrue");
    lines.add(9, "only one cell");
    Path file = dir.resolve("sample.tsv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void fourThreadsPrintExactlyWhatOneThreadPrints() throws IOException {
    Path batch = sample();
    Cli one = Cli.run("equiv", "--batch", batch.toString(), "--jobs", "1", "--timeout", "60");
    Cli four = Cli.run("equiv", "--batch", batch.toString(), "--jobs", "4", "--timeout", "60");
    assertEquals(one.out(), four.out());
    assertEquals(one.exit(), four.exit());
    assertEquals(2, four.exit(), "two lines are bad input");
    String[] lines = four.out().split("\n");
    int previous = 0;
    for (int i = 0; i < lines.length - 1; i++) {
      int number = Integer.parseInt(lines[i].substring(0, lines[i].indexOf(':')));
      assertTrue(number > previous, "in line order: " + lines[i]);
      previous = number;
    }
    assertTrue(four.out().contains(": proved") && four.out().contains(": refuted") && four.out().contains(": bad input"),
        four.out());
    assertTrue(lines[lines.length - 1].matches("\\d+ pairs: .* 2 bad input"), lines[lines.length - 1]);
    assertEquals("", four.err(), "no progress bar or anything else when the output is not a terminal");
  }

  @Test
  void notesOfExtractStayBesideTheirPair() throws IOException {
    Path batch = dir.resolve("extract.tsv");
    Files.writeString(batch, "so \\boxed{2x}\tx + x\tTrue\nwe get $x^2$\t\\boxed{x \\cdot x}\tTrue\n"
        + "then $\\sin(2x)$\t$2\\sin x$\tTrue\n", StandardCharsets.UTF_8);
    Cli one = Cli.run("equiv", "--batch", batch.toString(), "--extract", "--jobs", "1", "--timeout", "60");
    Cli three = Cli.run("equiv", "--batch", batch.toString(), "--extract", "--jobs", "3", "--timeout", "60");
    assertEquals(one.out(), three.out());
    String[] lines = three.out().split("\n");
    assertTrue(lines[0].startsWith("1: left side: took the last \\boxed"), lines[0]);
    assertTrue(lines[1].startsWith("1: bad input: right side"), lines[1]);
    assertTrue(lines[2].startsWith("2: left side: took the last $..$"), lines[2]);
    assertTrue(lines[3].startsWith("2: right side"), lines[3]);
    assertTrue(lines[4].startsWith("2: proved"), lines[4]);
    assertTrue(lines[7].startsWith("3: refuted"), lines[7]);
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedBeforeAnythingIsChecked() throws IOException {
    Path batch = dir.resolve("latin1.tsv");
    byte[] good = "x + x\t2*x\tTrue\n(a + b)^2\ta^2 + b^2\tTrue\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = "caf\u00e9\tx\tTrue\n".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(good);
    bytes.write(bad);
    Files.write(batch, bytes.toByteArray());
    Cli cli = Cli.run("equiv", "--batch", batch.toString(), "--jobs", "2", "--timeout", "60");
    assertEquals(2, cli.exit());
    assertEquals("", cli.out(), "the streamed batch still reads a file through before the first check");
    assertTrue(cli.err().contains("latin1.tsv:3:") && cli.err().contains("not UTF-8 at line 3"), cli.err());
  }

  @Test
  void jobsMustBePositive() throws IOException {
    Cli cli = Cli.run("equiv", "--batch", sample().toString(), "--jobs", "0");
    assertEquals(2, cli.exit());
    assertTrue(cli.err().contains("--jobs must be at least 1"), cli.err());
    assertEquals("", cli.out());
  }

  @Test
  void theBarIsDrawnWithTaskCountAndEstimateWhenShown() throws Exception {
    List<String> drawn = new ArrayList<>();
    ProgressBarConsumer screen = new ProgressBarConsumer() {
      @Override
      public int getMaxRenderedLength() {
        return 100;
      }

      @Override
      public void accept(String rendered) {
        synchronized (drawn) {
          drawn.add(rendered);
        }
      }

      @Override
      public void close() {}
    };
    try (Progress progress = Progress.drawnTo("equiv", 4, screen)) {
      for (int i = 0; i < 3; i++) {
        progress.step();
      }
      Thread.sleep(400); // the bar redraws every 250 ms
    }
    String last;
    synchronized (drawn) {
      last = drawn.stream().filter(s -> s.contains("3/4")).findFirst().orElse(String.join(" | ", drawn));
    }
    assertTrue(last.contains("equiv") && last.contains("3/4"), last);
    assertTrue(!Progress.shown(), "tests run without a terminal: no bar");
  }
}
