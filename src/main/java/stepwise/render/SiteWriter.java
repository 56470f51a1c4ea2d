package stepwise.render;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import stepwise.model.Text;

/**
 * The teaching material as a static HTML site that works offline, straight from the file
 * system: index.html (the derivations and claims with their verdicts), derivations/<id>.html
 * (symbols, the aligned derivation, every step with its rule, note, verdict and spot checks)
 * and claims/<id>.html. Formulas are SVG images under img/ with their size and LaTeX as alt
 * text; prose is shown in English and Chinese. One local style.css, relative links only, and a
 * small script that is not needed to read anything.
 */
public final class SiteWriter implements MaterialWriter {
  /** How many of a step's sample points the spot-check table shows. */
  static final int SPOTS_SHOWN = 3;

  @Override
  public void write(Material material, Output out, Text.Language language) throws IOException {
    new Site(material, out, language).write();
  }

  /** A file name for an id from a data file: letters, digits, '.', '_' and '-' only. */
  static String slug(String id) {
    String s = id == null ? "" : id.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
    return s.isEmpty() ? "item" : s;
  }

  /** Text for HTML content and attribute values. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final class Site {
    private final Material material;
    private final Output out;
    private final Text.Language language;
    private final Map<String, String> pageFiles = new LinkedHashMap<>();
    private final Map<String, String> claimFiles = new LinkedHashMap<>();
    private final Map<String, Material.Page> pagesById = new HashMap<>();
    /** Symbol names that read better in Unicode in prose (yhat -> ŷ), over all derivations. */
    private final Map<String, String> allNames = new LinkedHashMap<>();

    Site(Material material, Output out, Text.Language language) {
      this.material = material;
      this.out = out;
      this.language = language;
      Set<String> used = new HashSet<>();
      for (Material.Page p : material.derivations()) {
        pageFiles.put(p.id(), "derivations/" + unique(slug(p.id()), used) + ".html");
        pagesById.put(p.id(), p);
        allNames.putAll(ProseNames.of(p));
      }
      used.clear();
      for (Material.ClaimPage c : material.claims()) {
        claimFiles.put(c.id(), "claims/" + unique(slug(c.id()), used) + ".html");
      }
    }

    private static String unique(String base, Set<String> used) {
      String name = base;
      for (int i = 2; !used.add(name); i++) {
        name = base + "-" + i;
      }
      return name;
    }

    void write() throws IOException {
      out.write("style.css", STYLE);
      out.write("index.html", index());
      for (Material.Page p : material.derivations()) {
        out.write(pageFiles.get(p.id()), derivation(p));
      }
      for (Material.ClaimPage c : material.claims()) {
        out.write(claimFiles.get(c.id()), claim(c));
      }
    }

    // ---------------------------------------------------------------- index

    private String index() throws IOException {
      Html h = new Html("", Map.copyOf(allNames));
      h.open("Checked derivations", "");
      h.raw("<header class=\"hero\">\n<h1>" + en("Checked derivations") + "</h1>\n"
          + "<p class=\"subtitle t-zh\" lang=\"zh-Hans\">逐步验证的推导</p>\n");
      h.bilingual(new Text(
          "Each derivation below is a chain of steps, and every step names a rule. Stepwise computed each next line"
              + " itself and checked it: proved symbolically, confirmed numerically at a hundred or more sample"
              + " points, or refuted with a counterexample. Open a derivation to see every step with its rule, the"
              + " author's note, how it was checked, and a few of the sample points.",
          "下面每个推导都是一串步骤，每一步都标明所用的规则。Stepwise 自己算出每一行，并逐一验证：符号证明、"
              + "在一百个以上的采样点上数值确认，或给出反例推翻。点开一个推导，可以看到每一步的规则、作者的说明、"
              + "验证方式和若干采样点。"), "intro");
      h.raw(overall());
      h.raw("</header>\n");

      h.raw("<section>\n<h2>" + en("Derivations") + zhLabel("推导") + "</h2>\n<ul class=\"cards\">\n");
      for (Material.Page p : material.derivations()) {
        Html.Names names = h.names(p);
        h.raw("<li class=\"card " + cardClass(p.verdict(), p.expectFailure()) + "\">\n");
        h.raw("<div class=\"card-head\"><h3><a href=\"" + escape(pageFiles.get(p.id())) + "\">"
            + (p.title().zh().isEmpty() || p.title().en().isEmpty() ? h.prose(titleEn(p.title(), p.id()), names)
                : "<span class=\"t-en\" lang=\"en\">" + h.prose(p.title().en(), names) + "</span>"
                    + "<span class=\"t-zh\" lang=\"zh-Hans\">" + h.prose(p.title().zh(), names) + "</span>")
            + "</a></h3>" + badges(p.verdict(), p.expectFailure(), false)
            + "</div>\n");
        h.raw("<p class=\"meta\"><code>" + escape(p.file()) + "</code> · " + stepCount(p) + " · "
            + passLine(p.verdict(), p.expectFailure()) + "</p>\n");
        String result = result(p);
        if (result != null) {
          h.raw("<div class=\"formula-box small\"><span class=\"formula-label\">"
              + (p.expectFailure() ? en("The author's wrong line") + zhLabel("作者写错的一行")
                  : en("Result") + zhLabel("结果"))
              + "</span>" + h.img(result) + "</div>\n");
        }
        h.raw("</li>\n");
      }
      if (material.derivations().isEmpty()) {
        h.raw("<li class=\"card\"><p>" + en("No derivations.") + zh("没有推导。") + "</p></li>\n");
      }
      h.raw("</ul>\n</section>\n");

      if (!material.claims().isEmpty()) {
        h.raw("<section>\n<h2>" + en("Claims") + zhLabel("论断") + "</h2>\n<ul class=\"cards\">\n");
        for (Material.ClaimPage c : material.claims()) {
          h.raw("<li class=\"card " + cardClass(c.verdict(), c.expectFailure()) + "\">\n");
          // a claim is titled by its statement; its id is a name in code
          h.raw("<div class=\"card-head\"><h3><a href=\"" + escape(claimFiles.get(c.id())) + "\">"
              + (c.statement().isEmpty() ? "<code>" + escape(c.id()) + "</code>" : h.inline(c.statement(), h.names(null)))
              + "</a></h3>"
              + badges(c.verdict(), c.expectFailure(), false) + "</div>\n");
          h.raw("<p class=\"meta\"><code>" + escape(c.id()) + "</code></p>\n");
          String formula = claimFormula(c);
          if (formula != null) {
            h.raw("<div class=\"formula-box small\">" + h.img(formula) + "</div>\n");
          }
          h.raw("<p class=\"meta\">" + passLine(c.verdict(), c.expectFailure()) + "</p>\n");
          h.raw("</li>\n");
        }
        h.raw("</ul>\n</section>\n");
      }
      h.raw(legend());
      h.close();
      return h.toString();
    }

