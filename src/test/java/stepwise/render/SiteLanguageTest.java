package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.Fixtures;

/**
 * The two language views of the site, as the page's switch shows them: the Chinese view (every
 * element marked English hidden) has no English word left in any visible text, and the English
 * view (every element marked Chinese hidden) no Chinese character. Code (rule names, file
 * names) and the language switch itself are the same in both. The verifier's own sentences are
 * covered too: each must have a translation (VerifierWords).
 */
class SiteLanguageTest {
  /** Names, the same in both languages (people, functions, the program, the language switch). */
  private static final Set<String> NAMES = Set.of("Stepwise", "KL", "TeX", "LaTeX", "MathML", "EN", "Jensen", "Gibbs",
      "sigmoid", "softmax", "softplus", "log", "ln", "exp", "sum"); // exp and sum as in log-sum-exp
  private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{2,}");
  private static final Pattern CHINESE = Pattern.compile("[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]+");

  @TempDir
  static Path shared;

  private static Path site;
  private static Material material;

  @BeforeAll
  static void writeSite() throws IOException {
    material = SiteWriterTest.withRecordedMistake(shared);
    site = SiteWriterTest.writeSite(material, shared);
  }

  @Test
  void theChineseViewHasNoEnglishLeft() throws IOException {
    List<String> found = offenders("t-en", ENGLISH_WORD, true);
    assertEquals(List.of(), found, found.size() + " visible strings without a Chinese translation");
  }

  @Test
  void theEnglishViewHasNoChineseLeft() throws IOException {
    List<String> found = offenders("t-zh", CHINESE, false);
    assertEquals(List.of(), found, found.size() + " visible strings with Chinese in the English view");
  }

  @Test
  void eachSiteOpensOnItsOwnLanguageOnly() throws IOException {
    Path chinese = shared.resolve("zh-site");
    try (Output out = new Output(chinese)) {
      new SiteWriter().write(material, out, stepwise.model.Text.Language.ZH);
      out.commit();
    }
    for (Path p : SiteWriterTest.pages(chinese)) {
      Document doc = Jsoup.parse(Files.readString(p));
      String name = chinese.relativize(p).toString();
      assertEquals("zh-Hans", doc.select("html").attr("lang"), name);
      assertTrue(doc.body().hasClass("only-zh"), name + " opens on the Chinese-only view");
      assertEquals("true", doc.select(".langs button[data-show=zh]").attr("aria-pressed"), name);
      if (!name.startsWith("source")) { // a source page is titled by its file name
        assertTrue(CHINESE.matcher(doc.title()).find(), name + ": the browser tab's title is Chinese: " + doc.title());
      }
    }
    Document likelihood = Jsoup.parse(Files.readString(chinese.resolve("derivations/bce-from-likelihood.html")));
    assertTrue(likelihood.select("h1 > span").first().hasClass("t-zh"), "Chinese first");
    for (Path p : SiteWriterTest.pages(site)) {
      Document doc = Jsoup.parse(Files.readString(p));
      assertEquals("en", doc.select("html").attr("lang"));
      assertTrue(doc.body().hasClass("only-en"), site.relativize(p) + " opens on the English-only view");
      assertFalse(CHINESE.matcher(doc.title()).find(), doc.title());
    }
  }

  @Test
  void everyVerifierSentenceHasATranslation() {
    MaterialBuilder builder = new MaterialBuilder(Fixtures.catalogue(), false);
    builder.build(Fixtures.check(Path.of("derivations")));
    assertEquals(List.of(), builder.untranslated(), "verifier clauses with no pattern in VerifierWords");
  }

  @Test
  void anUnknownVerifierSentenceIsReportedNotHidden() {
    VerifierWords words = new VerifierWords(s -> null);
    words.translate("interval arithmetic; a brand-new method nobody translated");
    assertEquals(List.of("a brand-new method nobody translated"), words.untranslated());
    assertTrue(words.translate("interval arithmetic").zh().contains("区间算术"));
    // under a tight deadline a step is unknown: the reason is translated too
    assertEquals("上一行 ≥ 这一行：达到时间限制",
        words.translate("previous ≥ result (Jensen's inequality): time limit reached (5.0 s)").zh());
  }

  /** Visible text of every page with the elements of class hidden removed, where pattern matches. */
  static List<String> offenders(String hidden, Pattern pattern, boolean skipNames) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    for (Path p : SiteWriterTest.pages(site)) {
      Document doc = Jsoup.parse(Files.readString(p));
      doc.select("." + hidden + ", script, style, head, code, math, .langs, button.copy").remove();
      for (TextNode t : textNodes(doc.body())) {
        String text = t.text().strip();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
          if (skipNames && NAMES.contains(m.group())) {
            continue;
          }
          out.add(site.relativize(p) + ": " + text);
          break;
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static List<TextNode> textNodes(Element root) {
    List<TextNode> out = new ArrayList<>();
    root.traverse((node, depth) -> {
      if (node instanceof TextNode t && !t.isBlank()) {
        out.add(t);
      }
    });
    return out;
  }
}
