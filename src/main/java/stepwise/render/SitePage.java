package stepwise.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import stepwise.model.Text;

/**
 * What the site's templates ask while writing one page: formula images (written to the output
 * as they are asked for), prose split into text, code and math, the two languages in the
 * reader's order, and where things are (pages, rules, source lines). Everything returned is
 * data; the templates escape it.
 */
public final class SitePage {
  private final SiteWriter.Site site;
  private final String root;
  private final ProseNames names;

  SitePage(SiteWriter.Site site, String root, ProseNames names) {
    this.site = site;
    this.root = root;
    this.names = names;
  }

  /** A formula image of the size of its SVG; its LaTeX (alt text), and MathML when it can be read. */
  public record Formula(String src, int width, int height, String latex, String mathml) {}

  /** A piece of prose: plain text, code, or an inline formula (null when it cannot be drawn: shown as code). */
  public record Run(String kind, String text, Formula math) {}

  /** One language's text with its class (t-en first, t-zh second, ...) and lang attribute; both null for text the same in both. */
  public record Lang(String cls, String lang, String text) {}

  // ---------------------------------------------------------------- languages

  /** The language the site opens in ("en" or "zh"); the reader can switch to the other or both. */
  public String view() {
    return site.language == Text.Language.ZH ? "zh" : "en";
  }

  public String htmlLang() {
    return site.language == Text.Language.ZH ? "zh-Hans" : "en";
  }

  /** The non-empty languages of a text in the reader's order; once when both are the same. */
  public List<Lang> langs(Text text) {
    List<Lang> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    if (text.en().equals(text.zh())) {
      out.add(new Lang(null, null, text.en())); // a formula, a number: the same in both: once, unmarked
      return out;
    }
    for (Text.Language l : site.language == Text.Language.ZH ? List.of(Text.Language.ZH, Text.Language.EN)
        : List.of(Text.Language.EN, Text.Language.ZH)) {
      String s = l == Text.Language.EN ? text.en() : text.zh();
      if (!s.isEmpty()) {
        String base = l == Text.Language.EN ? "t-en" : "t-zh";
        out.add(new Lang(base + (l == site.language ? " first" : " second"), l == Text.Language.EN ? "en" : "zh-Hans", s));
      }
    }
    return out;
  }