    private String overall() {
      int pass = 0;
      int steps = 0;
      for (Material.Page p : material.derivations()) {
        pass += p.verdict().passes() ? 1 : 0;
        steps += p.steps().size();
      }
      int claimsPass = (int) material.claims().stream().filter(c -> c.verdict().passes()).count();
      String counts = String.format(Locale.ROOT, "%d of %d derivations (%d steps) and %d of %d claims pass.", pass,
          material.derivations().size(), steps, claimsPass, material.claims().size());
      String countsZh = String.format(Locale.ROOT, "%d 个推导中 %d 个通过（共 %d 步），%d 个论断中 %d 个通过。",
          material.derivations().size(), pass, steps, material.claims().size(), claimsPass);
      return material.passes()
          ? "<p class=\"overall pass\"><strong>✓ " + en("Everything holds") + "</strong> " + zh("全部成立")
              + "<br>"
              + en(counts) + " <span class=\"t-zh\" lang=\"zh-Hans\">" + escape(countsZh) + "</span></p>\n"
          : "<p class=\"overall fail\"><strong>✗ " + en("Not everything holds") + "</strong> " + zh("并非全部成立")
              + "<br>"
              + en(counts) + " <span class=\"t-zh\" lang=\"zh-Hans\">" + escape(countsZh) + "</span></p>\n";
    }

    private static String legend() {
      return "<section class=\"legend\">\n<h2>" + en("Verdicts") + zhLabel("判定") + "</h2>\n<dl>\n"
          + "<dt>" + badge("proved", "proved", "已证明") + "</dt><dd>" + en("shown symbolically under the declared domains")
          + " " + zh("在声明的取值范围内用符号方法证明") + "</dd>\n"
          + "<dt>" + badge("confirmed", "confirmed numerically", "数值确认") + "</dt><dd>" + en("no symbolic proof, but it holds at every sample point") + " " + zh("没有符号证明，但在所有采样点上成立") + "</dd>\n"
          + "<dt>" + badge("refuted", "refuted", "被推翻") + "</dt><dd>" + en("false, with a counterexample") + " " + zh("不成立，并给出反例") + "</dd>\n"
          + "<dt>" + badge("unknown", "unknown", "未能判定") + "</dt><dd>" + en("neither: never counts as a pass") + " " + zh("两者都不能确定：不算通过") + "</dd>\n"
          + "<dt>" + badge("mistake", "common mistake", "常见错误") + "</dt><dd>" + en("a recorded mistake: it passes when it is refuted") + " " + zh("记录下来的错误：被推翻才算通过") + "</dd>\n"
          + "</dl>\n</section>\n";
    }

    // ---------------------------------------------------------------- derivation pages

    private String derivation(Material.Page p) throws IOException {
      Html h = new Html("../", Map.copyOf(allNames));
      Html.Names names = h.names(p);
      h.open(titleEn(p.title(), p.id()), "derivation");
      h.raw("<header class=\"hero\">\n<h1>" + (p.title().zh().isEmpty() || p.title().en().isEmpty()
          ? h.prose(titleEn(p.title(), p.id()), names) : "<span class=\"t-en\" lang=\"en\">"
          + h.prose(p.title().en(), names) + "</span>") + "</h1>\n");
      if (!p.title().zh().isEmpty() && !p.title().en().isEmpty()) {
        h.raw("<p class=\"subtitle t-zh\" lang=\"zh-Hans\">" + h.prose(p.title().zh(), names) + "</p>\n");
      }
      h.raw("<p class=\"meta\">" + badges(p.verdict(), p.expectFailure(), true) + " <code>" + escape(p.file())
          + "</code> · " + stepCount(p) + " · " + passLine(p.verdict(), p.expectFailure()) + "</p>\n");
      h.bilingual(p.summary(), "summary", names);
      h.raw("</header>\n");

      if (p.expectFailure()) {
        h.raw("<aside class=\"callout mistake\"><p><strong>" + en("A recorded mistake") + "</strong> "
            + zhLabel("记录下来的常见错误")
            + "<br>" + en("This derivation shows a mistake on purpose: it passes when Stepwise refutes it.")
            + " " + zh("这个推导故意展示一个错误：被推翻才算通过。") + "</p>\n");
        if (!p.correction().isEmpty()) {
          h.raw("<p class=\"label\">" + en("Correction") + zhLabel("更正") + "</p>\n");
          h.bilingual(p.correction(), "correction", names);
        }
        h.raw("</aside>\n");
      }
      if (p.problem() != null && !p.problem().isBlank()) {
        h.raw("<aside class=\"callout fail\"><p><strong>" + en("Problem") + "</strong> " + zhLabel("问题") + "<br>"
            + h.prose(p.problem(), names) + "</p></aside>\n");
      }

      if (!p.symbols().isEmpty()) {
        boolean meanings = p.symbols().stream().anyMatch(s -> !s.meaning().isEmpty()); // no empty column
        h.raw("<section>\n<h2>" + en("Symbols") + zhLabel("符号") + "</h2>\n<div class=\"table-wrap\"><table class=\"symbols\">\n"
            + "<thead><tr><th>" + en("symbol") + zhLabel("符号") + "</th><th>" + en("domain") + zhLabel("取值范围") + "</th>"
            + (meanings ? "<th>" + en("meaning") + zhLabel("含义") + "</th>" : "") + "</tr></thead>\n<tbody>\n");
        for (Material.SymbolRow s : p.symbols()) {
          h.raw("<tr><td>" + h.img(s.latex()) + "</td><td>" + h.inline(VerifierWords.domain(s.domain()), names) + "</td>"
              + (meanings ? "<td>" + h.inline(s.meaning(), names) + "</td>" : "") + "</tr>\n");
        }
        h.raw("</tbody></table></div>\n</section>\n");
      }

      if (p.start() != null) {
        h.raw("<section>\n<h2>" + en("The derivation") + zhLabel("推导全过程") + "</h2>\n");
        h.raw("<div class=\"formula-box whole\">" + h.img(Aligned.block(p, false, language)) + "</div>\n");
        h.raw("<p class=\"relation\"><span class=\"label\">" + en("From start to end") + zhLabel("从起点到终点") + "</span> ");
        if (!p.relationLatex().isEmpty() && !p.relationLatex().equals("=")) {
          h.raw(h.img(p.relationLatex()) + " ");
        }
        h.raw(h.inline(p.relationText(), names) + "</p>\n");
        if (!p.composedLatex().isEmpty()) {
          h.raw("<div class=\"formula-box composed\"><span class=\"formula-label\">" + en("The whole derivation in one line")
              + zhLabel("整个推导合成一行") + "</span>" + h.formula(p.composedLatex()) + "</div>\n");
        }
        h.raw("</section>\n");

        h.raw("<section>\n<h2>" + en("Step by step") + zhLabel("逐步说明") + "</h2>\n");
        h.raw("<nav class=\"steps-nav\" aria-label=\"steps\">");
        h.raw("<a href=\"#step-0\">0</a>");
        for (Material.StepPage s : p.steps()) {
          h.raw(" <a class=\"" + stepClass(s, p) + "\" href=\"#step-" + s.number() + "\">" + s.number() + "</a>");
        }
        h.raw("</nav>\n");
        startStep(h, p, names);
        for (Material.StepPage s : p.steps()) {
          step(h, p, s, names);
        }
        h.raw("</section>\n");
      }

      List<Material.ClaimPage> related = material.claims().stream()
          .filter(c -> c.file().equals(p.file()) || sourceId(c.leftSource()).equals(p.id())
              || sourceId(c.rightSource()).equals(p.id()))
          .toList();
      if (!related.isEmpty()) {
        h.raw("<section>\n<h2>" + en("Claims") + zhLabel("论断") + "</h2>\n<ul class=\"plain\">\n");
        for (Material.ClaimPage c : related) {
          h.raw("<li><a href=\"../" + escape(claimFiles.get(c.id())) + "\">"
              + (c.statement().isEmpty() ? "<code>" + escape(c.id()) + "</code>" : h.inline(c.statement(), names)) + "</a> "
              + badges(c.verdict(), c.expectFailure(), false) + " <code>" + escape(c.id()) + "</code></li>\n");
        }
        h.raw("</ul>\n</section>\n");
      }
      h.close();
      return h.toString();
    }

