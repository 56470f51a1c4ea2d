package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stepwise.DerivationFiles;
import stepwise.Fixtures;
import stepwise.model.Text;

/**
 * The Markdown of the real derivations: a file per derivation and an index, $$ blocks balanced
 * and on their own lines between blank lines (GitHub's math), text from files escaped, and every
 * formula rendered by KaTeX (installed with npm into target/katex; node and npm are needed:
 * without them the test fails on CI, the CI variable set, and is skipped elsewhere).
 */
class MarkdownWriterTest {
  private static Material material;

  @TempDir
  Path dir;

  @BeforeAll
  static void build() {
    material = new MaterialBuilder(Fixtures.catalogue(), false).build(Fixtures.check(Path.of("derivations")));
  }

  private Path write(Material m, Text.Language language) throws IOException {
    Path target = dir.resolve("out-" + language);
    try (Output out = new Output(target)) {
      new MarkdownWriter().write(m, out, language);
      out.commit();
    }
    return target.resolve("md");
  }

  @Test
  void everyDerivationGetsAFileAndTheIndexListsThemAndTheClaims() throws IOException {
    Path md = write(material, Text.Language.EN);
    String index = Files.readString(md.resolve("README.md"));
    assertFalse(material.derivations().isEmpty());
    for (Material.Page page : material.derivations()) {
      Path file = md.resolve(page.id() + ".md");
      assertTrue(Files.isRegularFile(file), file + " is missing");
      String text = Files.readString(file);
      assertTrue(text.startsWith("# " + page.title().en() + "\n"), text.substring(0, 80));
      assertTrue(text.contains("$$\n\\begin{aligned}\n"), "the derivation as one aligned block");
      assertTrue(text.contains("## Symbols\n\n| Symbol | Name | Domain | Meaning |\n|---|---|---|---|\n"));
      for (Material.StepPage step : page.steps()) {
        assertTrue(text.contains("### Step " + step.number() + ": `" + step.rule() + "` — "), "step " + step.number());
        if (step.wrongLatex() != null) {
          // a slip: the author's wrong line, refuted, then the correction
          assertTrue(text.contains("$$\n" + MarkdownWriter.mathSafe(step.wrongLatex().strip()) + "\n$$\n"), step.wrongLatex());
          assertTrue(text.contains("$$\n" + MarkdownWriter.mathSafe(step.correctLatex().strip()) + "\n$$\n"), step.correctLatex());
        } else if (!step.formula().isEmpty()) {
          assertTrue(text.contains("$$\n" + MarkdownWriter.mathSafe(step.formula().strip()) + "\n$$\n"), step.formula());
        }
      }
      assertTrue(index.contains("](" + page.id() + ".md) — " + (page.expectFailure() ? "❌ **refuted** (as expected)"
          : "✅ **proved**")), index);
    }
    for (Material.ClaimPage claim : material.claims()) {
      assertTrue(index.contains("### `" + claim.id() + "` — "), index);
    }
    String road = Files.readString(md.resolve("bce-from-likelihood.md"));
    assertTrue(road.contains("*Rule:* The log of a product is the sum of the logs (both factors positive)."), road);
    assertTrue(road.contains("200 sample points, largest error 0.0e+00"), road);
    assertTrue(road.contains("| $\\hat{y}$ | `yhat` | $(0, 1)$ | the model's prediction (a sigmoid output) |"), road);
    assertTrue(road.contains("We want $P(y \\mid x)$ large."), "inline math in a note stays math");
    String convexity = Files.readString(md.resolve("convexity.md"));
    assertTrue(convexity.contains("convex in the prediction $\\hat{y}$"), "symbol names in prose typeset as in the formulas");
    assertFalse(convexity.contains("prediction yhat"), convexity);

    String zh = Files.readString(write(material, Text.Language.ZH).resolve("bce-from-likelihood.md"));
    assertTrue(zh.startsWith("# 从伯努利似然推导二元交叉熵\n"), zh.substring(0, 40));
    assertTrue(zh.contains("### 第 2 步：`log-of-product` — ✅ **已证明**"), zh);
    assertTrue(zh.contains("积的对数等于对数之和（两个因子都为正）。"), zh);
  }

