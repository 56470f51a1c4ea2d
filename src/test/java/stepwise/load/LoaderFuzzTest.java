package stepwise.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.Fixtures;
import stepwise.cli.Cli;
import stepwise.model.InputError;
import stepwise.pipeline.InputErrors;
import stepwise.pipeline.Pipeline;
import stepwise.verify.Settings;

/**
 * Mutates the shipped derivation files (seeded random byte, line and token changes) and loads
 * each mutant: it must load, or be refused with InputErrors whose messages are one line each and
 * name a file; any other exception, a stack overflow or a hang is a bug. A few mutants that load
 * are also run through the command line, which must end with a verdict or bad input, never an
 * internal error. Short and seeded in CI; -Dfuzz.iterations=N -Dfuzz.seed=S for a long run.
 */
class LoaderFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 400);
  private static final long SEED = Long.getLong("fuzz.seed", 20261203L);
  private static final int COMMAND_LINE_RUNS = Integer.getInteger("fuzz.cliRuns", 4);

  /** Pieces that stress the YAML, expression and LaTeX readers. */
  private static final String[] TOKENS = {"[", "]", "{", "}", ":", "- ", "  ", "\t", "\"", "'", "#", "&a", "*a", "!",
      "!!str ", "^", "(", ")", "!".repeat(300), "[".repeat(200), "!".repeat(19_990), "[".repeat(10_000), "- ".repeat(3_000), "1e400", "1e99999999999", "0.", "..", "\\",
      "\\input{x}", "<script>", "from: ../x", "from: /etc/passwd", "id: ../../x", "rule: ", "expect: ", "name: ",
      "latex: ", "\u0000", "\u00ff", "\ufeff", "\r", "\n", "---\n", "...\n", "? ", "|\n", ">-\n", "%YAML 1.2\n",
      "x_", "Sum(", "Log(0)", "1/0", "I", "Infinity", "D(f(x), x)", "\u2028"};

  @TempDir
  Path dir;

  @Test
  void mutatedDerivationsLoadOrAreRefusedCleanly() throws IOException {
    Fixtures.catalogue();
    List<Path> shipped;
    try (Stream<Path> files = Files.list(Path.of("derivations"))) {
      shipped = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    Path work = dir.resolve("derivations");
    Files.createDirectories(work);
    for (Path f : shipped) {
      Files.copy(f, work.resolve(f.getFileName()));
    }
    Pipeline pipeline = new Pipeline(Fixtures.catalogue(), Settings.DEFAULT);
    Random random = new Random(SEED);
    int refused = 0;
    int loaded = 0;
    int commandLineRuns = 0;
    long started = System.nanoTime();
    for (int i = 0; i < ITERATIONS; i++) {
      Path original = shipped.get(random.nextInt(shipped.size()));
      byte[] mutant = mutate(Files.readAllBytes(original), random);
      Path target = work.resolve(original.getFileName());
      Files.write(target, mutant);
      String where = "seed " + SEED + ", iteration " + i + ", " + original.getFileName() + ":\n"
          + new String(mutant, StandardCharsets.UTF_8);
      long start = System.nanoTime();
      try {
        pipeline.load(List.of(target));
        loaded++;
        assertLoadedQuickly(start, where);
        if (commandLineRuns < COMMAND_LINE_RUNS && random.nextInt(4) == 0) {
          commandLineRuns++;
          Cli cli = Cli.run("check", "--timeout", "1", target.toString());
          assertTrue(cli.exit() == 0 || cli.exit() == 1 || cli.exit() == 2, "exit " + cli.exit() + " " + cli.err() + where);
          assertFalse(cli.err().contains("internal error") || cli.err().contains("\tat "), cli.err() + where);
        }
      } catch (InputErrors e) {
        refused++;
        assertLoadedQuickly(start, where);
        for (InputError error : e.errors()) {
          String message = error.describe();
          assertFalse(message.isBlank() || message.contains("\n"), "one line: " + message + "\n" + where);
          assertTrue(message.contains(".yaml"), "names the file: " + message + "\n" + where);
          assertTrue(message.length() < 1000, "short: " + message.length() + "\n" + where);
        }
      } catch (AssertionError e) {
        throw e;
      } catch (Throwable t) { // a crash of any kind, including StackOverflowError, is what this test looks for
        fail("loader crashed with " + t + "\n" + where, t);
      } finally {
        Files.copy(original, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    System.out.printf("loader fuzz: %d mutants, %d loaded, %d refused, %d run through check, %d s%n", ITERATIONS, loaded,
        refused, commandLineRuns, seconds);
    assertTrue(refused > ITERATIONS / 10, "the mutations reach the checks: only " + refused + " refused");
  }

  private static void assertLoadedQuickly(long start, String where) {
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 5_000, "loading took " + millis + " ms: " + where);
  }

  /** One to three random changes: bytes, whole lines, or stress tokens. */
  static byte[] mutate(byte[] original, Random random) {
    List<byte[]> lines = splitLines(original);
    int changes = 1 + random.nextInt(3);
    for (int c = 0; c < changes && !lines.isEmpty(); c++) {
      int line = random.nextInt(lines.size());
      byte[] text = lines.get(line);
      switch (random.nextInt(8)) {
        case 0 -> { // flip a byte
          if (text.length > 0) {
            text = text.clone();
            text[random.nextInt(text.length)] = (byte) random.nextInt(256);
          }
        }
        case 1 -> lines.remove(line);
        case 2 -> lines.add(random.nextInt(lines.size() + 1), text);
        case 3 -> { // swap two lines
          int other = random.nextInt(lines.size());
          lines.set(line, lines.get(other));
          text = lines.get(line);
          lines.set(other, text);
          text = lines.get(line);
        }
        case 4, 5 -> text = insert(text, random.nextInt(text.length + 1), TOKENS[random.nextInt(TOKENS.length)]
            .getBytes(StandardCharsets.UTF_8));
        case 6 -> { // delete a run of characters
          if (text.length > 0) {
            int from = random.nextInt(text.length);
            int to = Math.min(text.length, from + 1 + random.nextInt(8));
            byte[] shorter = new byte[text.length - (to - from)];
            System.arraycopy(text, 0, shorter, 0, from);
            System.arraycopy(text, to, shorter, from, text.length - to);
            text = shorter;
          }
        }
        default -> { // change the indentation
          text = random.nextBoolean() ? insert(text, 0, "  ".getBytes(StandardCharsets.UTF_8))
              : text.length > 1 && text[0] == ' ' ? java.util.Arrays.copyOfRange(text, 1, text.length) : text;
        }
      }
      if (line < lines.size()) {
        lines.set(line, text);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] l : lines) {
      out.writeBytes(l);
      out.write('\n');
    }
    return out.toByteArray();
  }

  private static byte[] insert(byte[] text, int at, byte[] piece) {
    byte[] out = new byte[text.length + piece.length];
    System.arraycopy(text, 0, out, 0, at);
    System.arraycopy(piece, 0, out, at, piece.length);
    System.arraycopy(text, at, out, at + piece.length, text.length - at);
    return out;
  }

  private static List<byte[]> splitLines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines.add(java.util.Arrays.copyOfRange(bytes, start, i));
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      lines.add(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
    }
    return lines;
  }
}