    private void startStep(Html h, Material.Page p, Html.Names names) throws IOException {
      h.raw("<article class=\"step start\" id=\"step-0\">\n<header class=\"step-head\"><span class=\"num\">0</span>"
          + "<h3>" + en("start") + zhLabel("起点") + "</h3></header>\n");
      h.raw("<div class=\"formula-box\">" + h.img(p.start().formula()) + "</div>\n");
      h.bilingual(p.start().note(), "note", names);
      h.raw("</article>\n");
    }

    private void step(Html h, Material.Page p, Material.StepPage s, Html.Names names) throws IOException {
      h.raw("<article class=\"step " + stepClass(s, p) + "\" id=\"step-" + s.number() + "\">\n");
      h.raw("<header class=\"step-head\"><span class=\"num\">" + s.number() + "</span><h3><code>" + escape(s.rule())
          + "</code></h3>" + badges(s.verdict(), false, false));
      if (p.expectFailure() && "refuted".equals(s.verdict().key())) {
        h.raw(" " + badge("mistake", "the recorded mistake", "记录的错误"));
      }
      if (s.line() > 0) {
        h.raw(" <code class=\"src\">" + escape(p.file()) + ":" + s.line() + "</code>"); // where the step is written
      }
      h.raw("</header>\n");
      if (s.wrongLatex() != null) {
        // a recorded slip: the author's line is the one refuted, the computed one corrects it
        h.raw("<div class=\"formula-box wrong\"><span class=\"formula-label\">✗ " + en("The author's line, refuted")
            + zhLabel("作者写的这一行：被推翻") + "</span>" + h.formula(s.wrongLatex()) + "</div>\n");
        spots(h, s, names, true);
        h.raw("<div class=\"formula-box right\"><span class=\"formula-label\">✓ " + en("Correction: what the rule gives")
            + zhLabel("更正：规则给出的结果") + "</span>" + h.formula(s.correctLatex()) + "</div>\n");
      } else if (!s.formula().isEmpty()) {
        h.raw("<div class=\"formula-box\">" + h.formula(s.formula()) + "</div>\n");
      } else {
        h.raw("<p class=\"muted\">" + en("No formula: the rule did not apply and the file gives no expected form.")
            + " " + zh("没有公式：规则未能应用，文件也没有给出预期形式。") + "</p>\n");
      }
      h.bilingual(s.note(), "note", names);

      h.raw("<dl class=\"facts\">\n");
      if (!s.ruleDescription().isEmpty()) {
        h.raw("<dt>" + en("Rule") + zhLabel("规则") + "</dt><dd>" + h.block(s.ruleDescription(), names) + "</dd>\n");
      }
      if (s.name() != null && !s.name().isEmpty() && !definesNewQuantity(s)) {
        h.raw("<dt>" + en("Names the result") + zhLabel("结果记为") + "</dt><dd>" + h.img(s.name()) + "</dd>\n");
      }
      if (!s.relationWords().isEmpty()) {
        String symbol = s.relationLatex().isEmpty() || definesNewQuantity(s) ? ""
            : "<span class=\"math-inline\">" + h.img(s.relationLatex()) + "</span> ";
        String defines = definesNewQuantity(s) ? h.img(s.name()) + " " : "";
        h.raw("<dt>" + en("Relation") + zhLabel("关系") + "</dt><dd>" + symbol + defines + h.inline(s.relationWords(), names)
            + "</dd>\n");
      }
      h.raw("<dt>" + en("Verdict") + zhLabel("判定") + "</dt><dd>" + badges(s.verdict(), false, false)
          + (s.summary() == null || s.summary().isEmpty() ? "" : " " + h.inline(s.summary(), names)) + "</dd>\n");
      if (s.samples() > 0) {
        h.raw("<dt>" + en("Samples") + zhLabel("采样") + "</dt><dd>" + en(s.samples() + " points, largest difference "
            + String.format(Locale.ROOT, "%.1e", s.maxError())) + " <span class=\"t-zh\" lang=\"zh-Hans\">"
            + s.samples() + " 个采样点，最大误差 " + escape(String.format(Locale.ROOT, "%.1e", s.maxError()))
            + "</span></dd>\n");
      }
      // the expected form is news only when it differs from what the rule gave
      if (s.expect() != null && !s.expect().isBlank() && !s.expect().equals("-") && !s.expect().equals("matches in form")) {
        h.raw("<dt>" + en("Expected form") + zhLabel("预期形式") + "</dt><dd>" + en(s.expect()) + zh(TexWriter.expectWords(s.expect(), Text.Language.ZH)) + "</dd>\n");
      }
      if (s.counterexample() != null && !s.counterexample().isEmpty()) {
        h.raw("<dt>" + en("Counterexample") + zhLabel("反例") + "</dt><dd class=\"counterexample\">"
            + h.inline(s.counterexample(), names) + "</dd>\n");
      }
      if (s.failure() != null && !s.failure().isBlank()) {
        h.raw("<dt>" + en("The rule did not apply") + zhLabel("规则未能应用") + "</dt><dd class=\"failure\">"
            + h.prose(s.failure(), names) + "</dd>\n");
      }
      h.raw("</dl>\n");
      if (s.wrongLatex() == null) {
        spots(h, s, names, false);
      }
      h.raw("</article>\n");
    }

    /**
     * The spot-check table: the first rows (or pairs of rows) in view, the rest one click away.
     * open: shown unfolded (a counterexample); other tables fold with the "checks" switch.
     */
    private void spots(Html h, Material.StepPage s, Html.Names names, boolean open) throws IOException {
      Material.SpotTable t = s.spots();
      if (t.isEmpty()) {
        return;
      }
      List<String> vars = t.variables();
      StringBuilder head = new StringBuilder("<thead><tr>");
      for (String v : vars) {
        head.append("<th>").append(h.img(v)).append("</th>");
      }
      for (Text header : t.headers()) {
        head.append("<th>").append("<span class=\"t-en\" lang=\"en\">").append(h.prose(header.en(), names))
            .append("</span><span class=\"t-zh label-zh\" lang=\"zh-Hans\">").append(h.prose(header.zh(), names))
            .append("</span></th>");
      }
      head.append("</tr></thead>\n");
      List<Material.SpotRow> first = new ArrayList<>();
      List<Material.SpotRow> rest = new ArrayList<>();
      int groupsShown = 0;
      int lastGroup = -1;
      for (Material.SpotRow r : t.rows()) {
        boolean newGroup = r.group() == 0 || r.group() != lastGroup;
        if (newGroup) {
          groupsShown++;
          lastGroup = r.group();
        }
        (groupsShown <= SPOTS_SHOWN ? first : rest).add(r);
      }
      String kindWords = "counterexample".equals(t.kind()) ? en("Counterexample") + zhLabel("反例")
          : en("Check at " + first.size() + " sample points") + zhLabel("在 " + first.size() + " 个采样点上核对");
      h.raw("<details class=\"spots " + escape(t.kind()) + "\"" + (open ? " open" : " open data-check") + ">\n<summary>"
          + kindWords + "</summary>\n");
      if (!t.explanation().isEmpty()) {
        h.raw("<p class=\"spot-explanation\">" + h.inline(t.explanation(), names) + "</p>\n");
      }
      h.raw(table(h, vars, head.toString(), first, names));
      if (!rest.isEmpty()) {
        h.raw("<details class=\"more-spots\"><summary>" + en("All " + t.rows().size() + " rows")
            + zhLabel("全部 " + t.rows().size() + " 行") + "</summary>\n" + table(h, vars, head.toString(), t.rows(), names)
            + "</details>\n");
      }
      h.raw("</details>\n");
    }

