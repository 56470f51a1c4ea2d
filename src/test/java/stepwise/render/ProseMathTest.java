package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import stepwise.Fixtures;
import stepwise.model.Text;

/**
 * Prose is text with inline math: $...$ is typeset in every output, and no shipped note, title,
 * summary, claim or verifier sentence shows math as raw ASCII (yhat, -log, D_KL, >=, Sum(...)).
 */
class ProseMathTest {
  /** Math written as plain text: what a reader should see typeset. */
  private static final Pattern RAW_MATH = Pattern.compile(
      "yhat|(?<![A-Za-z])-log\\b|\\bD_KL|>=|<=|\\bsum_|Sum\\(|Log\\(|\\b[A-Za-z]_[A-Za-z0-9{]|\\^|\\|\\||\\b[A-Z]_[A-Z]\\b");

  @Test
  void segmentsSplitMathCodeAndText() {
    List<Prose.Segment> s = Prose.parse("cost \\$5: $-\\log p$ and `rule-name` end");
    assertEquals(List.of(new Prose.Segment(Prose.Kind.TEXT, "cost $5: "), new Prose.Segment(Prose.Kind.MATH, "-\\log p"),
        new Prose.Segment(Prose.Kind.TEXT, " and "), new Prose.Segment(Prose.Kind.CODE, "rule-name"),
        new Prose.Segment(Prose.Kind.TEXT, " end")), s);
    assertEquals(List.of(new Prose.Segment(Prose.Kind.TEXT, "an unclosed $x")), Prose.parse("an unclosed $x"));
  }

  @Test
  void formulasThatReadFilesOrDefineMacrosStayText() {
    for (String bad : List.of("$\\input{/etc/passwd}$", "$\\includegraphics{x}$", "$\\def\\a{b}$", "$\\write18{ls}$")) {
      assertTrue(Prose.parse(bad).stream().noneMatch(s -> s.kind() == Prose.Kind.MATH), bad);
    }
    assertTrue(TexWriter.prose("$\\input{/etc/passwd}$").contains("\\textbackslash{}input"));
  }

  @Test
  void inlineMathIsTypesetInEveryOutput() {
    assertEquals("a \\allowbreak{}$-\\log p$ b", TexWriter.prose("a $-\\log p$ b"));
    assertEquals("a $-\\log p$ b", MarkdownWriter.prose("a $-\\log p$ b", null));
    assertEquals("$p \\lt q$", MarkdownWriter.prose("$p < q$", null), "no angle bracket reaches Markdown raw");
  }

  @Test
  void rawHtmlInALatexFieldNeverReachesMarkdown() {
    String md = MarkdownWriter.display("x <script>alert(1)</script>") + MarkdownWriter.inlineMath("<img src=x>");
    assertFalse(md.contains("<script>") || md.contains("<img") || md.contains("</script"), md);
  }

  @Test
  void noShippedProseShowsRawMath() {
    Material m = new MaterialBuilder(Fixtures.catalogue(), false).build(Fixtures.check(Path.of("derivations")));
    List<String> found = new ArrayList<>();
    for (Material.Page p : m.derivations()) {
      List<Text> texts = new ArrayList<>(List.of(p.title(), p.summary(), p.correction(), p.relationText()));
      if (p.start() != null) {
        texts.add(p.start().note());
      }
      p.symbols().forEach(s -> texts.add(s.meaning()));
      for (Material.StepPage s : p.steps()) {
        texts.addAll(List.of(s.note(), s.summary(), s.relationWords()));
        if (s.counterexample() != null) {
          texts.add(s.counterexample());
        }
      }
      texts.forEach(t -> check(p.id(), t, found));
    }
    for (Material.ClaimPage c : m.claims()) {
      for (Text t : List.of(c.statement(), c.correction(), c.reason())) {
        check(c.id(), t, found);
      }
    }
    assertEquals(List.of(), found);
  }

  private static void check(String where, Text t, List<String> found) {
    for (String s : List.of(t.en(), t.zh())) {
      for (Prose.Segment seg : Prose.parse(s)) {
        if (seg.kind() == Prose.Kind.TEXT && RAW_MATH.matcher(seg.text()).find()) {
          found.add(where + ": " + seg.text());
        }
      }
    }
  }
}
