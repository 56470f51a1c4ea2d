package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.DerivationFiles;
import stepwise.Fixtures;
import stepwise.model.Text;

/**
 * The static site from the real derivations: every page is there, every formula image exists
 * with the SVG's own size, links resolve, nothing points off the machine, prose is shown in
 * both languages with symbol names readable (never "yhat"), and text from files is escaped.
 */
class SiteWriterTest {
  private static final Pattern IMG = Pattern.compile("<img\\b(?:[^>\"]|\"[^\"]*\")*>"); // > may stand in a quoted value
  private static final Pattern ATTR = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");
  private static final Pattern LINK = Pattern.compile("<(?:a|link)\\b(?:[^>\"]|\"[^\"]*\")*?\\bhref=\"([^\"]*)\"");
  private static final Pattern SVG_SIZE =
      Pattern.compile("<svg\\b[^>]*\\bwidth=['\"](\\d+)['\"][^>]*\\bheight=['\"](\\d+)['\"]");

  private static Material material;

  @TempDir
  Path dir;

  @BeforeAll
  static void check() {
    material = new MaterialBuilder(Fixtures.catalogue(), false).build(Fixtures.check(Path.of("derivations")));
  }

  /** Writes the site of a Material into folder/site (committed) and returns that folder. */
  static Path writeSite(Material m, Path folder) throws IOException {
    Path site = folder.resolve("site");
    try (Output out = new Output(site)) {
      new SiteWriter().write(m, out, Text.Language.EN);
      out.commit();
    }
    return site;
  }

  /** The material of the shipped derivations plus a recorded mistake (a derivation and a claim). */
  static Material withRecordedMistake(Path folder) {
    Path mistake = DerivationFiles.write(folder, "log-of-reals.yaml", """
        title:
          en: "A common mistake: splitting the log of a product of reals"
          zh: "常见错误：把实数乘积的对数拆开"
        summary:
          en: "$\\\\log(ab) = \\\\log a + \\\\log b$ needs both factors positive."
          zh: "$\\\\log(ab) = \\\\log a + \\\\log b$ 要求两个因子都为正。"
        expect: fails
        correction:
          en: "Split the log only when both factors are positive."
          zh: "只有两个因子都为正时才能拆开对数。"
        symbols:
          a: {domain: real, meaning: {en: "a real number", zh: "一个实数"}}
          b: {domain: real, meaning: {en: "another real number", zh: "另一个实数"}}
        start: Log(a*b)
        steps:
          - rule: log-of-product
            expect: Log(a) + Log(b)
        claims:
          - name: log-splits-for-reals
            statement: {en: "$\\\\log(ab) = \\\\log a + \\\\log b$ for all real $a, b$.", zh: "对所有实数 $a, b$ 都成立。"}
            left: Log(a*b)
            relation: "="
            right: Log(a) + Log(b)
            expect: fails
            correction: {en: "It holds for a > 0 and b > 0.", zh: "当 a > 0 且 b > 0 时成立。"}
        """);
    return new MaterialBuilder(Fixtures.catalogue(), false).build(Fixtures.check(Path.of("derivations"), mistake));
  }