  @Test
  void mathBlocksAreBalancedAndStandOnTheirOwnLines() throws IOException {
    for (Text.Language language : Text.Language.values()) {
      for (Path file : files(write(material, language))) {
        formulas(file); // fails on an unbalanced or badly placed block
      }
    }
  }

  @Test
  void textFromFilesIsEscaped() {
    assertEquals("a\\*b\\_c \\[x\\](y) \\<b\\> \\| \\$5 \\~ \\&amp; \\`x\\` back\\\\slash",
        MarkdownWriter.text("a*b_c [x](y) <b> | $5 ~ &amp; `x` back\\slash"));
    assertEquals("\\# not a heading", MarkdownWriter.text("# not a heading"));
    assertEquals("\\- not a list", MarkdownWriter.text("- not a list"));
    assertEquals("1\\. not a list either", MarkdownWriter.text("1. not a list either"));
    assertEquals("one line", MarkdownWriter.text("one\n\nline"));
    assertEquals("$P(x_{i}) \\Vert Q \\vert a$", MarkdownWriter.inlineMath("P(x_{i}) \\| Q | a"));
    assertEquals("``a`b``", MarkdownWriter.code("a`b"));
  }

  /** Every formula of every file (both languages, and a file full of odd text) renders with KaTeX. */
  @Test
  void everyFormulaRendersWithKatex() throws IOException, InterruptedException {
    Path odd = DerivationFiles.write(dir, "odd-text.yaml", """
        title: {en: "Odd: $5 and $6, a_b *c* [x](y) <script> | # ~"}
        symbols:
          x: {domain: real, meaning: {en: "x | with a bar and $"}}
          y: real
        start: Log(x*y)
        steps:
          - rule: log-of-product
            note: {en: "Wrong on purpose: $x$ and y may be negative."}
        claims:
          - name: odd-claim
            statement: {en: "log(xy) = log x + log y, always?"}
            left: Log(x*y)
            relation: "="
            right: Log(x) + Log(y)
            expect: fails
        """);
    Material oddMaterial = new MaterialBuilder(Fixtures.catalogue(), false).build(Fixtures.check(odd));
    try (Output out = new Output(dir.resolve("odd"))) {
      new MarkdownWriter().write(oddMaterial, out, Text.Language.EN);
      out.commit();
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (Path md : List.of(write(material, Text.Language.EN), write(material, Text.Language.ZH),
        dir.resolve("odd").resolve("md"))) {
      for (Path file : files(md)) {
        items.addAll(formulas(file));
      }
    }
    assertTrue(items.size() > 40, "only " + items.size() + " formulas found");
    Path katex = Katex.install();
    Path input = katex.resolve("formulas.json");
    new ObjectMapper().writeValue(input.toFile(), items);
    Katex.Result result = Katex.check(katex, input);
    assertEquals(0, result.exit(), result.output());
    assertTrue(result.output().contains("rendered " + items.size() + " formulas"), result.output());
  }

  private static List<Path> files(Path md) throws IOException {
    try (Stream<Path> files = Files.list(md)) {
      List<Path> all = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
      assertTrue(all.size() >= 2, "no Markdown in " + md);
      return all;
    }
  }

  /**
   * The formulas of a Markdown file: $$ blocks (a line "$$" alone opens and closes one, with a
   * blank line before and after and none inside) and inline $...$ in the other lines, whose
   * unescaped $ must pair up.
   */
  static List<Map<String, Object>> formulas(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Map<String, Object>> out = new ArrayList<>();
    String name = file.getFileName().toString();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().equals("$$")) {
        assertEquals("$$", line, name + ":" + (i + 1) + ": $$ with spaces around it");
        assertTrue(i == 0 || lines.get(i - 1).isEmpty(), name + ":" + (i + 1) + ": no blank line before $$");
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).equals("$$")) {
          assertFalse(lines.get(end).isBlank(), name + ":" + (end + 1) + ": blank line inside a $$ block");
          String inside = lines.get(end);
          assertFalse(inside.contains("$"), name + ":" + (end + 1) + ": $ inside a $$ block");
          // GitHub: a row break \\ must end its line (Markdown would collapse it otherwise), no ^* (emphasis)
          int rowBreak = inside.indexOf("\\\\");
          assertTrue(rowBreak < 0 || rowBreak == inside.length() - 2, name + ":" + (end + 1) + ": \\\\ inside a line");
          assertFalse(inside.contains("^*"), name + ":" + (end + 1) + ": ^* (write ^{\\ast})");
          end++;
        }
        assertTrue(end < lines.size(), name + ":" + (i + 1) + ": $$ block never closed");
        assertTrue(end > i + 1, name + ":" + (i + 1) + ": empty $$ block");
        assertTrue(end == lines.size() - 1 || lines.get(end + 1).isEmpty(), name + ":" + (end + 1)
            + ": no blank line after $$");
        out.add(item(name + ":" + (i + 1), String.join("\n", lines.subList(i + 1, end)), true));
        i = end;
        continue;
      }
      assertFalse(line.contains("$$"), name + ":" + (i + 1) + ": $$ inside a line: " + line);
      List<Integer> dollars = new ArrayList<>();
      for (int c = 0; c < line.length(); c++) {
        if (line.charAt(c) == '\\') {
          c++;
        } else if (line.charAt(c) == '$') {
          dollars.add(c);
        }
      }
      assertEquals(0, dollars.size() % 2, name + ":" + (i + 1) + ": an unpaired $ in " + line);
      for (int k = 0; k < dollars.size(); k += 2) {
        out.add(item(name + ":" + (i + 1), line.substring(dollars.get(k) + 1, dollars.get(k + 1)), false));
      }
    }
    return out;
  }

  private static Map<String, Object> item(String where, String tex, boolean display) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("where", where);
    m.put("tex", tex);
    m.put("display", display);
    return m;
  }

  /** KaTeX from npm in target/katex, and a node script that renders formulas with it. */
  static final class Katex {
    private Katex() {}

    record Result(int exit, String output) {}

    static final String SCRIPT = """
        // Renders every formula of formulas.json with KaTeX; exits 1 if any fails.
        const katex = require('katex');
        const fs = require('fs');
        const items = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
        let bad = 0;
        for (const it of items) {
          try {
            katex.renderToString(it.tex, {displayMode: it.display, throwOnError: true, strict: 'error'});
          } catch (e) {
            bad++;
            console.log(it.where + ': ' + e.message + '\\n    in: ' + it.tex);
          }
        }
        console.log('rendered ' + (items.length - bad) + ' formulas, ' + bad + ' failed');
        process.exit(bad ? 1 : 0);
        """;

    static Path install() throws IOException, InterruptedException {
      Path folder = Path.of("target", "katex").toAbsolutePath();
      TexWriterTest.require(TexWriter.onPath("node") != null, "node (Debian: nodejs)");
      if (!Files.isRegularFile(folder.resolve("node_modules/katex/package.json"))) {
        TexWriterTest.require(TexWriter.onPath("npm") != null, "npm (Debian: npm)");
        Files.createDirectories(folder);
        Result r = run(folder, 300, TexWriter.onPath("npm").toString(), "install", "--prefix", folder.toString(),
            "--no-audit", "--no-fund", "--no-save", "katex@0.16");
        TexWriterTest.require(r.exit() == 0 && Files.isRegularFile(folder.resolve("node_modules/katex/package.json")),
            "katex (npm install katex@0.16 failed: " + r.output().strip() + ")");
      }
      Files.writeString(folder.resolve("check.js"), SCRIPT);
      return folder;
    }

    static Result check(Path folder, Path formulas) throws IOException, InterruptedException {
      return run(folder, 120, TexWriter.onPath("node").toString(), folder.resolve("check.js").toString(),
          formulas.toString());
    }

    private static Result run(Path folder, int seconds, String... command) throws IOException, InterruptedException {
      Path log = Files.createTempFile("katex", ".log");
      try {
        Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
            .redirectOutput(Redirect.to(log.toFile())).start();
        p.getOutputStream().close();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return new Result(-1, String.join(" ", command) + " took over " + seconds + " s");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(log);
      }
    }
  }
}
