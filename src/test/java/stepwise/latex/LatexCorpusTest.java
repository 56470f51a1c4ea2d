package stepwise.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.matheclipse.core.interfaces.IExpr;
import stepwise.Fixtures;
import stepwise.cas.Cas;
import stepwise.expr.Trees;
import stepwise.model.Source;
import stepwise.pipeline.Equivalence;
import stepwise.verify.Finding;
import stepwise.verify.Settings;
import stepwise.verify.Status;

/**
 * The LaTeX corpus (src/test/resources/latex/corpus.tsv): for every pair the LaTeX reading
 * decides what the plain form decides (equal, not equal or unknown), and no verdict contradicts
 * the expected truth. Where the LaTeX gives the very trees of the plain form, one check decides both.
 * A printer-style pair (SymPy, Symja) whose sides evaluate to those of its plain form is the very
 * question of the public identity corpus, whose verdicts EquivCorpusTest checks; the others are
 * checked here (sympy_compare.py --verdicts compares every pair through the command line).
 */
class LatexCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/latex/corpus.tsv");
  private final Equivalence equivalence = new Equivalence(Fixtures.catalogue(),
      new Settings(100, stepwise.Fixtures.SETTINGS.deadline(), Settings.DEFAULT.seed()));

  @TestFactory
  Stream<DynamicTest> latexDecidesWhatThePlainFormDecides() throws IOException {
    List<String> lines = Files.readAllLines(CORPUS, StandardCharsets.UTF_8);
    List<DynamicTest> tests = new ArrayList<>();
    for (int k = 0; k < lines.size(); k++) {
      String line = lines.get(k);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      int number = k + 1;
      tests.add(DynamicTest.dynamicTest(number + " (" + cells[6] + "): " + cells[0] + " vs " + cells[1],
          () -> check(cells, new Source(CORPUS, number, 0))));
    }
    assertTrue(tests.size() >= 150, "the corpus should have at least 150 pairs");
    return tests.stream();
  }

  /**
   * Pairs whose check costs the verifier 5 to 45 seconds each on a busy machine, whatever the
   * input syntax (the plain form alone takes as long): in a default run only their LaTeX is read;
   * -Dlatex.corpus=all checks them too, and sympy_compare.py --verdicts runs every pair.
   */
  private static final Set<String> HEAVY = Set.of(
      "Gamma(x + 1)|x*Gamma(x)|x > 0",
      "ArcTan(x) + ArcTan(y)|ArcTan((x + y)/(1 - x*y))|0 < x < 1 && 0 < y < 1",
      "(x*y)^a|x^a*y^a|x > 0",
      "Log(Exp(a) + Exp(b))|a + Log(1 + Exp(b - a))|Element(a, Reals) && Element(b, Reals)",
      "Log(Exp(x) + Exp(y))|x + Log(1 + Exp(y - x))|Element(x, Reals) && Element(y, Reals)",
      "(-8)^(1/3)|1 + I*Sqrt(3)|True",
      "(x^3)^(1/3)|x|x >= 0");

  private void check(String[] cells, Source where) {
    Equivalence.Question plain = equivalence.parse(cells[2], cells[3], cells[4], where);
    String latexAssumptions = cells.length > 7 && !cells[7].isBlank() ? cells[7] : cells[4];
    LatexInput.Question read = LatexInput.question(cells[0], cells[1], latexAssumptions, where, false,
        LatexVocabulary.OPEN, note -> { });
    Equivalence.Question latex = Equivalence.question(read.left(), read.right(), read.assumptions(), where);
    if (HEAVY.contains(cells[2] + "|" + cells[3] + "|" + cells[4]) && !"all".equals(System.getProperty("latex.corpus"))) {
      return;
    }
    boolean printed = !cells[6].equals("textbook");
    if (printed && latexAssumptions.equals(cells[4]) && sameFormula(latex.left(), plain.left())
        && sameFormula(latex.right(), plain.right())) {
      return; // the very question of the public identity corpus, whose verdicts EquivCorpusTest checks
    }
    Finding plainFinding = equivalence.check(plain);
    boolean sameQuestion = latex.left().equals(plain.left()) && latex.right().equals(plain.right())
        && latexAssumptions.equals(cells[4]);
    Finding latexFinding = sameQuestion ? plainFinding : equivalence.check(latex);
    if (!timedOut(plainFinding) && !timedOut(latexFinding)) { // a wall-clock deadline on a busy machine decides nothing
      assertEquals(kind(plainFinding.status()), kind(latexFinding.status()), () -> "the LaTeX reading decides "
          + latexFinding + " but the plain form decides " + plainFinding);
    }
    boolean equal = cells[5].equals("equal");
    for (Finding f : List.of(plainFinding, latexFinding)) {
      if (equal) {
        assertNotEquals(Status.REFUTED, f.status(), () -> "wrong verdict: " + f);
      } else {
        assertTrue(!f.status().holds(), () -> "wrong verdict: " + f);
      }
    }
  }

  /** The same tree, or the same tree once Symja has evaluated both (1 \\cdot \\frac{1}{3} is 1/3). */
  private static boolean sameFormula(IExpr read, IExpr plain) {
    return read.equals(plain) || Cas.evaluate(Trees.deepCopy(read)).equals(Cas.evaluate(Trees.deepCopy(plain)));
  }

  private static boolean timedOut(Finding f) {
    return f.status() == Status.UNKNOWN && f.reason().startsWith("time limit");
  }

  /** Proved and confirmed are one decision (equal); refuted and unknown are the others. */
  private static String kind(Status s) {
    return s.holds() ? "equal" : s == Status.REFUTED ? "not equal" : "unknown";
  }
}
