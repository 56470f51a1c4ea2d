package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.DerivationFiles;

/** The commands as a user runs them: output and exit codes. */
class CommandsTest {
  @TempDir
  Path dir;

  @Test
  void theMainJobWithNoArgumentsChecksAndRendersEverything() throws Exception {
    Cli cli = Cli.run();
    assertEquals(0, cli.exit(), cli.out() + cli.err());
    assertTrue(cli.out().contains("ALL PASS"), cli.out());
    assertTrue(cli.out().contains("Teaching material written to out"), cli.out());
    for (String file : new String[] {"out/index.html", "out/derivations/bce-from-kl.html", "out/tex/bce-from-kl.tex",
        "out/md/bce-from-kl.md", "out/png/bce-from-likelihood/step-03.png"}) {
      assertTrue(java.nio.file.Files.isRegularFile(Path.of(file)), file);
    }
  }

  @Test
  void checkPrintsAStepTableAndTheClaimAndExitsZero() {
    Cli cli = Cli.run("check");
    assertEquals(0, cli.exit(), cli.err());
    assertTrue(cli.out().contains("neg-log"));
    assertTrue(cli.out().contains("-(y*Log(yhat) + (1 - y)*Log(1 - yhat))"));
    assertTrue(cli.out().contains("both-roads-agree"));
    assertTrue(cli.out().contains("identical expressions"));
    assertTrue(cli.out().contains("ALL PASS"));
  }

  @Test
  void checkJsonHasEveryStepWithItsVerdict() throws Exception {
    Cli cli = Cli.run("check", "--json", "derivations/bce-from-likelihood.yaml");
    assertEquals(0, cli.exit(), cli.err());
    JsonNode root = new ObjectMapper().readTree(cli.out());
    JsonNode steps = root.get("derivations").get(0).get("steps");
    assertEquals(3, steps.size());
    for (JsonNode step : steps) {
      assertEquals("proved", step.get("verdict").asText());
      assertTrue(step.get("samples").asInt() >= 100);
      assertTrue(step.has("latex") && step.has("expression") && step.has("maxError"));
    }
    assertEquals("-(y*Log(yhat) + (1 - y)*Log(1 - yhat))", root.get("derivations").get(0).get("end").asText());
  }

  @Test
  void equivExitCodes() {
    assertEquals(0, Cli.run("equiv", "Log(x*y)", "Log(x) + Log(y)", "--assume", "x > 0 && y > 0").exit());
    Cli refuted = Cli.run("equiv", "Log(x*y)", "Log(x) + Log(y)");
    assertEquals(1, refuted.exit());
    assertTrue(refuted.out().startsWith("refuted"), refuted.out());
    assertEquals(2, Cli.run("equiv", "Log(x", "x").exit());
    assertEquals(2, Cli.run("equiv", "x", "y", "--assume", "Foo(x)").exit());
    Cli bernoulli = Cli.run("equiv", "-Log(p^y*(1 - p)^(1 - y))", "-(y*Log(p) + (1 - y)*Log(1 - p))", "--assume",
        "0 < p < 1 && (y == 0 || y == 1)");
    assertEquals(0, bernoulli.exit(), bernoulli.out());
    assertTrue(bernoulli.out().startsWith("proved"), bernoulli.out());
  }

  @Test
  void equivUnknownExitsThree() {
    Cli cli = Cli.run("equiv", "f(x)", "f(x) + 0*g(x)^2 + h(x) - h(x)");
    assertTrue(cli.exit() == 0, "undeclared functions are fine when the algebra settles it: " + cli.out());
    Cli unknown = Cli.run("equiv", "f(x + 1)", "f(1 + x)*1 + g(x) - g(x)*1 + f(x) - f(x)");
    assertTrue(unknown.exit() == 0 || unknown.exit() == 3, unknown.out());
    Cli sampled = Cli.run("equiv", "f(x)", "f(x^2)");
    assertEquals(1, sampled.exit(), "an undeclared function is sampled as a random smooth one: " + sampled.out());
    assertTrue(sampled.out().startsWith("refuted") && sampled.out().contains("random smooth"), sampled.out());
    Cli cannot = Cli.run("equiv", "Sum(1/(k^2 + Sin(k)), {k, 1, Infinity})", "3/2");
    assertEquals(3, cannot.exit(), "a series with no provable tail bound is neither summed nor refuted: " + cannot.out());
    assertTrue(cannot.out().startsWith("unknown"), cannot.out());
  }

