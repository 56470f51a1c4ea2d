package stepwise.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Builtins;
import stepwise.expr.ExprParser;
import stepwise.expr.ExprSyntaxError;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.InputError;
import stepwise.model.Source;
import stepwise.model.Text;
import stepwise.rules.Catalogue;
import stepwise.rules.Definition;
import stepwise.rules.Rule;
import stepwise.rules.RuleKind;
import stepwise.rules.RuleKinds;
import stepwise.rules.RuleScope;
import stepwise.rules.RuleSpec;

/**
 * Reads the rule catalogue: YAML files, one per family of rules (logarithms, sums, ...), listed
 * in catalogue.yaml. Definitions are read first so that rules may use their names. Every entry
 * is validated as it is read; a bad entry stops the load with its file and line.
 */
public final class CatalogueLoader {
  private static final String RESOURCES = "stepwise/rules/";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9]*)\\(([^()]*)\\)\\s*");
  private static volatile Catalogue builtIn;

  private CatalogueLoader() {}

  /** The catalogue shipped with Stepwise (loaded once; catalogues are read-only). */
  public static Catalogue builtIn() {
    Catalogue c = builtIn;
    if (c == null) {
      synchronized (CatalogueLoader.class) {
        if (builtIn == null) {
          builtIn = load(List.of());
        }
        c = builtIn;
      }
    }
    return c;
  }

  /** The built-in catalogue plus extra rule files given by the user. */
  public static Catalogue load(List<Path> extraFiles) {
    List<YamlNode> files = new ArrayList<>();
    YamlNode index = YamlNode.parse(Path.of(RESOURCES + "catalogue.yaml"), resource("catalogue.yaml"));
    index.allowOnly(Set.of("families"), "catalogue.yaml");
    for (String family : index.require("families", "catalogue.yaml").scalars("families")) {
      files.add(YamlNode.parse(Path.of(RESOURCES + family + ".yaml"), resource(family + ".yaml")));
    }
    int builtInFiles = files.size();
    for (Path extra : extraFiles) {
      files.add(YamlNode.parse(extra, TextFiles.read(extra)));
    }
    Catalogue catalogue = new Catalogue();
    for (YamlNode file : files) {
      file.allowOnly(Set.of("family", "description", "definitions", "rules"), "a rule file");
      for (YamlNode d : file.get("definitions", "a rule file").map(n -> n.items("definitions")).orElse(List.of())) {
        readDefinition(d, catalogue);
      }
    }
    for (int i = 0; i < files.size(); i++) {
      YamlNode file = files.get(i);
      boolean vetted = i < builtInFiles;
      String family = file.get("family", "a rule file").map(n -> n.scalar("family"))
          .orElse(file.file().getFileName().toString().replaceFirst("\\.ya?ml$", ""));
      for (YamlNode r : file.get("rules", "a rule file").map(n -> n.items("rules")).orElse(List.of())) {
        readRule(r, family, vetted, catalogue);
      }
    }
    return catalogue;
  }

  private static String resource(String name) {
    try (InputStream in = CatalogueLoader.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing catalogue resource " + RESOURCES + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void readDefinition(YamlNode node, Catalogue catalogue) {
    node.allowOnly(Set.of("name", "form", "body", "support", "latex", "description"), "a definition");
    String name = node.require("name", "a definition").scalar("name");
    checkName(name, node.require("name", "a definition"));
    YamlNode formNode = node.require("form", "definition " + name);
    Matcher form = FORM.matcher(formNode.scalar("form"));
    if (!form.matches()) {
      throw new InputError(formNode.source(), "form must look like H(p) or KL(p, q)");
    }
    String headName = form.group(1);
    if (Builtins.function(headName).isPresent()) { // a constant name (I) is fine: calls I(p) never mean it
      throw new InputError(formNode.source(), headName + " is a built-in function; a definition needs its own name");
    }
    RuleScope scope = new RuleScope(catalogue.heads());
    List<ISymbol> params = new ArrayList<>();
    for (String p : form.group(2).split(",")) {
      if (!p.strip().matches("[A-Za-z][A-Za-z0-9]*")) {
        throw new InputError(formNode.source(), "parameters of " + headName + " must be names");
      }
      params.add(scope.local(p.strip()));
    }
    ISymbol head = catalogue.head(headName);
    YamlNode bodyNode = node.require("body", "definition " + name);
    IExpr body = parse(bodyNode, bodyNode.scalar("body"), scope);
    Optional<YamlNode> supportNode = node.get("support", "definition " + name);
    ISymbol support = null;
    ISymbol index = scope.local("i");
    ISymbol lo = scope.local("lo");
    ISymbol hi = scope.local("hi");
    Set<ISymbol> allowed = new HashSet<>(params);
    if (supportNode.isPresent()) {
      support = scope.local(supportNode.get().scalar("support"));
      if (!params.contains(support)) {
        throw new InputError(supportNode.get().source(), "support must be one of the parameters of " + headName);
      }
      allowed.addAll(List.of(index, lo, hi));
    }
    for (ISymbol s : Trees.symbols(body)) {
      if (UserSymbols.isUser(s) && !allowed.contains(s) && !catalogue.heads().containsValue(s)) {
        throw new InputError(bodyNode.source(), "definition " + name + ": the body uses " + s.getSymbolName()
            + ", which is not a parameter" + (support == null ? "" : " nor the index i or range lo, hi of " + support.getSymbolName()));
      }
    }
    String latex = node.get("latex", "definition " + name).map(n -> DerivationLoader.latex(n, "latex:", true)).orElse(null);
    Text description = node.get("description", "definition " + name).map(n -> Texts.read(n, "description")).orElse(Text.NONE);
    try {
      catalogue.add(new Definition(name, head, params, body, support, index, lo, hi, latex, description));
    } catch (IllegalArgumentException e) {
      throw new InputError(node.source(), e.getMessage());
    }
  }

  private static void checkName(String name, YamlNode at) {
    if (!NAME.matcher(name).matches()) {
      throw new InputError(at.source(), "'" + name + "' is not a rule name: use lower-case words joined by -, like log-of-product");
    }
  }

  private static void readRule(YamlNode node, String family, boolean vetted, Catalogue catalogue) {
    YamlNode nameNode = node.require("name", "a rule");
    String name = nameNode.scalar("name");
    checkName(name, nameNode);
    String kindName = node.get("kind", "rule " + name).map(n -> n.scalar("kind")).orElse("rewrite");
    RuleKind kind = RuleKinds.named(kindName).orElseThrow(() -> new InputError(node.keySource("kind"),
        "rule " + name + ": unknown kind '" + kindName + "' (known: " + String.join(", ", RuleKinds.names()) + ")"));
    Set<String> allowed = new LinkedHashSet<>(kind.fields());
    allowed.addAll(Set.of("name", "kind", "description"));
    node.allowOnly(allowed, "rule " + name);
    Text description = node.get("description", "rule " + name).map(n -> Texts.read(n, "description")).orElse(Text.NONE);
    if (description.en().isEmpty()) {
      throw new InputError(node.source(), "rule " + name + " needs a description (en, and zh if you can)");
    }
    RuleScope scope = new RuleScope(catalogue.heads());
    Rule rule = kind.build(new YamlRuleSpec(node, name, family, description, scope, vetted), catalogue);
    try {
      catalogue.add(rule, vetted || kind.soundWhateverItsFields());
    } catch (IllegalArgumentException e) {
      throw new InputError(nameNode.source(), e.getMessage());
    }
  }

  private static IExpr parse(YamlNode at, String text, RuleScope scope) {
    try {
      return ExprParser.parse(text, scope);
    } catch (ExprSyntaxError e) {
      throw new InputError(at.textSource().atColumnOffset(e.offset()), e.getMessage() + " in: " + stepwise.expr.ExprSyntaxError.excerpt(text, e.offset()));
    }
  }

  private record YamlRuleSpec(YamlNode node, String name, String family, Text description, RuleScope scope,
      boolean vetted)
      implements RuleSpec {
    private Map<String, YamlNode> fields() {
      return node.entries("rule " + name);
    }

    @Override
    public Set<String> keys() {
      return fields().keySet();
    }

    @Override
    public Optional<String> text(String key) {
      return Optional.ofNullable(fields().get(key)).map(n -> n.scalar(key));
    }

    @Override
    public List<String> texts(String key) {
      return Optional.ofNullable(fields().get(key)).map(n -> n.scalars(key)).orElse(List.of());
    }

    @Override
    public IExpr expr(String key) {
      YamlNode field = Optional.ofNullable(fields().get(key))
          .orElseThrow(() -> new InputError(node.source(), "rule " + name + " needs '" + key + ":'"));
      return CatalogueLoader.parse(field, field.scalar(key), scope);
    }

    @Override
    public IExpr parse(String key, String text) {
      YamlNode field = fields().getOrDefault(key, node);
      return CatalogueLoader.parse(field, text, scope);
    }

    @Override
    public InputError error(String key, String message) {
      YamlNode at = key == null ? node : fields().getOrDefault(key, node);
      return new InputError(at.source(), message);
    }
  }
}