  /** A page title for the browser's tab, in the site's language, without math markup. */
  public String title(Text text, String fallback) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    String s = site.language == Text.Language.ZH && !text.zh().isEmpty() ? text.zh()
        : text.en().isEmpty() ? text.zh() : text.en();
    return Prose.plain(s);
  }

  // ---------------------------------------------------------------- prose and formulas

  /** Prose from a file: symbol names such as yhat written as ŷ, $...$ drawn, `...` as code. */
  public List<Run> prose(String text) {
    List<Run> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (Prose.Segment seg : Prose.parse(text)) {
      switch (seg.kind()) {
        case MATH -> out.add(new Run("math", seg.text(), inline(seg.text())));
        case CODE -> out.add(new Run("code", seg.text(), null));
        default -> out.add(new Run("text", Normalizer.normalize(names.apply(seg.text()), Normalizer.Form.NFC), null));
      }
    }
    return out;
  }

  /** A formula in a line of text, sized for it; null when it cannot be drawn. */
  private Formula inline(String latex) {
    try {
      Formula f = formula("\\textstyle " + latex);
      return new Formula(f.src(), f.width(), f.height(), f.latex(), MathML.of(latex, site.allNames));
    } catch (UncheckedIOException | Formulas.BadFormula e) {
      return null;
    }
  }

  /** A formula image, or null when JLaTeXMath cannot draw it (the page then shows its source). */
  public Formula formulaOrNull(String latex) {
    if (latex == null || latex.isBlank()) {
      return null;
    }
    try {
      return formula(latex);
    } catch (Formulas.BadFormula e) {
      return null;
    }
  }

  /** A formula image, written into the site when first asked for. */
  public Formula formula(String latex) {
    try {
      String src = site.out.svg(latex);
      int[] size = Formulas.size(latex);
      return new Formula(root + src, size[0], size[1], latex, MathML.of(latex, site.allNames));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole derivation as one aligned formula, side notes in the site's language. */
  public String aligned(Material.Page p) {
    return Aligned.block(p, false, site.language);
  }

  // ---------------------------------------------------------------- where things are

  public String root() {
    return root;
  }

  public String pageHref(String id) {
    String file = site.pageFiles.get(id);
    return file == null ? null : root + file;
  }

  public String claimHref(String id) {
    String file = site.claimFiles.get(id);
    return file == null ? null : root + file;
  }

  /** The rule's entry in the catalogue, or null for a rule the catalogue does not list. */
  public String ruleHref(String rule) {
    String anchor = site.ruleAnchors.get(rule);
    return anchor == null ? null : root + SiteWriter.Site.CATALOGUE + "#" + anchor;
  }

  public String ruleAnchor(String rule) {
    return site.ruleAnchors.get(rule);
  }

  /** The derivation file shown with numbered lines, at a line (0: the top); null when it could not be read. */
  public String sourceHref(String file, int line) {
    String page = site.sourceFiles.get(file);
    return page == null ? null : root + page + (line > 0 && line <= site.sources.get(file).size() ? "#L" + line : "");
  }

  /** A step that uses a rule: its derivation's title, its number, the link to it. */
  public record Use(Text title, int step, String href) {}

  /** The steps that use a rule, for the catalogue. */
  public List<Use> usesOf(String rule) {
    List<Use> out = new ArrayList<>();
    for (Material.Page p : site.material.derivations()) {
      for (Material.StepPage s : p.steps()) {
        if (s.rule().equals(rule)) {
          out.add(new Use(p.title().isEmpty() ? new Text(p.id(), p.id()) : p.title(), s.number(),
              pageHref(p.id()) + "#step-" + s.number()));
        }
      }
    }
    return out;
  }

  /** Claims stated in a derivation's file or built on its results. */
  public List<Material.ClaimPage> claimsOf(Material.Page p) {
    return site.material.claims().stream().filter(c -> c.file().equals(p.file())
        || sourceId(c.leftSource()).equals(p.id()) || sourceId(c.rightSource()).equals(p.id())).toList();
  }

  public Material.Page home(Material.ClaimPage c) {
    return site.home(c);
  }

  /** A claim side's source ("bce-from-kl" or "bce-from-kl#J"): its words and, when it has a page, a link. */
  public record SideSource(Text words, String href) {}

  public SideSource sideSource(String source) {
    String id = sourceId(source);
    String label = source.contains("#") ? source.substring(source.indexOf('#') + 1) : null;
    Material.Page page = site.pagesById.get(id);
    String titleEn = page == null ? id : page.title().isEmpty() ? id : page.title().en().isEmpty() ? page.title().zh()
        : page.title().en();
    String titleZh = page == null || page.title().zh().isEmpty() ? titleEn : page.title().zh();
    Text words = new Text(label == null ? "the result of “" + titleEn + "”" : label + " in “" + titleEn + "”",
        label == null ? "“" + titleZh + "”的结果" : "“" + titleZh + "”中的 " + label);
    if (page == null) {
      return new SideSource(words, null);
    }
    String anchor = "";
    if (label == null) {
      anchor = page.steps().isEmpty() ? "" : "#step-" + page.steps().get(page.steps().size() - 1).number();
    } else {
      for (Material.StepPage s : page.steps()) {
        if (label.equals(s.name())) {
          anchor = "#step-" + s.number();
        }
      }
    }
    return new SideSource(words, pageHref(id) + anchor);
  }

  private static String sourceId(String source) {
    return source == null ? "" : source.contains("#") ? source.substring(0, source.indexOf('#')) : source;
  }

  // ---------------------------------------------------------------- small facts the pages show

  public int passingDerivations() {
    return (int) site.material.derivations().stream().filter(p -> p.verdict().passes()).count();
  }

  public int passingClaims() {
    return (int) site.material.claims().stream().filter(c -> c.verdict().passes()).count();
  }

  public int steps() {
    return site.material.derivations().stream().mapToInt(p -> p.steps().size()).sum();
  }

  /** The last expression of a derivation, for the index. */
  public static String result(Material.Page p) {
    for (int i = p.steps().size() - 1; i >= 0; i--) {
      if (!p.steps().get(i).resultLatex().isEmpty()) {
        return p.steps().get(i).resultLatex();
      }
    }
    return p.start() == null ? null : p.start().formula();
  }

  public static String claimFormula(Material.ClaimPage c) {
    if (c.leftLatex().isEmpty() || c.rightLatex().isEmpty()) {
      return null;
    }
    return c.leftLatex() + " " + (c.relationLatex().isEmpty() ? "\\;?\\;" : c.relationLatex()) + " " + c.rightLatex();
  }

  public static String stepClass(Material.StepPage s, Material.Page p) {
    return p.expectFailure() && "refuted".equals(s.verdict().key()) ? "v-mistake" : "v-" + s.verdict().key();
  }

  public static String cardClass(Material.Verdict v, boolean expectFailure) {
    return expectFailure && "refuted".equals(v.key()) ? "v-mistake" : "v-" + v.key();
  }

  public static String verdictZh(String key) {
    return switch (key) {
      case "proved" -> "已证明";
      case "confirmed" -> "数值确认";
      case "refuted" -> "被推翻";
      default -> "未能判定";
    };
  }

  /**
   * A step that starts a new chain (a monotone transform such as -log, or an average) and names
   * its result: its formula reads "J = ...", and its relation to the previous line is the rule's.
   */
  public static boolean definesNewQuantity(Material.StepPage s) {
    return s.name() != null && !s.name().isEmpty() && s.formula().startsWith(s.name() + " = ");
  }

  /** A symbol's domain in words, both languages. */
  public static Text domain(String domain) {
    return VerifierWords.domain(domain);
  }

  /** The expected form is news only when it differs from what the rule gave. */
  public static boolean showsExpect(Material.StepPage s) {
    return s.expect() != null && !s.expect().isBlank() && !s.expect().equals("-")
        && !s.expect().equals("matches in form");
  }

  public static Text expectWords(String expect) {
    return new Text(expect, TexWriter.expectWords(expect, Text.Language.ZH));
  }

  public static String maxError(Material.StepPage s) {
    return String.format(Locale.ROOT, "%.1e", s.maxError());
  }

  /** The relation of a claim in words (equal, less than or equal, ...), or empty. */
  public static Text relationWords(String relationLatex) {
    if (relationLatex.startsWith("\\simeq_{")) {
      String over = relationLatex.substring(8, relationLatex.length() - 1);
      return new Text("equal up to a term that does not depend on " + over, "只差一个与 " + over + " 无关的项");
    }
    return switch (relationLatex) {
      case "=" -> new Text("equal", "相等");
      case "\\equiv" -> new Text("identical, term for term", "逐项完全相同");
      case "\\leq" -> new Text("less than or equal", "小于或等于");
      case "\\geq" -> new Text("greater than or equal", "大于或等于");
      case "<" -> new Text("less than", "小于");
      case ">" -> new Text("greater than", "大于");
      default -> Text.NONE;
    };
  }

  /** The first rows (or pairs of rows) of a spot-check table, the ones in view. */
  public static List<Material.SpotRow> firstRows(Material.SpotTable t) {
    List<Material.SpotRow> first = new ArrayList<>();
    int groupsShown = 0;
    int lastGroup = -1;
    for (Material.SpotRow r : t.rows()) {
      if (r.group() == 0 || r.group() != lastGroup) {
        groupsShown++;
        lastGroup = r.group();
      }
      if (groupsShown <= SiteWriter.SPOTS_SHOWN) {
        first.add(r);
      }
    }
    return first;
  }
}