  @Test
  void everyPageIsWrittenAndLinksItsImagesAndPagesWithRelativeAddresses() throws IOException {
    Path site = writeSite(material, dir);
    assertTrue(Files.isRegularFile(site.resolve("index.html")));
    assertTrue(Files.isRegularFile(site.resolve("style.css")));
    assertFalse(material.derivations().isEmpty());
    for (Material.Page p : material.derivations()) {
      assertTrue(Files.isRegularFile(site.resolve("derivations/" + p.id() + ".html")), p.id());
    }
    assertFalse(material.claims().isEmpty());
    for (Material.ClaimPage c : material.claims()) {
      assertTrue(Files.isRegularFile(site.resolve("claims/" + c.id() + ".html")), c.id());
    }
    assertTrue(Files.isRegularFile(site.resolve("catalogue.html")));
    List<Path> pages = pages(site);
    long sources = pages.stream().filter(p -> site.relativize(p).startsWith("source")).count();
    assertTrue(sources > 0, "the derivation files are shown with their lines");
    assertEquals(2 + material.derivations().size() + material.claims().size() + sources, pages.size());
    for (Path page : pages) {
      String html = Files.readString(page);
      String name = site.relativize(page).toString();
      assertTrue(html.startsWith("<!DOCTYPE html>"), name);
      assertTrue(html.contains("<meta charset=\"utf-8\">"), name);
      assertFalse(html.contains("http://") || html.contains("https://"), name + " must not point off the machine");
      int images = 0;
      for (Map<String, String> img : images(html)) {
        images++;
        Path file = page.getParent().resolve(img.get("src")).normalize();
        assertTrue(Files.isRegularFile(file), name + ": missing image " + img.get("src"));
        assertTrue(file.startsWith(site), name + ": image outside the site " + img.get("src"));
        assertEquals("formula", img.get("class"), name + ": " + img);
        assertFalse(img.getOrDefault("alt", "").isBlank(), name + ": an image without alt text");
        Matcher size = SVG_SIZE.matcher(Files.readString(file));
        assertTrue(size.find(), "no size in " + file);
        assertEquals(size.group(1), img.get("width"), name + ": width of " + img.get("alt"));
        assertEquals(size.group(2), img.get("height"), name + ": height of " + img.get("alt"));
      }
      assertTrue(images > 0 || name.startsWith("source"), name + " shows no formula");
      Matcher link = LINK.matcher(html);
      while (link.find()) {
        String href = unescape(link.group(1));
        String target = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        String fragment = href.contains("#") ? href.substring(href.indexOf('#') + 1) : null;
        Path file = target.isEmpty() ? page : page.getParent().resolve(target).normalize();
        assertFalse(href.startsWith("/") || href.contains(":"), name + ": not a relative link: " + href);
        assertTrue(Files.isRegularFile(file), name + ": broken link " + href);
        if (fragment != null && !fragment.isEmpty()) {
          assertTrue(Files.readString(file).contains("id=\"" + fragment + "\""), name + ": no anchor for " + href);
        }
      }
    }
    String index = Files.readString(site.resolve("index.html"));
    for (Material.Page p : material.derivations()) {
      assertTrue(index.contains("href=\"derivations/" + p.id() + ".html\""), "index links " + p.id());
    }
    for (Material.ClaimPage c : material.claims()) {
      assertTrue(index.contains("href=\"claims/" + c.id() + ".html\""), "index links " + c.id());
    }
    String claim = Files.readString(site.resolve("claims/both-roads-agree.html"));
    assertTrue(claim.contains("href=\"../derivations/bce-from-likelihood.html"), "the claim links its left side");
    assertTrue(claim.contains("href=\"../derivations/bce-from-kl.html"), "the claim links its right side");
  }

