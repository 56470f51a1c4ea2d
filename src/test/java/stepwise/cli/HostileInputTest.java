package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import stepwise.DerivationFiles;
import stepwise.Fixtures;

/**
 * Hostile and broken input (issue 11, sections 3 and 4): each is refused with exit 2 and ONE
 * line naming the file and line (or the argument) and what is wrong, with no stack trace, no
 * report on standard output, within seconds, and without reading outside the input folder.
 */
class HostileInputTest {
  static {
    Fixtures.catalogue();
  }

  @TempDir
  Path dir;

  private static final String GOOD = """
      symbols:
        y: "{0,1}"
        yhat: {domain: "(0,1)", latex: "\\\\hat{y}"}
      start:
        expr: yhat^y*(1 - yhat)^(1 - y)
        name: "P(y \\\\mid x)"
      steps:
        - rule: neg-log
        - rule: log-of-product
          name: L
      """;

  /** Runs the command line and checks the common standard; returns the one message. */
  private static String refused(String... args) {
    long start = System.nanoTime();
    Cli cli = Cli.run(args);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String what = String.join(" ", args);
    what = what.length() > 100 ? what.substring(0, 100) + "..." : what;
    assertEquals(2, cli.exit(), what + ": " + cli.out() + cli.err());
    String err = cli.err().strip();
    assertFalse(err.contains("\n"), what + ": one message, not " + err);
    assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("Error:"), what + ": " + err);
    assertTrue(err.startsWith("error: "), what + ": " + err);
    assertTrue(err.length() < 400, what + ": a short message: " + err.length());
    assertEquals("", cli.out(), what + ": nothing checked or printed before the input is refused");
    assertTrue(took.toSeconds() < 10, what + " took " + took);
    return err;
  }

  private Path file(String name, String text) {
    return DerivationFiles.write(dir, name, text);
  }

  private Path bytes(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  @Test
  void theGoodFilePasses() {
    Cli cli = Cli.run("check", file("good.yaml", GOOD).toString());
    assertEquals(0, cli.exit(), cli.out() + cli.err());
  }

  @Test
  void yamlNestedTenThousandDeepIsRefusedAtItsLine() {
    Path deep = file("deep.yaml", "symbols: {x: real}\nclaims:\n  - left: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    String err = refused("check", deep.toString());
    assertTrue(err.contains("deep.yaml:3:") && err.contains("nested deeper than 50"), err);
  }

  @Test
  void twentyThousandFactorialsOrNotsAreTooDeepNotAStackOverflow() throws IOException {
    String nots = "!".repeat(19_990);
    assertTrue(refused("equiv", nots + "x", "x").contains("nested too deeply"));
    assertTrue(refused("equiv", "x" + nots, "x").contains("nested too deeply"));
    Path file = file("bangs.yaml", "symbols: {x: real}\nstart: x" + nots + "\nsteps:\n  - rule: neg-log\n");
    String err = refused("check", file.toString());
    assertTrue(err.contains("bangs.yaml:2:") && err.contains("nested too deeply"), err);
    String stacked = "x";
    for (int i = 0; i < 100; i++) { // each bracket shallow, the tree 15,000 deep
      stacked = "(" + stacked + "!".repeat(150) + ")";
    }
    assertTrue(refused("equiv", stacked, "x").contains("nested too deeply"));
    // a few are still fine
    assertEquals(0, Cli.run("equiv", "!!(x > 0)", "x > 0", "--assume", "Element(x, Reals)").exit() % 3);
  }

  @Test
  void hugeFilesAreRefusedByTheirSizeBeforeTheyAreRead() throws IOException {
    for (long size : new long[] {3L << 30, 1_500L << 20}) {
      Path huge = dir.resolve("huge-" + size + ".yaml");
      try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
        sparse.setLength(size); // sparse: costs no disk
      }
      String err = refused("check", huge.toString());
      assertTrue(err.contains(huge.getFileName() + ": file is " + size + " bytes; the limit is 2000000"), err);
      Files.delete(huge);
    }
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aBatchFromDevZeroStopsAtOnce() {
    String err = refused("equiv", "--batch", "/dev/zero");
    assertTrue(err.contains("/dev/zero:1: a NUL byte"), err);
  }

  @Test
  void anEndlessBatchStopsAtTheSizeLimitAndALongLineAtTheLineLimit() throws IOException {
    String line = "x\tx\tTrue\n";
    Path big = file("big.tsv", line.repeat(2_000_001 / line.length() + 1));
    assertTrue(refused("equiv", "--batch", big.toString()).contains("2000000 bytes"));
    Path longLine = file("long.tsv", "x\tx\tTrue\n" + "x+".repeat(40_000) + "x\tx\tTrue\n");
    assertTrue(refused("equiv", "--batch", longLine.toString()).contains("long.tsv:2: the line is longer than 65536"));
  }

  @Test
  void oneEFourHundredIsANumberNotAnInternalError() {
    Cli cli = Cli.run("equiv", "1e400*x", "10^400*x");
    assertEquals(0, cli.exit(), "1e400 is exactly 10^400: " + cli.out() + cli.err());
    assertTrue(refused("equiv", "1e999999999*x", "x").contains("more than 1000 digits"));
    assertTrue(refused("equiv", "1e99999999999*x", "x").contains("out of range"));
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void devicesPipesAndLinkLoopsAreNamedForWhatTheyAre() throws Exception {
    assertTrue(refused("check", "/dev/zero").contains("/dev/zero: is a character device, not a regular file"));
    Path fifo = dir.resolve("pipe.yaml");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    assertTrue(refused("check", fifo.toString()).contains("is a named pipe (FIFO)"));
    Path loop = dir.resolve("loop.yaml");
    Files.createSymbolicLink(loop, loop.getFileName());
    assertTrue(refused("check", loop.toString()).contains("is a symbolic link loop"));
    Path dangling = dir.resolve("dangling.yaml");
    Files.createSymbolicLink(dangling, dir.resolve("gone.yaml"));
    assertTrue(refused("check", dangling.toString()).contains("symbolic link to a missing file"));
    assertTrue(refused("check", dir.resolve("absent.yaml").toString()).contains("no such file"));
  }

  @Test
  void anUnknownOptionIsAnUnknownOption() {
    String err = refused("check", "--bogus");
    assertTrue(err.contains("Unknown option: '--bogus'"), err);
    assertTrue(refused("render", "--bogus").contains("Unknown option"));
    assertTrue(refused("equiv", "--bogus", "x").contains("unknown option '--bogus'"));
    assertEquals(0, Cli.run("equiv", "-(-x)", "x").exit(), "a formula starting with - is still a formula");
  }

  @Test
  void encodingProblemsNameTheLine() throws IOException {
    byte[] good = GOOD.stripIndent().getBytes(StandardCharsets.UTF_8);
    String latin1 = new String(good, StandardCharsets.UTF_8).replace("rule: neg-log", "rule: neg-log # caf\u00e9");
    String err = refused("check", bytes("latin1.yaml", latin1.getBytes(StandardCharsets.ISO_8859_1)).toString());
    assertTrue(err.contains("latin1.yaml:8:") && err.contains("not UTF-8 at line 8"), err);
    String nul = new String(good, StandardCharsets.UTF_8).replace("start:", "sta\0rt:");
    err = refused("check", bytes("nul.yaml", nul.getBytes(StandardCharsets.UTF_8)).toString());
    assertTrue(err.contains("nul.yaml:4: a NUL byte at column 4"), err);
  }

  @Test
  void aByteOrderMarkIsAcceptedSilently() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] yaml = GOOD.stripIndent().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    Path file = bytes("bom.yaml", concat(bom, yaml));
    Cli check = Cli.run("check", file.toString());
    assertEquals(0, check.exit(), check.out() + check.err());
    Path batch = bytes("bom.tsv", concat(bom, "x + x\t2*x\tTrue\n".getBytes(StandardCharsets.UTF_8)));
    Cli equiv = Cli.run("equiv", "--batch", batch.toString());
    assertEquals(0, equiv.exit(), equiv.out() + equiv.err());
    assertTrue(equiv.out().contains("1: proved"), equiv.out());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aMissingDerivationInAFromChainIsReportedAtTheFromLine() throws IOException {
    Files.createDirectories(dir.resolve("chain"));
    Path a = DerivationFiles.write(dir.resolve("chain"), "a.yaml", "symbols: {x: real}\nstart:\n  from: b\n");
    DerivationFiles.write(dir.resolve("chain"), "b.yaml", "symbols: {x: real}\nstart:\n  from: missing\n");
    String err = refused("check", a.toString());
    assertTrue(err.contains("b.yaml:3:") && err.contains("'missing', which is not found"), err);
    DerivationFiles.write(dir.resolve("chain"), "b.yaml", "symbols: {x: real}\nstart: x + z\n");
    err = refused("check", a.toString());
    assertTrue(err.contains("b.yaml:2:") && err.contains("unknown symbol z"), "one message, at the broken file: " + err);
  }

  @Test
  void fromCannotReachFilesOutsideTheInputFolder() throws IOException {
    Path secret = DerivationFiles.write(dir, "secret.yaml", "topsecretkey: hunter2\n");
    Files.createDirectories(dir.resolve("in"));
    String absolute = secret.toString().replaceFirst("\\.yaml$", "");
    for (String from : new String[] {absolute, "../secret", "in/../../secret", ".."}) {
      Path input = DerivationFiles.write(dir.resolve("in"), "a.yaml", "symbols: {x: real}\nstart:\n  from: \"" + from + "\"\n");
      String err = refused("check", input.toString());
      assertTrue(err.contains("a.yaml:3:") && err.contains("not a path"), err);
      assertFalse(err.contains("topsecretkey") || err.contains("hunter2"), "nothing of the foreign file is quoted: " + err);
    }
    Path claim = DerivationFiles.write(dir.resolve("in"), "c.yaml", """
        symbols: {x: real}
        claims:
          - left: {result: ../secret}
            relation: "="
            right: x
        """);
    String err = refused("check", claim.toString());
    assertTrue(err.contains("c.yaml:3:") && err.contains("not a path"), err);
  }

  @Test
  void brokenOrUnsafeDisplayFieldsAreFoundAtLoadWithTheirLine() {
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"\\\\hat{y}", "\\\\frac{", "3:", "never closed"});
    cases.add(new String[] {"name: L", "name: \"\\\\frac{a}\"", "10:", "missing argument 2"});
    cases.add(new String[] {"\\\\hat{y}", "\\\\includegraphics{/etc/passwd}", "3:", "\\includegraphics (file, shell"});
    cases.add(new String[] {"\\\\hat{y}", "\\\\input{/etc/passwd}", "3:", "\\input (file, shell"});
    cases.add(new String[] {"\\\\hat{y}", "\\\\def\\\\x{1}", "3:", "\\def (file, shell"});
    cases.add(new String[] {"\\\\hat{y}", "\\\\immediate\\\\write18{rm}", "3:", "\\immediate (file, shell"});
    cases.add(new String[] {"\\\\hat{y}", "<script>alert(1)</script>", "3:", "an HTML tag"});
    cases.add(new String[] {"\\\\hat{y}", "\\\\foo", "3:", "not in the allowed LaTeX subset"});
    cases.add(new String[] {"\\\\hat{y}", "y % comment", "3:", "comment"});
    cases.add(new String[] {"P(y \\\\mid x)", "\\\\url{http://x}", "6:", "\\url (file, shell"});
    for (String[] c : cases) {
      String text = GOOD.replace(c[0], c[1]);
      assertFalse(text.equals(GOOD), c[0]);
      Path file = file("display.yaml", text);
      String err = refused("check", file.toString());
      assertTrue(err.contains("display.yaml:" + c[2]) && err.contains(c[3]), c[1] + ": " + err);
    }
  }

  @Test
  void anIdCannotSteerARenderOutsideTheOutputFolder() {
    Path file = file("evil.yaml", "id: ../../evil\n" + GOOD.stripIndent());
    Path out = dir.resolve("site");
    String err = refused("render", file.toString(), "--out", out.toString());
    assertTrue(err.contains("evil.yaml:1:") && err.contains("not a path"), err);
    assertFalse(Files.exists(dir.getParent().resolve("evil")), "nothing written outside");
    Path claim = file("claim.yaml", "symbols: {x: real}\nclaims:\n  - name: ../../x\n    left: x\n    relation: \"=\"\n    right: x\n");
    assertTrue(refused("check", claim.toString()).contains("claim.yaml:3:"));
  }
}