    private String table(Html h, List<String> vars, String head, List<Material.SpotRow> rows, Html.Names names) {
      StringBuilder b = new StringBuilder("<div class=\"table-wrap\"><table class=\"spot-table\">\n").append(head)
          .append("<tbody>\n");
      for (Material.SpotRow row : rows) {
        b.append("<tr").append(row.group() > 0 ? " class=\"group-" + (row.group() % 2) + "\"" : "").append(">");
        for (String v : vars) {
          String value = row.point().get(v);
          b.append("<td class=\"num point\">").append(value == null ? "" : h.prose(value, names)).append("</td>");
        }
        for (Text cell : row.cells()) {
          b.append("<td class=\"num\">").append(cell.en().equals(cell.zh()) ? escape(cell.en())
              : en(cell.en()) + zh(cell.zh())).append("</td>");
        }
        b.append("</tr>\n");
      }
      return b.append("</tbody></table></div>\n").toString();
    }

    // ---------------------------------------------------------------- claim pages

    private String claim(Material.ClaimPage c) throws IOException {
      Html h = new Html("../", Map.copyOf(allNames));
      Material.Page home = material.derivations().stream().filter(p -> p.file().equals(c.file())).findFirst()
          .orElse(null);
      Html.Names names = home == null ? h.names(null) : h.names(home);
      h.open("Claim " + c.id(), "claim");
      h.raw("<header class=\"hero\">\n<p class=\"kicker\">" + en("Claim") + zhLabel("论断") + " <code>" + escape(c.id())
          + "</code></p>\n<h1>" + (c.statement().isEmpty() ? "<code>" + escape(c.id()) + "</code>" : h.inline(c.statement(), names))
          + "</h1>\n");
      h.raw("<p class=\"meta\">" + badges(c.verdict(), c.expectFailure(), true) + " "
          + passLine(c.verdict(), c.expectFailure()) + "</p>\n");
      if (!c.file().isEmpty()) {
        h.raw("<p class=\"meta\"><span>" + en("Stated in") + zhLabel("出自") + "</span>");
        if (home != null) {
          h.raw("<a href=\"../" + escape(pageFiles.get(home.id())) + "\">" + (home.title().isEmpty() ? escape(home.id())
              : h.inline(home.title(), names)) + "</a>");
        }
        h.raw("<code>" + escape(c.file()) + "</code></p>\n");
      }
      h.raw("</header>\n");

      h.raw("<section>\n<h2>" + en("The two sides") + zhLabel("两边") + "</h2>\n<div class=\"sides\">\n");
      h.raw(side(h, "left", "左边", c.leftLatex(), c.leftSource()));
      h.raw("<div class=\"side-relation\">" + (c.relationLatex().isEmpty() ? "" : h.img(c.relationLatex()))
          + "<span class=\"muted\">" + relationWordsHtml(c.relationLatex(), false) + "</span></div>\n");
      h.raw(side(h, "right", "右边", c.rightLatex(), c.rightSource()));
      h.raw("</div>\n");
      String formula = claimFormula(c);
      if (formula != null) {
        h.raw("<p class=\"label\">" + en("As one formula") + zhLabel("合成一个式子") + "</p>\n<div class=\"formula-box\">"
            + h.img(formula) + "</div>\n");
      }
      h.raw("</section>\n");

      h.raw("<section>\n<h2>" + en("Verdict") + zhLabel("判定") + "</h2>\n<dl class=\"facts\">\n");
      h.raw("<dt>" + en("Verdict") + zhLabel("判定") + "</dt><dd>" + badges(c.verdict(), false, false)
          + (c.reason() == null || c.reason().isEmpty() ? "" : " " + h.inline(c.reason(), names)) + "</dd>\n");
      if (c.counterexample() != null && !c.counterexample().isEmpty()) {
        h.raw("<dt>" + en("Counterexample") + zhLabel("反例") + "</dt><dd class=\"counterexample\">"
            + h.inline(c.counterexample(), names) + "</dd>\n");
      }
      h.raw("</dl>\n");
      if (c.expectFailure()) {
        h.raw("<aside class=\"callout mistake\"><p><strong>" + en("A recorded mistake") + "</strong> "
            + zhLabel("记录下来的常见错误")
            + "<br>" + en("This claim is false on purpose: it passes when Stepwise refutes it.")
            + " " + zh("这个论断故意是错的：被推翻才算通过。") + "</p>\n");
        if (!c.correction().isEmpty()) {
          h.raw("<p class=\"label\">" + en("Correction") + zhLabel("更正") + "</p>\n");
          h.bilingual(c.correction(), "correction", names);
        }
        h.raw("</aside>\n");
      }
      h.raw("</section>\n");
      h.close();
      return h.toString();
    }

    private String side(Html h, String label, String labelZh, String latex, String source) throws IOException {
      StringBuilder b = new StringBuilder("<div class=\"side\"><p class=\"label\">" + en(label) + zhLabel(labelZh)
          + "</p>");
      b.append(latex.isEmpty() ? "<p class=\"muted\">" + en("(not available)") + zh("（无）") + "</p>" : "<div class=\"formula-box\">" + h.img(latex)
          + "</div>");
      if (!source.isEmpty()) {
        b.append("<p class=\"source\">").append(sourceLink(source, "../")).append("</p>");
      }
      return b.append("</div>\n").toString();
    }

