package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a command-line run starts, and the plain check that skips picocli's model. */
class StartupTest {
  @Test
  void helpVersionRulesAndAMissingFileDoNotStartSymja() throws Exception {
    assertEquals("exit 0 symja false", probe("--version"));
    assertEquals("exit 0 symja false", probe("--help"));
    assertEquals("exit 0 symja false", probe("check", "--help"));
    assertEquals("exit 0 symja false", probe("rules"));
    assertEquals("exit 2 symja false", probe("check", "no-such-file.yaml"));
    assertEquals("exit 2 symja false", probe("frobnicate"));
  }

  @Test
  void onlyCommandsThatVerifyStartSymjaEarly() {
    assertTrue(Main.needsSymja(new String[0]), "the main job");
    assertTrue(Main.needsSymja(new String[] {"check", "derivations/bce-from-kl.yaml"}));
    assertTrue(Main.needsSymja(new String[] {"--timeout", "3", "equiv", "x", "x"}));
    assertFalse(Main.needsSymja(new String[] {"check", "--help"}));
    assertFalse(Main.needsSymja(new String[] {"--version"}));
    assertFalse(Main.needsSymja(new String[] {"check", "derivations/no-such-file.yaml"}));
  }

  @Test
  void aPlainCheckSkipsPicocliAndPrintsWhatPicocliWouldRun() {
    assertTrue(Main.isPlainCheck(new String[] {"check", "derivations/bce-from-likelihood.yaml"}));
    assertTrue(Main.isPlainCheck(new String[] {"check"}));
    assertFalse(Main.isPlainCheck(new String[] {"check", "--json", "x.yaml"}));
    assertFalse(Main.isPlainCheck(new String[] {"check", "@args.txt"}));
    assertFalse(Main.isPlainCheck(new String[] {"--samples", "300", "check", "x.yaml"}));
    assertFalse(Main.isPlainCheck(new String[] {"render", "x.yaml"}));
    // "--" ends the options: picocli reads the same files, so both ways must agree byte for byte
    // (files whose report does not depend on the machine's speed: a refuted step's re-checked values can)
    for (String[] files : new String[][] {{"derivations/bce-from-likelihood.yaml"}, {"no-such-file.yaml"},
        {"README.md"}, {"derivations/bce-from-likelihood.yaml", "no-such-folder"}}) {
      List<String> plain = new ArrayList<>(List.of("check"));
      plain.addAll(List.of(files));
      List<String> viaPicocli = new ArrayList<>(List.of("check", "--"));
      viaPicocli.addAll(List.of(files));
      Cli fast = Cli.run(plain.toArray(String[]::new));
      Cli slow = Cli.run(viaPicocli.toArray(String[]::new));
      assertEquals(slow, fast, String.join(" ", files));
    }
  }

  @Test
  void versionIsWhatPicocliPrints() {
    java.io.StringWriter picocli = new java.io.StringWriter();
    new picocli.CommandLine(new Main()).printVersionHelp(new java.io.PrintWriter(picocli, true));
    assertEquals(new Cli(0, picocli.toString(), ""), Cli.run("--version"));
    assertEquals(new Cli(0, picocli.toString(), ""), Cli.run("-V"));
  }

  /** The probe's answer in a JVM of its own (this one has started Symja long ago). */
  private static String probe(String... args) throws IOException, InterruptedException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath, SymjaFreeProbe.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    process.waitFor();
    String[] lines = out.split("\n");
    return lines[lines.length - 1];
  }
}