  @Test
  void proseIsInBothLanguagesWithReadableSymbolNamesAndNoLatexSource() throws IOException {
    Path site = writeSite(material, dir);
    for (Path page : pages(site)) {
      String text = visibleText(Files.readString(page));
      String name = site.relativize(page).toString();
      if (name.startsWith("source")) {
        continue; // the derivation file as written
      }
      assertFalse(text.contains("yhat"), name + " shows a raw symbol name: " + around(text, "yhat"));
      assertFalse(text.contains("\\cdot"), name + " shows LaTeX source: " + around(text, "\\cdot"));
      assertFalse(text.contains("\\hat"), name + " shows LaTeX source: " + around(text, "\\hat"));
    }
    String index = visibleText(Files.readString(site.resolve("index.html")));
    assertTrue(index.contains("Binary cross-entropy from the Bernoulli likelihood"), "English title on the index");
    assertTrue(index.contains("从伯努利似然推导二元交叉熵"), "Chinese title on the index");
    assertTrue(index.contains("Everything holds"), "the overall result");
    assertTrue(index.contains("3 steps"), "the number of steps");

    String likelihood = Files.readString(site.resolve("derivations/bce-from-likelihood.html"));
    String text = visibleText(likelihood);
    assertTrue(text.contains("Binary cross-entropy from the Bernoulli likelihood"));
    assertTrue(text.contains("从伯努利似然推导二元交叉熵"));
    assertTrue(likelihood.contains("\\hat{y} \\in (0, 1)\""), "yhat in the summary is typeset as math");
    assertTrue(text.contains("Both factors are positive, so the log of their product is the sum of their logs."),
        "the step's own note in English");
    assertTrue(text.contains("两个因子都为正，积的对数等于对数之和。"), "the step's own note in Chinese");
    assertTrue(text.contains("The log of a product is the sum of the logs"), "the rule's description");
    assertTrue(text.contains("积的对数等于对数之和（两个因子都为正）。"), "the rule's description in Chinese");
    assertTrue(text.contains("interval arithmetic"), "how the step was proved");
    assertTrue(text.contains("strictly decreasing"), "the relation from start to end");
    assertTrue(text.contains("200 points"), "the number of samples");
    assertTrue(likelihood.contains("id=\"step-0\""), "the start is step 0");
    for (int i = 1; i <= 3; i++) {
      assertTrue(likelihood.contains("id=\"step-" + i + "\""), "step " + i);
    }
    assertTrue(likelihood.contains("alt=\"\\hat{y}\""), "the spot-check headers and symbols are formulas");
    assertTrue(likelihood.contains("class=\"badge b-proved\""), "a proved badge");
    assertTrue(likelihood.contains("spot-table"), "a spot-check table");
    Matcher point = Pattern.compile("class=\"num point\">(0\\.\\d+)<").matcher(likelihood);
    assertTrue(point.find(), "a sample point's value of yhat");
    double yhat = Double.parseDouble(point.group(1));
    assertTrue(yhat > 0 && yhat < 1, "the sample point lies in the domain of yhat: " + yhat);
    assertTrue(likelihood.contains("\\begin{aligned}"), "the whole derivation as one aligned formula");
    assertTrue(likelihood.contains("<script src=\"../site.js\">"), "the page's script");
    assertTrue(Files.readString(site.resolve("site.js")).contains("data-images-checked"), "the image check script");
  }

  @Test
  void everyRuleOnAStepLinksToItsCatalogueEntryAndEveryStepToItsSourceLine() throws IOException {
    Path site = writeSite(material, dir);
    String catalogue = Files.readString(site.resolve("catalogue.html"));
    assertFalse(material.rules().isEmpty(), "the catalogue reaches the site");
    for (Material.RuleEntry r : material.rules()) {
      assertTrue(catalogue.contains("id=\"rule-" + r.name() + "\""), "an entry for " + r.name());
    }
    Material.RuleEntry product = material.rules().stream().filter(r -> r.name().equals("log-of-product")).findFirst()
        .orElseThrow();
    assertTrue(catalogue.contains("alt=\"" + product.patternLatex().replace("\\", "\\") + "\""),
        "the pattern is typeset: " + product.patternLatex());
    assertFalse(product.conditionsLatex().isEmpty(), "log-of-product has side conditions");
    String entry = visibleText(catalogue.substring(catalogue.indexOf("id=\"rule-log-of-product\"")));
    assertTrue(entry.startsWith(" log-of-product") || entry.contains("log-of-product"));
    assertTrue(entry.contains(product.description().en()) && entry.contains(product.description().zh()),
        "the description in both languages");
    Pattern stepHead = Pattern.compile("<article class=\"step [^\"]*\" id=\"step-(\\d+)\">\\s*<header[^>]*>.*?"
        + "href=\"\\.\\./catalogue\\.html#rule-([^\"]+)\".*?href=\"\\.\\./(source/[^\"#]+)#L(\\d+)\"", Pattern.DOTALL);
    int linked = 0;
    for (Material.Page p : material.derivations()) {
      String html = Files.readString(site.resolve("derivations/" + p.id() + ".html"));
      Matcher m = stepHead.matcher(html);
      while (m.find()) {
        linked++;
        List<String> lines = Files.readAllLines(Path.of(p.file()));
        String line = lines.get(Integer.parseInt(m.group(4)) - 1);
        assertTrue(line.contains(m.group(2)), p.id() + " step " + m.group(1) + ": line " + m.group(4)
            + " of the source is not the step's: " + line);
        String source = Files.readString(site.resolve(m.group(3)));
        assertTrue(source.contains("id=\"L" + m.group(4) + "\""), "the source page has the line");
      }
      assertEquals(p.steps().size(), countSteps(html), p.id());
    }
    assertEquals(material.derivations().stream().mapToInt(p -> p.steps().size()).sum(), linked,
        "every step links its rule and its line");
  }