    /** "bce-from-kl" or "bce-from-kl#J": a link to that derivation (and step) when it has a page. */
    private String sourceLink(String source, String prefix) {
      String id = sourceId(source);
      String label = source.contains("#") ? source.substring(source.indexOf('#') + 1) : null;
      Material.Page page = pagesById.get(id);
      String title = page == null ? id : titleEn(page.title(), id);
      String titleZh = page == null || page.title().zh().isEmpty() ? title : page.title().zh();
      String words = label == null ? "the result of “" + title + "”" : label + " in “" + title + "”";
      String zh = label == null ? "“" + titleZh + "”的结果" : "“" + titleZh + "”中的 " + label;
      if (page == null) {
        return en(words) + " <span class=\"t-zh\" lang=\"zh-Hans\">" + escape(zh) + "</span>";
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
      return "<a href=\"" + prefix + escape(pageFiles.get(id)) + anchor + "\">" + en(words)
          + " <span class=\"t-zh\" lang=\"zh-Hans\">" + escape(zh) + "</span></a>";
    }

    private static String sourceId(String source) {
      return source == null ? "" : source.contains("#") ? source.substring(0, source.indexOf('#')) : source;
    }

    // ---------------------------------------------------------------- pieces

    private static String claimFormula(Material.ClaimPage c) {
      if (c.leftLatex().isEmpty() || c.rightLatex().isEmpty()) {
        return null;
      }
      return c.leftLatex() + " " + (c.relationLatex().isEmpty() ? "\\;?\\;" : c.relationLatex()) + " " + c.rightLatex();
    }

    /** The last expression of a derivation, for the index. */
    private static String result(Material.Page p) {
      for (int i = p.steps().size() - 1; i >= 0; i--) {
        if (!p.steps().get(i).resultLatex().isEmpty()) {
          return p.steps().get(i).resultLatex();
        }
      }
      return p.start() == null ? null : p.start().formula();
    }

    private static String titleEn(Text title, String id) {
      return title.isEmpty() ? id : title.en().isEmpty() ? title.zh() : title.en();
    }

    private static String stepCount(Material.Page p) {
      int n = p.steps().size();
      return en(n + (n == 1 ? " step" : " steps")) + " <span class=\"t-zh\" lang=\"zh-Hans\">" + n + " 步</span>";
    }

    private static String stepClass(Material.StepPage s, Material.Page p) {
      return p.expectFailure() && "refuted".equals(s.verdict().key()) ? "v-mistake" : "v-" + s.verdict().key();
    }

    private static String cardClass(Material.Verdict v, boolean expectFailure) {
      return expectFailure && "refuted".equals(v.key()) ? "v-mistake" : "v-" + v.key();
    }

    /**
     * A step that starts a new chain (a monotone transform such as -log, or an average) and names
     * its result: its formula reads "J = ...", and its relation to the previous line is the rule's.
     */
    private static boolean definesNewQuantity(Material.StepPage s) {
      return s.name() != null && !s.name().isEmpty() && s.formula().startsWith(s.name() + " = ");
    }

    /** The relation in words, English and Chinese, for a step (to the previous line) or a claim. */
    private static String relationWordsHtml(String relationLatex, boolean step) {
      String en;
      String zh;
      if (relationLatex.startsWith("\\simeq_{")) {
        String over = relationLatex.substring(8, relationLatex.length() - 1);
        en = "equal up to a term that does not depend on " + over;
        zh = "只差一个与 " + over + " 无关的项";
      } else {
        switch (relationLatex) {
          case "=" -> { en = "equal"; zh = "相等"; }
          case "\\equiv" -> { en = "identical, term for term"; zh = "逐项完全相同"; }
          case "\\leq" -> { en = "less than or equal"; zh = "小于或等于"; }
          case "\\geq" -> { en = "greater than or equal"; zh = "大于或等于"; }
          case "<" -> { en = "less than"; zh = "小于"; }
          case ">" -> { en = "greater than"; zh = "大于"; }
          default -> { return ""; }
        }
      }
      if (step) {
        en = en + (en.endsWith("than") ? " the previous line" : " to the previous line");
        zh = "与上一行" + zh;
      }
      return en(en) + " <span class=\"t-zh\" lang=\"zh-Hans\">" + escape(zh) + "</span>";
    }

    /** Chinese text after English, in the lighter colour; hidden when the reader picks English only. */
    /** English text, hidden when the reader picks Chinese only. */
    private static String en(String en) {
      return "<span class=\"t-en\" lang=\"en\">" + escape(en) + "</span>";
    }

    private static String zh(String zh) {
      return "<span class=\"t-zh\" lang=\"zh-Hans\">" + escape(zh) + "</span>";
    }

    private static String zhLabel(String zh) {
      return "<span class=\"t-zh label-zh\" lang=\"zh-Hans\">" + escape(zh) + "</span>";
    }

    static String badge(String key, String words, String zh) {
      return "<span class=\"badge b-" + key + "\">" + en(words) + " <span class=\"t-zh\" lang=\"zh-Hans\">"
          + escape(zh) + "</span></span>";
    }

    /** The verdict badge; a recorded mistake that was refuted shows as "common mistake". */
    private static String badges(Material.Verdict v, boolean expectFailure, boolean withVerdict) {
      String verdict = badge(v.key(), v.words(), switch (v.key()) {
        case "proved" -> "已证明";
        case "confirmed" -> "数值确认";
        case "refuted" -> "被推翻";
        default -> "未能判定";
      });
      if (expectFailure && "refuted".equals(v.key())) {
        return badge("mistake", "common mistake", "常见错误") + (withVerdict ? " " + verdict : "");
      }
      return verdict;
    }

    private static String passLine(Material.Verdict v, boolean expectFailure) {
      if (expectFailure) {
        return v.passes()
            ? "<span class=\"pass\">✓ " + en("passes: refuted as expected") + "</span> " + zh("通过：如预期被推翻")
            : "<span class=\"fail\">✗ " + en("fails: the recorded mistake was not refuted") + "</span> "
                + zh("未通过：记录的错误没有被推翻");
      }
      return v.passes()
          ? "<span class=\"pass\">✓ " + en("passes") + "</span> " + zh("通过")
          : "<span class=\"fail\">✗ " + en("fails") + "</span> " + zh("未通过");
    }

    /** One HTML page being written. */
    private final class Html {
      /** Unicode renderings of a page's symbol names for prose. */
      record Names(ProseNames prose) {}

      private final StringBuilder b = new StringBuilder(16_384);
      private final String root;
      private final Map<String, String> fallbackNames;

      Html(String root, Map<String, String> fallbackNames) {
        this.root = root;
        this.fallbackNames = fallbackNames;
      }

      Names names(Material.Page page) {
        Map<String, String> map = new LinkedHashMap<>(fallbackNames);
        if (page != null) {
          map.putAll(ProseNames.of(page));
        }
        return new Names(ProseNames.from(map));
      }

      /** Prose from a file, escaped, with symbol names such as yhat written as ŷ. */
      String prose(String text, Names names) {
        if (text == null) {
          return "";
        }
        StringBuilder out = new StringBuilder();
        for (Prose.Segment seg : Prose.parse(text)) {
          switch (seg.kind()) {
            case MATH -> out.append(inlineMath(seg.text()));
            case CODE -> out.append("<code>").append(escape(seg.text())).append("</code>");
            default -> {
              String s = names == null ? seg.text() : names.prose().apply(seg.text());
              out.append(escape(Normalizer.normalize(s, Normalizer.Form.NFC)));
            }
          }
        }
        return out.toString();
      }

      /** $...$ from prose as a small formula image in the line; its LaTeX as code if it cannot be drawn. */
      private String inlineMath(String latex) {
        try {
          return "<span class=\"math-inline\">" + img("\\textstyle " + latex) + "</span>"; // sized for a line of text
        } catch (IOException | RuntimeException e) {
          return "<code>" + escape(latex) + "</code>";
        }
      }

      /** A display formula: its image, and a button that copies its LaTeX (shown only where scripts run). */
      String formula(String latex) throws IOException {
        return img(latex) + "<button type=\"button\" class=\"copy\" data-latex=\"" + escape(latex) + "\" title=\""
            + "Copy LaTeX · 复制 LaTeX\" aria-label=\"Copy LaTeX · 复制 LaTeX\">TeX</button>";
      }

      void open(String title, String kind) {
        b.append("<!DOCTYPE html>\n<html lang=\"").append(language == Text.Language.ZH ? "zh-Hans" : "en")
            .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(escape(Prose.plain(title))).append(" · Stepwise</title>\n")
            .append("<link rel=\"stylesheet\" href=\"").append(root).append("style.css\">\n")
            .append("</head>\n<body class=\"").append(kind.isEmpty() ? "home" : kind).append("\">\n")
            .append("<div class=\"topbar\"><nav>");
        if (root.isEmpty()) {
          b.append("<span class=\"brand\">Stepwise</span>");
        } else {
          b.append("<a class=\"brand\" href=\"").append(root).append("index.html\">← Stepwise: ")
              .append(en("all derivations")).append(zh("全部推导")).append("</a>");
        }
        b.append("</nav><div class=\"langs\" role=\"group\" aria-label=\"language\">"
            + "<button type=\"button\" data-show=\"both\" aria-pressed=\"true\">EN + 中文</button>"
            + "<button type=\"button\" data-show=\"en\" aria-pressed=\"false\">EN</button>"
            + "<button type=\"button\" data-show=\"zh\" aria-pressed=\"false\">中文</button></div></div>\n")
            .append("<main>\n");
        if (kind.equals("derivation")) {
          // step-by-step reveal and the checks switch; hidden where scripts do not run (everything shows)
          b.append("<div class=\"controls\" role=\"group\" aria-label=\"view\">"
              + "<button type=\"button\" data-action=\"next\">" + en("Next step") + zh("下一步") + "</button>"
              + "<button type=\"button\" data-action=\"all\">" + en("All steps") + zh("全部步骤") + "</button>"
              + "<button type=\"button\" data-action=\"restart\">" + en("From the start") + zh("从头开始") + "</button>"
              + "<button type=\"button\" data-action=\"checks\" aria-pressed=\"true\">" + en("Checks") + zh("核对")
              + "</button></div>\n");
        }
      }

      void close() {
        b.append("</main>\n<footer><p>" + en("Written by Stepwise from the derivation files. Formulas are images; their"
            + " LaTeX is in the alt text.") + " <span class=\"t-zh\" lang=\"zh-Hans\">由 Stepwise 根据推导文件生成。"
            + "公式为图片，其 LaTeX 源码在替代文字中。</span></p></footer>\n");
        b.append(SCRIPT);
        b.append("</body>\n</html>\n");
      }

      void raw(String html) {
        b.append(html);
      }

      /** A formula image: its size from the SVG, its LaTeX as alt text. */
      String img(String latex) throws IOException {
        String src = out.svg(latex);
        int[] size = Formulas.size(latex);
        return "<img class=\"formula\" src=\"" + root + escape(src) + "\" width=\"" + size[0] + "\" height=\"" + size[1]
            + "\" alt=\"" + escape(latex) + "\">";
      }

      /** English then Chinese, as paragraphs (the language asked for first). */
      void bilingual(Text text, String cls) {
        bilingual(text, cls, names(null));
      }

      void bilingual(Text text, String cls, Names names) {
        if (text == null || text.isEmpty()) {
          return;
        }
        b.append("<div class=\"bi ").append(cls).append("\">").append(paragraphs(text, names)).append("</div>\n");
      }

      /** A Text as two short paragraphs inside another element. */
      String block(Text text, Names names) {
        return "<div class=\"bi\">" + paragraphs(text, names) + "</div>";
      }

      /** A Text inline: English, then Chinese after a thin separator. */
      String inline(Text text, Names names) {
        if (text == null || text.isEmpty()) {
          return "";
        }
        if (text.en().equals(text.zh())) {
          return prose(text.en(), names); // the same in both languages (a formula, a number): once
        }
        List<String> parts = new ArrayList<>();
        for (Text.Language l : order()) {
          String s = l == Text.Language.EN ? text.en() : text.zh();
          if (!s.isEmpty()) {
            parts.add("<span class=\"" + cls(l) + "\"" + langAttr(l) + ">" + prose(s, names) + "</span>");
          }
        }
        return String.join(" ", parts);
      }

      private String paragraphs(Text text, Names names) {
        StringBuilder p = new StringBuilder();
        for (Text.Language l : order()) {
          String s = l == Text.Language.EN ? text.en() : text.zh();
          if (!s.isEmpty()) {
            p.append("<p class=\"").append(cls(l)).append("\"").append(langAttr(l)).append(">").append(prose(s, names))
                .append("</p>");
          }
        }
        return p.toString();
      }

      private List<Text.Language> order() {
        return language == Text.Language.ZH ? List.of(Text.Language.ZH, Text.Language.EN)
            : List.of(Text.Language.EN, Text.Language.ZH);
      }

      private String cls(Text.Language l) {
        String base = l == Text.Language.EN ? "t-en" : "t-zh";
        return l == language ? base + " first" : base + " second";
      }

      private static String langAttr(Text.Language l) {
        return l == Text.Language.EN ? " lang=\"en\"" : " lang=\"zh-Hans\"";
      }

      @Override
      public String toString() {
        return b.toString();
      }
    }
  }