  @Test
  void equivBatchPrintsAVerdictPerLineAndTotals() {
    Path batch = DerivationFiles.write(dir, "pairs.tsv", """
        # comment
        Log(x^2)\t2*Log(x)\tx > 0\tfrom a textbook
        Log(x^2)\t2*Log(x)\tTrue
        Sum(i, {i, 1, n})\tn*(n + 1)/2\tElement(n, Integers) && n > 0
        Log(x\tx\tTrue
        """);
    Cli cli = Cli.run("equiv", "--batch", batch.toString());
    assertEquals(2, cli.exit(), "one line is bad input");
    String[] lines = cli.out().strip().split("\n");
    assertTrue(lines[0].startsWith("2: proved"), lines[0]);
    assertTrue(lines[1].startsWith("3: refuted"), lines[1]);
    assertTrue(lines[2].startsWith("4: proved"), lines[2]);
    assertTrue(lines[3].startsWith("5: bad input"), lines[3]);
    assertTrue(lines[4].startsWith("4 pairs: 2 proved, 0 confirmed numerically, 1 refuted, 0 unknown, 1 bad input"), lines[4]);
  }

  @Test
  void rulesListsTheCatalogue() {
    Cli cli = Cli.run("rules");
    assertEquals(0, cli.exit());
    for (String rule : new String[] {"neg-log", "log-of-product", "log-of-quotient", "log-of-power", "distribute-minus",
        "factor-minus", "split-sum", "pull-constant", "expand-sum", "substitute", "drop-constant", "unfold", "fold",
        "average-over-samples", "entropy", "cross-entropy", "kl-divergence", "information-content"}) {
      assertTrue(cli.out().contains(rule), rule);
    }
  }

  @Test
  void renderNeverReplacesWhatItDidNotWrite() throws Exception {
    Path derivation = Path.of("derivations/bce-from-likelihood.yaml");
    Path file = DerivationFiles.write(dir, "notes.txt", "mine");
    Cli onFile = Cli.run("render", derivation.toString(), "--out", file.toString());
    assertEquals(2, onFile.exit(), onFile.err());
    assertTrue(onFile.err().contains("is a file"), onFile.err());
    assertEquals("mine", java.nio.file.Files.readString(file));

    Path mine = dir.resolve("mine");
    java.nio.file.Files.createDirectories(mine);
    java.nio.file.Files.writeString(mine.resolve("thesis.tex"), "mine");
    Cli onFolder = Cli.run("render", derivation.toString(), "--out", mine.toString());
    assertEquals(2, onFolder.exit(), onFolder.err());
    assertTrue(onFolder.err().contains("Stepwise did not write"), onFolder.err());
    assertEquals("mine", java.nio.file.Files.readString(mine.resolve("thesis.tex")));

    java.nio.file.Files.createDirectories(dir.resolve("inputs"));
    Path input = DerivationFiles.write(dir.resolve("inputs"), "copy.yaml",
        java.nio.file.Files.readString(derivation));
    Cli onInput = Cli.run("render", input.toString(), "--out", dir.resolve("inputs").toString());
    assertEquals(2, onInput.exit(), onInput.err());
    assertTrue(onInput.err().contains("holds the input"), onInput.err());
    assertTrue(java.nio.file.Files.isRegularFile(input), "the input is still there");

    Path fresh = dir.resolve("site");
    assertEquals(0, Cli.run("render", derivation.toString(), "--out", fresh.toString()).exit());
    assertTrue(java.nio.file.Files.isRegularFile(fresh.resolve(".stepwise-output")), "the marker");
    Cli again = Cli.run("render", derivation.toString(), "--out", fresh.toString());
    assertEquals(0, again.exit(), "a folder Stepwise wrote is replaced: " + again.err());
  }

  @Test
  void optionsBeforeTheCommandReachIt() {
    Cli before = Cli.run("--samples", "150", "check", "--json", "derivations/bce-from-likelihood.yaml");
    assertEquals(0, before.exit(), before.err());
    assertTrue(before.out().contains("\"samples\" : 150") || before.out().contains("\"samples\":150"), before.out());
    Cli unknown = Cli.run("--no-such-option", "check");
    assertEquals(2, unknown.exit(), "an unknown option is an error, wherever it is: " + unknown.out());
  }
}