  private static int countSteps(String html) {
    return (int) Pattern.compile("<article class=\"step v-").matcher(html).results().count();
  }

  @Test
  void formulasThatReadBackCarryMathMLForScreenReaders() throws IOException {
    Path site = writeSite(material, dir);
    String html = Files.readString(site.resolve("derivations/bce-from-likelihood.html"));
    Matcher math = Pattern.compile("<img [^>]*alt=\"([^\"]*)\"[^>]*aria-hidden=\"true\"><span class=\"mathml\"><math>(.*?)</math>")
        .matcher(html);
    int found = 0;
    while (math.find()) {
      found++;
      assertTrue(MathML.onlyMathML(math.group(2)), math.group(2));
      assertFalse(math.group(2).contains("yhat"), "symbol names read as in prose: " + math.group(2));
    }
    assertTrue(found >= 3, "formulas with MathML: " + found);
    // the author's order survives Symja's printing: 1 - y, not -y + 1
    String oneMinus = MathML.of("1 - \\hat{y}", Map.of("yhat", "ŷ"));
    assertTrue(oneMinus.startsWith("<math><mrow><mn>1</mn>") && oneMinus.contains("<mo>-</mo><mi>ŷ</mi>"), oneMinus);
    assertEquals(null, MathML.of("\\begin{aligned} x &= y \\end{aligned}", Map.of()), "no MathML for what does not read back");
    assertFalse(MathML.onlyMathML("<mi>x</mi><script>alert(1)</script>"));
    assertFalse(MathML.onlyMathML("<mi onclick=\"x\">x</mi>"), "an event handler is not MathML");
    assertTrue(MathML.onlyMathML("<mo stretchy=\"false\">(</mo><mi>x</mi><mo>&#x2061;</mo>"));
  }

  @Test
  void aRecordedMistakeIsACommonMistakeNotAFailure() throws IOException {
    Material m = withRecordedMistake(dir);
    assertTrue(m.passes());
    Path site = writeSite(m, dir);
    String index = Files.readString(site.resolve("index.html"));
    assertTrue(index.contains("b-mistake"), "the amber badge on the index");
    assertTrue(visibleText(index).contains("common mistake"));
    assertTrue(visibleText(index).contains("refuted as expected"));
    assertFalse(visibleText(index).contains("✗"), "nothing fails");
    String page = visibleText(Files.readString(site.resolve("derivations/log-of-reals.html")));
    assertTrue(page.contains("A recorded mistake"));
    assertTrue(page.contains("Split the log only when both factors are positive."), "the correction");
    assertTrue(page.contains("Counterexample"), "the step's counterexample");
    String claim = visibleText(Files.readString(site.resolve("claims/log-splits-for-reals.html")));
    assertTrue(claim.contains("common mistake"));
    assertTrue(claim.contains("It holds for a > 0 and b > 0."), "the claim's correction");
    assertTrue(visibleText(claim).contains("= -1"), "the claim's counterexample");
  }