  /**
   * Marks every formula image loaded or not (with the LaTeX shown when not), records the count
   * on the body for tests, and runs the language switch. Nothing needs it to be readable.
   */
  private static final String SCRIPT = """
      <script>
      (function () {
        var root = document.documentElement;
        root.classList.add('js');
        function show(which) {
          document.body.classList.remove('only-en', 'only-zh');
          if (which !== 'both') { document.body.classList.add('only-' + which); }
          document.querySelectorAll('.langs button').forEach(function (b) {
            b.setAttribute('aria-pressed', b.getAttribute('data-show') === which ? 'true' : 'false');
          });
          try { localStorage.setItem('stepwise-lang', which); } catch (e) {}
        }
        document.querySelectorAll('.langs button').forEach(function (b) {
          b.addEventListener('click', function () { show(b.getAttribute('data-show')); });
        });
        try { var saved = localStorage.getItem('stepwise-lang'); if (saved) { show(saved); } } catch (e) {}
        // copy a formula's LaTeX; the clipboard API where allowed, else a selected text area
        document.querySelectorAll('button.copy').forEach(function (b) {
          b.addEventListener('click', function () {
            var text = b.getAttribute('data-latex');
            function done() { b.classList.add('copied'); setTimeout(function () { b.classList.remove('copied'); }, 1200); }
            function fallback() {
              var area = document.createElement('textarea');
              area.value = text; area.setAttribute('readonly', ''); area.style.position = 'absolute'; area.style.left = '-9999px';
              document.body.appendChild(area); area.select();
              try { document.execCommand('copy'); done(); } catch (e) {}
              document.body.removeChild(area);
            }
            if (navigator.clipboard && navigator.clipboard.writeText) {
              navigator.clipboard.writeText(text).then(done, fallback);
            } else { fallback(); }
          });
        });
        // step by step: show the steps one at a time, or all; hide or show the checks
        var steps = Array.prototype.slice.call(document.querySelectorAll('article.step'));
        var shown = steps.length;
        function reveal(n) {
          shown = Math.max(1, Math.min(n, steps.length));
          steps.forEach(function (s, i) { s.classList.toggle('later', i >= shown); });
          if (shown < steps.length || n === 1) { steps[shown - 1].scrollIntoView({block: 'nearest'}); }
          document.body.setAttribute('data-steps-shown', shown + '/' + steps.length);
        }
        document.querySelectorAll('.controls button').forEach(function (b) {
          b.addEventListener('click', function () {
            var action = b.getAttribute('data-action');
            if (action === 'next') { reveal(shown >= steps.length ? 1 : shown + 1); }
            else if (action === 'all') { reveal(steps.length); }
            else if (action === 'restart') { reveal(1); }
            else if (action === 'checks') {
              var hide = !document.body.classList.contains('no-checks');
              document.body.classList.toggle('no-checks', hide);
              b.setAttribute('aria-pressed', hide ? 'false' : 'true');
            }
          });
        });
        if (steps.length) { document.body.setAttribute('data-steps-shown', shown + '/' + steps.length); }
        window.addEventListener('load', function () {
          var images = document.querySelectorAll('img.formula');
          var loaded = 0;
          images.forEach(function (img) {
            if (img.complete && img.naturalWidth > 0) {
              img.setAttribute('data-loaded', 'yes');
              loaded++;
            } else {
              img.setAttribute('data-loaded', 'no');
              var code = document.createElement('code');
              code.className = 'fallback';
              code.textContent = img.getAttribute('alt');
              img.insertAdjacentElement('afterend', code);
            }
          });
          document.body.setAttribute('data-images-checked', loaded + '/' + images.length);
          // for tests and readers' reports: formulas cut off at this width (wider than the window with
          // no scrolling box around them), and whether the page itself scrolls sideways
          var width = document.documentElement.clientWidth;
          var clipped = 0;
          images.forEach(function (img) {
            var r = img.getBoundingClientRect();
            if (!r.width) { return; }
            var scrolls = false;
            for (var a = img.parentElement; a && !scrolls; a = a.parentElement) {
              var o = getComputedStyle(a).overflowX;
              scrolls = o === 'auto' || o === 'scroll';
            }
            if (r.right > width + 1 && !scrolls) { clipped++; }
          });
          document.body.setAttribute('data-formulas-clipped', String(clipped));
          document.body.setAttribute('data-page-wider', document.documentElement.scrollWidth > width + 1 ? 'yes' : 'no');
        });
      })();
      </script>
      """;

