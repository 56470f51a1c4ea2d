package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.model.Text;

/**
 * The .tex articles, the Beamer decks and the Markdown of every shipped derivation, in English
 * and Chinese, read back as text: every step with spot checks shows its table, and every row
 * shown agrees with the step's relation, recomputed here from the printed (rounded) numbers; no
 * Symja call syntax (Sum(...), Log(...)) appears outside math; no formula has brackets an author
 * would not write (\log((...)), -((...)), \left(\left().
 */
class TeachingTextTest {
  private static Material material;

  @BeforeAll
  static void build() {
    material = new MaterialBuilder(Fixtures.catalogue(), false).build(Fixtures.check(Path.of("derivations")));
  }

  /** A table as printed: its rows' cells (point columns first), as text. */
  record Printed(List<List<String>> rows) {}

  // ---------------------------------------------------------------------------------------------
  // Spot tables agree with their relation

  @Test
  void everyPrintedSpotRowAgreesWithItsRelation() {
    int rows = 0;
    for (Text.Language language : Text.Language.values()) {
      for (Material.Page page : material.derivations()) {
        if (page.start() == null) {
          continue;
        }
        List<Material.StepPage> withTables = page.steps().stream().filter(s -> !s.spots().isEmpty()).toList();
        String tex = articleOf(page, language);
        String deck = deckOf(page, language);
        String md = MarkdownWriter.derivation(material, page, language);
        List<Printed> texTables = texTables(tex);
        List<Printed> deckTables = texTables(deck);
        List<Printed> mdTables = mdTables(md);
        String where = page.id() + " (" + language + ")";
        assertEquals(withTables.size(), texTables.size(), where + ": a spot table for every step in the .tex");
        assertEquals(withTables.size(), deckTables.size(), where + ": a spot table for every step on the slides");
        assertEquals(withTables.size(), mdTables.size(), where + ": a spot table for every step in the Markdown");
        for (int i = 0; i < withTables.size(); i++) {
          Material.StepPage s = withTables.get(i);
          String step = where + " step " + s.number() + " (" + s.spots().kind() + ")";
          rows += agrees(s.spots(), texTables.get(i), step + " .tex", false);
          rows += agrees(BeamerWriter.compact(s.spots()), deckTables.get(i), step + " beamer", false);
          rows += agrees(s.spots(), mdTables.get(i), step + " .md", true);
        }
      }
    }
    assertTrue(rows > 300, "rows checked: " + rows);
  }

  private static String articleOf(Material.Page page, Text.Language language) {
    return TexWriter.documents(material, language).stream().filter(d -> d.stem().equals(TexWriter.stem(page.id())
        + (language == Text.Language.ZH ? ".zh" : ""))).findFirst().orElseThrow().text();
  }

  private static String deckOf(Material.Page page, Text.Language language) {
    return BeamerWriter.decks(material, language).stream().filter(d -> d.stem().equals(TexWriter.stem(page.id())
        + (language == Text.Language.ZH ? ".zh" : ""))).findFirst().orElseThrow().text();
  }