  @Test
  void textFromFilesIsEscaped() throws IOException {
    Material.Verdict proved = new Material.Verdict("proved", "proved", true);
    Material.Line start = new Material.Line("", "", "x", new Text("start <b>here</b>", ""), 0);
    Material.SpotTable spots = new Material.SpotTable("equal", List.of("x"), List.of(new Text("left <l>", ""),
        new Text("right <r>", "")), List.of(new Material.SpotRow(Map.of("x", "1 < 2"),
            List.of(new Text("<1>", "<1>"), new Text("<1>", "<1>")), List.of(1.0, 1.0), 0)), new Text("why <w>", ""));
    Material.StepPage step = new Material.StepPage(1, "negate", new Text("rule & <i>more</i>", "规则"),
        new Text("a note with <script>alert(1)</script>", "注释 \"引号\""), "=", new Text("equals <eq>", ""), "= x", "x",
        null, proved, new Text("summary <x>", ""), 200, 0.0, "matches in form", spots, null, null, null, null, 3);
    Material.Page page = new Material.Page("evil", new Text("Title <em>& more</em>", "标题 <b>"),
        new Text("summary \"quoted\" & 'single'", ""), "derivations/evil.yaml", proved, false, Text.NONE,
        List.of(new Material.SymbolRow("x", "x", "x", "real", new Text("<u>x</u>", ""))), start,
        List.of(new Material.Line("", "=", "x", Text.NONE, 1)), List.of(step), "=", Text.en("equal"), null, "");
    Material.ClaimPage claim = new Material.ClaimPage("c<1>", new Text("claim <b>", ""), "derivations/evil.yaml", "x",
        "=", "x", "evil", "evil", proved, false, Text.NONE, Text.en("because <reasons>"), null, 4);
    Path site = writeSite(new Material(List.of(page), List.of(claim), true), dir);
    for (Path p : pages(site)) {
      String html = Files.readString(p);
      for (String raw : List.of("<em>", "<script>alert", "<b>", "<u>", "<i>more", "<x>", "<reasons>", "<1>", "<w>", "<l>")) {
        assertFalse(html.contains(raw), site.relativize(p) + " contains unescaped " + raw);
      }
    }
    String html = Files.readString(site.resolve("derivations/evil.html"));
    assertTrue(html.contains("Title &lt;em&gt;&amp; more&lt;/em&gt;"));
    assertTrue(html.contains("a note with &lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(html.contains("注释 \"引号\""), "quotes need no escaping in text (they are escaped in attributes)");
    assertTrue(Files.isRegularFile(site.resolve("claims/c-1-.html")), "the claim id becomes a safe file name");
  }

  // ---------------------------------------------------------------- helpers

  static List<Path> pages(Path site) throws IOException {
    try (Stream<Path> files = Files.walk(site)) {
      return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
  }

  static List<Map<String, String>> images(String html) {
    List<Map<String, String>> out = new ArrayList<>();
    Matcher img = IMG.matcher(html);
    while (img.find()) {
      Map<String, String> attrs = new LinkedHashMap<>();
      Matcher a = ATTR.matcher(img.group());
      while (a.find()) {
        attrs.put(a.group(1), unescape(a.group(2)));
      }
      out.add(attrs);
    }
    return out;
  }

  /** The text a reader sees: no scripts, styles, tags or attributes (so no alt text). */
  static String visibleText(String html) {
    String s = html.replaceAll("(?s)<script\\b.*?</script>", " ").replaceAll("(?s)<style\\b.*?</style>", " ")
        .replaceAll("(?s)<math\\b.*?</math>", " ") // MathML: read by screen readers, not shown
        .replaceAll("<(?:[^>\"]|\"[^\"]*\")*>", " "); // a quoted attribute value may hold >
    return unescape(s).replaceAll("[ \\t\\n]+", " ");
  }

  static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static String around(String text, String what) {
    int i = text.indexOf(what);
    return i < 0 ? "" : text.substring(Math.max(0, i - 60), Math.min(text.length(), i + 60));
  }
}
