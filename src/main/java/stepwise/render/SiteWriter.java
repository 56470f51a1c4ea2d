package stepwise.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import stepwise.model.Text;

/**
 * The teaching material as a static HTML site that works offline, straight from the file
 * system: index.html (the derivations and claims with their verdicts), derivations/<id>.html,
 * claims/<id>.html, catalogue.html (every rule: pattern, conditions, description) and
 * source/<file>.html (each derivation file with numbered lines, which steps link to). The HTML
 * comes from jte templates (src/main/jte/site, compiled at build time; every ${...} is escaped);
 * this class only decides file names and hands the templates a {@link SitePage} per page.
 */
public final class SiteWriter implements MaterialWriter {
  /** How many of a step's sample points (or pairs of them) the spot-check table shows. */
  static final int SPOTS_SHOWN = 3;

  /** Precompiled templates: no compiler at run time, no start-up cost. */
  private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

  @Override
  public void write(Material material, Output out, Text.Language language) throws IOException {
    Site site = new Site(material, out, language);
    out.write("style.css", resource("style.css"));
    out.write("site.js", resource("site.js"));
    try {
      out.write("index.html", render("site/index.jte", site.page("", null), Map.of("m", material)));
      out.write(Site.CATALOGUE, render("site/catalogue.jte", site.page("", null), Map.of("m", material)));
      for (Material.Page p : material.derivations()) {
        out.write(site.pageFiles.get(p.id()), render("site/derivation.jte", site.page("../", p), Map.of("p", p)));
      }
      for (Material.ClaimPage c : material.claims()) {
        Material.Page home = site.home(c);
        out.write(site.claimFiles.get(c.id()), render("site/claim.jte", site.page("../", home), Map.of("c", c)));
      }
      for (Map.Entry<String, List<String>> source : site.sources.entrySet()) {
        out.write(site.sourceFiles.get(source.getKey()), render("site/source.jte", site.page("../", null),
            Map.of("file", source.getKey(), "lines", source.getValue())));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause(); // a formula image that could not be written
    }
  }

  private static String render(String template, SitePage page, Map<String, Object> params) {
    Map<String, Object> all = new HashMap<>(params);
    all.put("h", page);
    StringOutput html = new StringOutput(32_768);
    try {
      TEMPLATES.render(template, all, html);
    } catch (gg.jte.TemplateException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io; // a formula image that could not be written
      }
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException(e.getMessage() + ": " + cause, cause);
    }
    return html.toString();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SiteWriter.class.getResourceAsStream("/stepwise/site/" + name)) {
      if (in == null) {
        throw new IOException("missing resource /stepwise/site/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A file name for an id from a data file: letters, digits, '.', '_' and '-' only. */
  static String slug(String id) {
    String s = id == null ? "" : id.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
    return s.isEmpty() ? "item" : s;
  }

  /** The whole site's file names and shared lookups; one SitePage per written page. */
  static final class Site {
    static final String CATALOGUE = "catalogue.html";
    final Material material;
    final Output out;
    final Text.Language language;
    final Map<String, String> pageFiles = new LinkedHashMap<>();
    final Map<String, String> claimFiles = new LinkedHashMap<>();
    final Map<String, Material.Page> pagesById = new HashMap<>();
    final Map<String, String> ruleAnchors = new HashMap<>();
    /** Derivation files that could be read: their lines, and the page that shows them. */
    final Map<String, List<String>> sources = new LinkedHashMap<>();
    final Map<String, String> sourceFiles = new HashMap<>();
    /** Symbol names that read better in Unicode in prose (yhat -> ŷ), over all derivations. */
    final Map<String, String> allNames = new LinkedHashMap<>();

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
      used.clear();
      for (Material.RuleEntry r : material.rules()) {
        ruleAnchors.put(r.name(), "rule-" + unique(slug(r.name()), used));
      }
      used.clear();
      List<String> files = new ArrayList<>();
      material.derivations().forEach(p -> files.add(p.file()));
      material.claims().forEach(c -> files.add(c.file()));
      for (String file : files) {
        if (file == null || file.isEmpty() || sources.containsKey(file)) {
          continue;
        }
        List<String> lines = readable(file);
        if (lines != null) {
          sources.put(file, lines);
          sourceFiles.put(file, "source/" + unique(slug(Path.of(file).getFileName().toString()), used) + ".html");
        }
      }
    }

    /** The lines of a derivation file, or null when it cannot be read now (material built elsewhere). */
    private static List<String> readable(String file) {
      try {
        Path path = Path.of(file);
        return Files.isRegularFile(path) && Files.size(path) < 2_000_000 ? Files.readAllLines(path) : null;
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    private static String unique(String base, Set<String> used) {
      String name = base;
      for (int i = 2; !used.add(name); i++) {
        name = base + "-" + i;
      }
      return name;
    }

    SitePage page(String root, Material.Page names) {
      Map<String, String> map = new LinkedHashMap<>(allNames);
      if (names != null) {
        map.putAll(ProseNames.of(names));
      }
      return new SitePage(this, root, ProseNames.from(map));
    }

    /** The derivation a claim is stated in, if it has a page. */
    Material.Page home(Material.ClaimPage c) {
      return material.derivations().stream().filter(p -> p.file().equals(c.file())).findFirst().orElse(null);
    }
  }
}