  /** The tables after "% spot-check:" comments, rows split at & and cleaned of LaTeX. */
  static List<Printed> texTables(String tex) {
    List<Printed> out = new ArrayList<>();
    String[] lines = tex.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith("% spot-check: ")) {
        continue;
      }
      int j = i + 1;
      while (!lines[j].contains("\\midrule")) {
        j++;
      }
      List<List<String>> rows = new ArrayList<>();
      for (j++; !lines[j].startsWith("\\bottomrule"); j++) {
        if (lines[j].equals("\\addlinespace")) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (String c : lines[j].replaceFirst("\\s*\\\\\\\\$", "").split(" & ")) {
          cells.add(c.replace("\\ensuremath{-}", "−").replace("---", "—").replace("\\ldots{}", "…").strip());
        }
        rows.add(cells);
      }
      out.add(new Printed(rows));
    }
    return out;
  }

  /** The Markdown tables under "## Steps" (the symbols table comes before it, the claims after). */
  static List<Printed> mdTables(String md) {
    List<Printed> out = new ArrayList<>();
    int steps = md.indexOf("\n## ", md.indexOf("\n## Steps") >= 0 ? md.indexOf("\n## Steps") : md.indexOf("\n## 步骤"));
    int claims = md.indexOf("\n## ", steps + 4);
    String part = md.substring(steps, claims < 0 ? md.length() : claims);
    String[] lines = part.split("\n");
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i].startsWith("| ") && lines[i + 1].startsWith("|---")) {
        List<List<String>> rows = new ArrayList<>();
        int j = i + 2;
        for (; j < lines.length && lines[j].startsWith("| "); j++) {
          List<String> cells = new ArrayList<>();
          String row = lines[j].substring(2, lines[j].length() - 2);
          for (String c : row.split(" \\| ", -1)) {
            cells.add(c.replace("\\[", "[").replace("\\]", "]").strip());
          }
          rows.add(cells);
        }
        out.add(new Printed(rows));
        i = j;
      }
    }
    return out;
  }

  /**
   * The printed rows are the table's rows, cell for cell, and their numbers agree with the
   * relation; returns the rows checked.
   */
  private static int agrees(Material.SpotTable t, Printed printed, String where, boolean markdown) {
    assertEquals(t.rows().size(), printed.rows().size(), where + ": rows");
    int columns = t.headers().size();
    List<double[]> numbers = new ArrayList<>();
    for (int r = 0; r < t.rows().size(); r++) {
      List<String> cells = printed.rows().get(r);
      Material.SpotRow row = t.rows().get(r);
      assertEquals(t.variables().size() + columns, cells.size(), where + ": cells of " + cells);
      List<String> shown = cells.subList(cells.size() - columns, cells.size());
      for (int c = 0; c < columns; c++) {
        String expected = row.cells().get(c).en();
        if (!t.kind().equals("truth") && !(t.kind().equals("counterexample") && row.values().size() == 2)) {
          assertEquals(expected, shown.get(c), where + ": printed as the site prints it");
        }
      }
      if (!t.kind().equals("truth") && !(t.kind().equals("counterexample") && row.values().size() == 2)) {
        numbers.add(shown.stream().mapToDouble(TeachingTextTest::number).toArray());
      } else {
        assertEquals(row.values().get(0).equals(row.values().get(1)), shown.get(0).equals(shown.get(1)),
            where + ": printed truth values " + shown);
      }
    }
    for (int r = 0; r < numbers.size(); r++) {
      double[] v = numbers.get(r);
      if (java.util.Arrays.stream(v).anyMatch(Double::isNaN)) {
        continue; // "—": a value SpotValues could not compute in time is shown as such, never made up
      }
      double tol = 1e-3 * Math.max(1, Math.max(Math.abs(v[0]), v.length > 1 ? Math.abs(v[1]) : 0));
      switch (t.kind()) {
        case "equal" -> {
          assertEquals(0, v[2], 0, where + ": difference printed 0");
          assertEquals(v[0], v[1], tol, where + ": both sides printed agree");
        }
        case "order" -> {
          boolean previousLarger = t.headers().get(2).en().contains("previous − this");
          double slack = previousLarger ? v[0] - v[1] : v[1] - v[0];
          assertTrue(v[2] >= 0, where + ": printed slack is not negative: " + v[2]);
          assertEquals(slack, v[2], tol, where + ": the slack is the printed sides' difference");
          assertTrue(slack >= -tol, where + ": the printed sides are in order");
        }
        case "constant" -> assertEquals(v[0] - v[1], v[2], tol, where + ": the difference of the printed sides");
        case "counterexample" -> {
          assertEquals(v[0] - v[1], v[2], tol, where + ": the difference of the printed sides");
          assertTrue(Math.abs(v[0] - v[1]) > tol, where + ": the printed sides differ");
        }
        default -> { }
      }
    }
    if (t.kind().equals("constant")) {
      for (int r = 0; r + 1 < numbers.size(); r += 2) {
        double[] a = numbers.get(r);
        double[] b = numbers.get(r + 1);
        if (Double.isNaN(a[2]) || Double.isNaN(b[2])) {
          continue;
        }
        assertEquals(t.rows().get(r).group(), t.rows().get(r + 1).group(), where + ": a pair");
        assertEquals(a[2], b[2], 1e-3 * Math.max(1, Math.abs(a[2])), where + ": the difference stays the same");
        assertNotEquals(a[1], b[1], where + ": this line changes with the variables");
      }
    }
    return numbers.size() + (t.kind().equals("truth") ? t.rows().size() : 0);
  }

  private static double number(String printed) {
    String s = printed.replace("−", "-").strip();
    if (s.equals("—")) {
      return Double.NaN;
    }
    return Double.parseDouble(s);
  }

  // ---------------------------------------------------------------------------------------------
  // No internal syntax in text

  /** Symja's call syntax and operators: Sum(, Log(, KL(, &&, ==, ->. */
  static final Pattern CAS_SYNTAX = Pattern.compile("\\b[A-Z][A-Za-z]+\\(|&&|==|->|\\b(?:Log|Sum|Exp|Sqrt|Times|Plus)\\b");

  @Test
  void noCasSyntaxOutsideMath() {
    int documents = 0;
    for (Text.Language language : Text.Language.values()) {
      for (TexWriter.Document d : TexWriter.documents(material, language)) {
        assertNoCasSyntax(withoutTexMath(d.text()), "tex/" + d.stem() + ".tex");
        documents++;
      }
      for (TexWriter.Document d : BeamerWriter.decks(material, language)) {
        assertNoCasSyntax(withoutTexMath(d.text()), "beamer/" + d.stem() + ".tex");
        documents++;
      }
      for (Material.Page page : material.derivations()) {
        if (page.start() != null) {
          assertNoCasSyntax(withoutMarkdownMath(MarkdownWriter.derivation(material, page, language)),
              "md/" + page.id() + ".md");
          documents++;
        }
      }
      assertNoCasSyntax(withoutMarkdownMath(MarkdownWriter.index(material, language)), "md/README.md");
    }
    assertTrue(documents > 60, "documents: " + documents);
    // the test itself sees the leak it looks for
    assertFalse(withoutTexMath("text Sum(P(i), i) $\\sum_i P(i)$").equals("text  "));
    assertTrue(CAS_SYNTAX.matcher(withoutMarkdownMath("the Log(x) and $\\log x$")).find());
  }

  private static void assertNoCasSyntax(String text, String where) {
    Matcher m = CAS_SYNTAX.matcher(text);
    if (m.find()) {
      int from = Math.max(0, m.start() - 80);
      throw new AssertionError(where + ": CAS syntax in text: ..." + text.substring(from,
          Math.min(text.length(), m.end() + 60)));
    }
  }

  /**
   * A .tex without its comments, its math ($...$, \[...\], \formula{...}, \measure{...}{...},
   * aligned blocks) and its preamble: only the text a reader reads.
   */
  static String withoutTexMath(String tex) {
    int begin = tex.indexOf("\\begin{document}");
    String body = begin < 0 ? tex : tex.substring(begin);
    body = body.replaceAll("(?m)^%.*$", "").replaceAll("<\\d+(-\\d*)?>", ""); // comments, overlay specs <2->
    body = body.replaceAll("(?s)\\\\def\\\\derivationbody\\{.*?\\n}\\n", "");
    body = body.replaceAll("(?s)\\\\formula\\{\\\\begin\\{aligned}.*?\\\\end\\{aligned}}", "");
    body = body.replaceAll("(?m)^\\\\(formula|measure)\\{.*$", "");
    body = body.replaceAll("(?s)(?<!\\\\)\\$.*?(?<!\\\\)\\$", "");
    return body;
  }

  static String withoutMarkdownMath(String md) {
    return md.replaceAll("(?s)\\$\\$\\n.*?\\n\\$\\$", "").replaceAll("(?<!\\\\)\\$.*?(?<!\\\\)\\$", "")
        .replaceAll("`[^`]*`", "");
  }

  // ---------------------------------------------------------------------------------------------
  // Named quantities upright in the PDF

  @Test
  void klAndEntropyAreUprightThroughoutThePdfAndSlides() {
    Pattern italic = Pattern.compile("D_\\{KL}|(?<![A-Za-z\\\\])H(?=\\(|_|\\\\_)");
    int upright = 0;
    for (Text.Language language : Text.Language.values()) {
      List<TexWriter.Document> all = new ArrayList<>(TexWriter.documents(material, language));
      all.addAll(BeamerWriter.decks(material, language));
      for (TexWriter.Document d : all) {
        String body = d.text().replaceAll("(?m)^%.*$", "");
        Matcher m = italic.matcher(body);
        if (m.find()) {
          throw new AssertionError(d.stem() + ": an italic named quantity: " + body.substring(Math.max(0, m.start() - 60),
              Math.min(body.length(), m.end() + 40)));
        }
        upright += body.split("\\\\mathrm\\{(H|KL)}", -1).length - 1;
      }
    }
    assertTrue(upright > 100, "upright names: " + upright);
    // a derivation with its own H keeps it as written
    Material.Page own = new Material.Page("h", Text.NONE, Text.NONE, "h.yaml", null, false, Text.NONE,
        List.of(new Material.SymbolRow("H", "H", "H", "real", Text.NONE)), null, List.of(), List.of(), "", Text.NONE,
        null, null);
    assertEquals("H(q, p) = D_{KL}", TexWriter.uprightNames("H(q, p) = D_{KL}", List.of(own)).replace(
        "D_{\\mathrm{KL}}", "D_{KL}"));
    assertEquals("\\ensuremath{\\mathrm{H}}(P) - \\ensuremath{\\mathrm{H}}_{Q} = D_{\\mathrm{KL}}(P \\| Q)",
        TexWriter.uprightNames("H(P) - H_{Q} = D_{KL}(P \\| Q)", List.of()));
  }

  // ---------------------------------------------------------------------------------------------
  // Faithful brackets

  @Test
  void noFormulaHasBracketsAnAuthorWouldNotWrite() {
    List<String> formulas = new ArrayList<>();
    for (Material.Page p : material.derivations()) {
      if (p.start() != null) {
        formulas.add(p.start().formula());
      }
      p.lines().forEach(l -> formulas.add(l.formula()));
      if (p.composedLatex() != null) {
        formulas.add(p.composedLatex());
      }
      for (Material.StepPage s : p.steps()) {
        formulas.add(s.formula());
        formulas.add(s.resultLatex());
        if (s.wrongLatex() != null) {
          formulas.add(s.wrongLatex());
          formulas.add(s.correctLatex());
        }
      }
    }
    for (Material.ClaimPage c : material.claims()) {
      formulas.add(c.leftLatex());
      formulas.add(c.rightLatex());
    }
    formulas.removeIf(f -> f == null || f.isEmpty());
    assertTrue(formulas.size() > 150, "formulas: " + formulas.size());
    for (String f : formulas) {
      assertEquals(List.of(), LatexLint.extraBrackets(f), f);
    }
  }

  @Test
  void theBracketCheckFindsWhatItLooksFor() {
    assertFalse(LatexLint.extraBrackets("\\log((1 - x)^{2})").isEmpty());
    assertFalse(LatexLint.extraBrackets("-((a + b))").isEmpty());
    assertFalse(LatexLint.extraBrackets("\\left(\\left(\\frac{1}{2}\\right)\\right)").isEmpty());
    assertFalse(LatexLint.extraBrackets("x^{(1 - y)}").isEmpty());
    assertFalse(LatexLint.extraBrackets("[(a + b)]").isEmpty());
    assertEquals(List.of(), LatexLint.extraBrackets("-[(1 - y) \\log(1 - \\hat{y}) + y \\log \\hat{y}]"));
    assertEquals(List.of(), LatexLint.extraBrackets("\\log[(1 - \\hat{y})^{1 - y}]"));
    assertEquals(List.of(), LatexLint.extraBrackets("\\frac{P(x_{i})}{Q(x_{i})} \\in [0, 1)"));
    assertEquals(List.of(), LatexLint.extraBrackets("\\left\\{(x, y)\\right\\}"));
    // the printer nests them so
    assertEquals("-[(1 - y) \\log(1 - \\hat{y}) + y \\log \\hat{y}]",
        Latex.plain(Fixtures.parse("-((1 - y)*Log(1 - yhat) + y*Log(yhat))")));
    assertEquals("\\log[(1 - \\hat{y})^{1 - y}]", Latex.plain(Fixtures.parse("Log((1 - yhat)^(1 - y))")));
  }
}