  private static final String STYLE = """
      :root {
        --text: #1f2328; --muted: #59636e; --second: #5b6570; --line: #d8dee4; --bg: #ffffff; --soft: #f6f8fa;
        --accent: #0b5cad;
        --proved: #1a7f37; --proved-bg: #dcf5e3;
        --confirmed: #0b6e80; --confirmed-bg: #d4f1f5;
        --refuted: #b42318; --refuted-bg: #fde8e6;
        --unknown: #57606a; --unknown-bg: #eaeef2;
        --mistake: #8a5a00; --mistake-bg: #fff1cc;
      }
      * { box-sizing: border-box; }
      html { -webkit-text-size-adjust: 100%; }
      body {
        margin: 0; color: var(--text); background: var(--bg);
        font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
          "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
        font-size: 17px; line-height: 1.6;
      }
      main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
      a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 2px; }
      code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.88em;
        background: var(--soft); padding: 0.05em 0.3em; border-radius: 4px; }
      h1 { font-size: 2rem; line-height: 1.25; margin: 0.5rem 0 0.2rem; letter-spacing: -0.01em; }
      h2 { font-size: 1.35rem; margin: 2.5rem 0 1rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--line); }
      h3 { font-size: 1.1rem; margin: 0; }
      p { margin: 0.5rem 0; }
      .topbar { display: flex; justify-content: space-between; align-items: center; gap: 1rem; flex-wrap: wrap;
        padding: 0.6rem 1.5rem; border-bottom: 1px solid var(--line); background: var(--soft); font-size: 0.95rem; }
      .brand { font-weight: 600; text-decoration: none; }
      .langs { display: none; gap: 0.25rem; }
      .js .langs { display: flex; }
      .langs button { font: inherit; font-size: 0.85rem; padding: 0.15rem 0.6rem; border: 1px solid var(--line);
        background: #fff; border-radius: 999px; cursor: pointer; color: var(--text); }
      .langs button[aria-pressed="true"] { background: var(--text); color: #fff; border-color: var(--text); }
      body.only-en .t-zh, body.only-zh .t-en { display: none !important; }
      .hero { margin-bottom: 1rem; }
      .subtitle { font-size: 1.3rem; color: var(--second); margin: 0 0 0.6rem; }
      .kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; color: var(--muted); margin: 0; }
      .meta { color: var(--muted); font-size: 0.93rem; display: flex; flex-wrap: wrap; gap: 0.35rem 0.5rem;
        align-items: center; }
      .t-zh.second, .t-en.second, .label-zh, .meta .t-zh, .overall .t-zh, .legend .t-zh, .title-zh, .badge .t-zh,
        .source .t-zh, dd > .t-zh { color: var(--second); }
      .label-zh { font-weight: normal; font-size: 0.9em; margin-left: 0.25em; }
      .bi p { margin: 0.35rem 0; }
      .bi p.second { font-size: 0.95em; }
      .summary { font-size: 1.05rem; max-width: 48rem; }
      .intro { max-width: 48rem; }
      .muted { color: var(--muted); }
      .label { font-size: 0.85rem; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em;
        margin: 0.8rem 0 0.2rem; }
      .label .label-zh { text-transform: none; }
      .pass { color: var(--proved); font-weight: 600; }
      .fail { color: var(--refuted); font-weight: 600; }
      .overall { padding: 0.8rem 1rem; border-radius: 8px; margin: 1.2rem 0; border: 1px solid; }
      .overall.pass { background: var(--proved-bg); border-color: #a6dcb5; color: var(--text); font-weight: normal; }
      .overall.fail { background: var(--refuted-bg); border-color: #f3b5ae; color: var(--text); font-weight: normal; }
      .overall.pass strong { color: var(--proved); }
      .overall.fail strong { color: var(--refuted); }
      .badge { display: inline-block; font-size: 0.8rem; font-weight: 600; line-height: 1.4; padding: 0.1rem 0.55rem;
        border-radius: 999px; border: 1px solid; white-space: nowrap; vertical-align: middle; }
      .badge .t-zh { font-weight: normal; }
      .b-proved { color: var(--proved); background: var(--proved-bg); border-color: #a6dcb5; }
      .b-confirmed { color: var(--confirmed); background: var(--confirmed-bg); border-color: #9fd8e1; }
      .b-refuted { color: var(--refuted); background: var(--refuted-bg); border-color: #f3b5ae; }
      .b-unknown { color: var(--unknown); background: var(--unknown-bg); border-color: #c9d1d9; }
      .b-mistake { color: var(--mistake); background: var(--mistake-bg); border-color: #f0cf7a; }
      .cards { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; }
      .card { border: 1px solid var(--line); border-left: 5px solid var(--unknown); border-radius: 8px;
        padding: 1rem 1.2rem; background: #fff; }
      .card-head { display: flex; flex-wrap: wrap; gap: 0.5rem 0.8rem; align-items: baseline; }
      .card h3 { font-size: 1.15rem; }
      .title-zh { margin: 0.1rem 0 0.3rem; }
      .card.v-proved, .step.v-proved { border-left-color: var(--proved); }
      .card.v-confirmed, .step.v-confirmed { border-left-color: var(--confirmed); }
      .card.v-refuted, .step.v-refuted { border-left-color: var(--refuted); }
      .card.v-unknown, .step.v-unknown { border-left-color: var(--unknown); }
      .card.v-mistake, .step.v-mistake { border-left-color: #d4a017; }
      .formula-box { overflow-x: auto; overflow-y: hidden; padding: 0.6rem 0.2rem; text-align: left; }
      .formula-box.whole { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
      .formula-box.small { padding: 0.3rem 0; display: flex; flex-wrap: wrap; align-items: center; gap: 0.2rem 0.8rem; }
      .formula-label { font-size: 0.85rem; color: var(--muted); }
      .card { min-width: 0; }
      .card-head h3 { min-width: 0; overflow-wrap: anywhere; }
      img.formula { display: inline-block; vertical-align: middle; max-width: none; }
      .fallback { display: inline-block; color: var(--refuted); }
      .relation { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.6rem; }
      .relation > * { min-width: 0; max-width: 100%; }
      .relation .label { margin: 0; }
      .table-wrap { overflow-x: auto; }
      table { border-collapse: collapse; font-size: 0.95rem; }
      th, td { text-align: left; padding: 0.35rem 0.8rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
      th { font-weight: 600; background: var(--soft); white-space: nowrap; }
      th .label-zh { display: block; margin: 0; font-size: 0.85em; }
      td.num { font-variant-numeric: tabular-nums; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas,
        "DejaVu Sans Mono", monospace; font-size: 0.85rem; white-space: nowrap; }
      td.point { white-space: normal; min-width: 4rem; }
      .symbols td:first-child { width: 1%; white-space: nowrap; }
      .steps-nav { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0 0 1rem; }
      .steps-nav a { display: inline-block; min-width: 2rem; text-align: center; padding: 0.1rem 0.4rem;
        border: 1px solid var(--line); border-bottom-width: 3px; border-radius: 6px; text-decoration: none;
        font-size: 0.9rem; color: var(--text); }
      .steps-nav a.v-proved { border-bottom-color: var(--proved); }
      .steps-nav a.v-confirmed { border-bottom-color: var(--confirmed); }
      .steps-nav a.v-refuted { border-bottom-color: var(--refuted); }
      .steps-nav a.v-unknown { border-bottom-color: var(--unknown); }
      .steps-nav a.v-mistake { border-bottom-color: #d4a017; }
      .step { border: 1px solid var(--line); border-left: 5px solid var(--unknown); border-radius: 8px;
        padding: 1rem 1.3rem; margin: 0 0 1.2rem; background: #fff; scroll-margin-top: 1rem; }
      .step.start { border-left-color: var(--accent); }
      .step-head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.7rem; }
      .step-head .num { display: inline-flex; align-items: center; justify-content: center; width: 1.9rem; height: 1.9rem;
        border-radius: 50%; background: var(--text); color: #fff; font-weight: 600; font-size: 0.9rem; }
      .step-head h3 code { background: none; padding: 0; font-size: 1rem; }
      .note { border-left: 3px solid var(--line); padding-left: 0.8rem; margin: 0.4rem 0 0.6rem; }
      .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1rem; margin: 0.8rem 0 0.4rem;
        font-size: 0.95rem; }
      .facts dt { color: var(--muted); font-weight: 600; }
      .facts dd { margin: 0; min-width: 0; }
      .facts dd .bi p { margin: 0.15rem 0 0; }
      .counterexample, .failure { color: var(--refuted); }
      details.spots { margin-top: 0.6rem; }
      details.spots summary { cursor: pointer; color: var(--muted); font-size: 0.9rem; margin-bottom: 0.4rem; }
      .diff { color: var(--muted); }
      .sides { display: grid; grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr); gap: 1rem; align-items: stretch; }
      .side { border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 1rem; min-width: 0; }
      .side .label { margin-top: 0.2rem; }
      .side-relation { align-self: center; text-align: center; display: flex; flex-direction: column;
        align-items: center; gap: 0.2rem; font-size: 0.8rem; max-width: 9rem; }
      .callout { border-radius: 8px; padding: 0.8rem 1.1rem; margin: 1.2rem 0; border: 1px solid; }
      .callout.mistake { background: var(--mistake-bg); border-color: #f0cf7a; }
      .callout.mistake strong { color: var(--mistake); }
      .callout.fail { background: var(--refuted-bg); border-color: #f3b5ae; }
      ul.plain { padding-left: 1.2rem; }
      ul.plain li { margin: 0.4rem 0; }
      .legend dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5rem 1rem; align-items: baseline; }
      .legend dd { margin: 0; }
      footer { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; color: var(--muted); font-size: 0.85rem;
        border-top: 1px solid var(--line); }
      .formula-box.wrong { border: 2px solid var(--refuted); border-radius: 8px; padding: 0.6rem 0.8rem;
        background: var(--refuted-bg); margin: 0.6rem 0; }
      .formula-box.right { border: 2px solid var(--proved); border-radius: 8px; padding: 0.6rem 0.8rem;
        background: var(--proved-bg); margin: 0.6rem 0; }
      .formula-box.wrong .formula-label, .formula-box.right .formula-label { display: block; font-weight: 600; }
      .formula-box.wrong .formula-label { color: var(--refuted); }
      .formula-box.right .formula-label { color: var(--proved); }
      .formula-box.composed { display: block; }
      .t-en + .t-zh, .t-en + .label-zh { margin-left: 0.35em; }
      code.src { font-size: 0.75rem; color: var(--muted); background: none; margin-left: auto; }
      .formula-box.composed .formula-label { display: block; }
      /* a formula in a sentence: a wide one scrolls inside its own box rather than widening the page */
      .math-inline { display: inline-block; max-width: 100%; overflow-x: auto; overflow-y: hidden;
        vertical-align: middle; }
      .math-inline img.formula { vertical-align: middle; display: block; }
      button.copy { display: none; font: inherit; font-size: 0.7rem; margin-left: 0.5rem; padding: 0 0.4rem;
        border: 1px solid var(--line); border-radius: 4px; background: var(--bg); color: var(--muted); cursor: pointer;
        vertical-align: middle; }
      .js button.copy { display: inline-block; }
      button.copy.copied { color: var(--proved); border-color: var(--proved); }
      .controls { display: none; gap: 0.4rem; flex-wrap: wrap; margin: 0 0 1rem; }
      .js .controls { display: flex; position: sticky; top: 0; z-index: 2; background: var(--bg); padding: 0.4rem 0; }
      .controls button { font: inherit; font-size: 0.85rem; padding: 0.15rem 0.7rem; border: 1px solid var(--line);
        border-radius: 6px; background: var(--soft); color: var(--text); cursor: pointer; }
      .controls button[aria-pressed="false"] { opacity: 0.6; }
      article.step.later { display: none; }
      body.no-checks details.spots, body.no-checks dl.facts { display: none; }
      .spot-explanation { font-size: 0.9rem; color: var(--muted); margin: 0.2rem 0 0.4rem; }
      tr.group-1 td { background: var(--soft); }
      details.more-spots summary { font-size: 0.85rem; }
      @media (prefers-color-scheme: dark) {
        :root {
          --text: #e6edf3; --muted: #9da7b3; --second: #a8b3bf; --line: #3d444d; --bg: #0d1117; --soft: #161b22;
          --accent: #58a6ff;
          --proved: #3fb950; --proved-bg: #12261a;
          --confirmed: #39c5cf; --confirmed-bg: #0f2a2e;
          --refuted: #ff7b72; --refuted-bg: #2d1214;
          --unknown: #9da7b3; --unknown-bg: #21262d;
          --mistake: #e3b341; --mistake-bg: #2b2111;
        }
        /* the formulas are black glyphs on a transparent ground: drawn light here */
        img.formula { filter: invert(1) hue-rotate(180deg); }
        .card, .step, .langs button { background: var(--soft); }
        .langs button[aria-pressed="true"] { background: var(--text); color: var(--bg); }
        .step-head .num { color: var(--bg); }
        .overall.pass, .overall.fail, .b-proved, .b-confirmed, .b-refuted, .b-unknown, .b-mistake,
          .callout.mistake, .callout.fail { border-color: var(--line); }
      }
      @media (max-width: 700px) {
        body { font-size: 16px; }
        main { padding: 1rem; }
        .facts, .legend dl { grid-template-columns: 1fr; }
        .facts dt { margin-top: 0.4rem; }
        .sides { grid-template-columns: 1fr; }
      }
      @media print {
        .topbar, .steps-nav, .controls, button.copy { display: none !important; }
        article.step.later { display: block; }
        body.no-checks details.spots, body.no-checks dl.facts { display: block; }
        img.formula { filter: none; }
        details.spots > *, details.more-spots { display: block; }
        .step, .card { break-inside: avoid; }
        a { color: inherit; text-decoration: none; }
        main { max-width: none; }
      }
      """;
}
