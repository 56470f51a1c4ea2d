package stepwise.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Builtins;
import stepwise.expr.ExprParser;
import stepwise.expr.ExprSyntaxError;
import stepwise.expr.UserSymbols;
import stepwise.model.Assumptions;
import stepwise.model.Call;
import stepwise.model.Claim;
import stepwise.model.Derivation;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.ExprReader;
import stepwise.model.InputError;
import stepwise.model.Operand;
import stepwise.model.Source;
import stepwise.model.SymbolDecl;
import stepwise.model.Text;
import stepwise.rules.Catalogue;
import stepwise.rules.Rule;

/**
 * Reads a derivation file (YAML; the format is documented in the README). Everything is
 * checked here: YAML syntax, field names, symbols and domains, every expression, the rule of
 * every step and its parameters. Errors name the file, the line and the step.
 */
public final class DerivationLoader {
  private static final Set<String> TOP = Set.of("id", "title", "summary", "symbols", "constraints", "start", "steps",
      "claims", "expect", "correction", "goal");
  private static final Set<String> STEP_KEYS = Set.of("rule", "by", "expect", "note", "name", "repeat");
  private static final Set<String> CLAIM_KEYS = Set.of("name", "statement", "left", "relation", "right", "variables",
      "assume", "expect", "correction", "by");
  private final Catalogue catalogue;

  public DerivationLoader(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  public Derivation load(Path file) {
    return load(file, TextFiles.read(file));
  }

  public Derivation load(Path file, String text) {
    YamlNode root = YamlNode.parse(file, text);
    root.allowOnly(TOP, "a derivation file");
    String id = root.get("id", "file").map(n -> identifier(n, "id"))
        .orElse(file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
    Text title = root.get("title", "file").map(n -> Texts.read(n, "title")).orElse(Text.en(id));
    Text summary = root.get("summary", "file").map(n -> Texts.read(n, "summary")).orElse(Text.NONE);

    Map<String, SymbolDecl> symbols = new LinkedHashMap<>();
    DerivationScope scope = new DerivationScope(symbols, catalogue);
    Reader reader = new Reader(scope, symbols);
    readSymbols(root, symbols, reader);
    reader.domains = domainsOf(symbols);
    for (YamlNode c : root.get("constraints", "file").map(n -> n.items("constraints")).orElse(List.of())) {
      IExpr constraint = reader.read(c.scalar("constraint"), c.textSource());
      try {
        reader.domains = Assumptions.toDomains(constraint, reader.domains);
      } catch (Assumptions.Unsupported e) {
        throw new InputError(c.source(), e.getMessage());
      }
    }

    Derivation.Start start = root.get("start", "file").map(n -> readStart(n, reader)).orElse(null);
    List<Derivation.Step> steps = new ArrayList<>();
    Optional<YamlNode> stepsNode = root.get("steps", "file");
    if (stepsNode.isPresent() && start == null) {
      throw new InputError(stepsNode.get().source(), "steps need a start: expression (or start: {from: other-derivation})");
    }
    int number = 0;
    for (YamlNode s : stepsNode.map(n -> n.items("steps")).orElse(List.of())) {
      steps.add(readStep(s, ++number, reader));
    }
    Optional<YamlNode> goalNode = root.get("goal", "file");
    if (goalNode.isPresent()) { // the goal is a last step whose steps are to be found (stepwise derive)
      if (start == null) {
        throw new InputError(goalNode.get().source(), "a goal: needs a start: expression to search from");
      }
      steps.add(readGoal(goalNode.get(), ++number, reader));
    }
    List<Claim> claims = new ArrayList<>();
    for (YamlNode c : root.get("claims", "file").map(n -> n.items("claims")).orElse(List.of())) {
      claims.add(readClaim(c, id, claims.size() + 1, reader));
    }
    if (start == null && claims.isEmpty()) {
      throw new InputError(root.source(), "the file has neither a start and steps nor claims");
    }
    boolean expectFailure = root.get("expect", "file").map(n -> expectFails(n)).orElse(false);
    Text correction = root.get("correction", "file").map(n -> Texts.read(n, "correction")).orElse(Text.NONE);
    return new Derivation(id, file, title, summary, symbols, reader.domains, start, steps, claims, expectFailure,
        correction, root.source());
  }

  /**
   * An id, a claim name or a reference to another derivation: it becomes a file name when
   * rendering and names a sibling file when loading, so it may not be a path (/etc/x, ../x).
   */
  static String identifier(YamlNode node, String field) {
    String value = node.scalar(field);
    if (value.length() > Limits.NAME_CHARS || !value.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw new InputError(node.textSource(), field + ": takes a name of letters, digits, '-', '_' and '.' (at most "
          + Limits.NAME_CHARS + " characters, not a path), such as kl-divergence; got '"
          + stepwise.expr.ExprSyntaxError.excerpt(value, 0) + "'");
    }
    return value;
  }

  /** A field shown as LaTeX, checked against the safe subset now rather than failing at render time. */
  static String latex(YamlNode node, String field, boolean template) {
    String value = node.scalar(field);
    LatexFields.check(value, node.textSource(), field, template);
    return value;
  }

  private static boolean expectFails(YamlNode node) {
    String value = node.scalar("expect");
    if (value.equals("fails")) {
      return true;
    }
    if (value.equals("holds")) {
      return false;
    }
    throw new InputError(node.source(), "expect: takes 'fails' (a recorded mistake) or 'holds'");
  }

  private void readSymbols(YamlNode root, Map<String, SymbolDecl> symbols, Reader reader) {
    Optional<YamlNode> node = root.get("symbols", "file");
    if (node.isEmpty()) {
      return;
    }
    Map<String, YamlNode> entries = node.get().entries("symbols");
    for (var e : entries.entrySet()) {
      String name = e.getKey();
      Source at = node.get().keySource(name);
      if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
        throw new InputError(at, "'" + name + "' is not a symbol name (letters and digits, starting with a letter)");
      }
      if (Builtins.function(name).isPresent() || Builtins.constant(name).filter(c -> !name.equals("I")
          && !name.equals("E")).isPresent()) {
        throw new InputError(at, name + " is a built-in name; choose another symbol name");
      }
      // placeholder so that ranges may mention symbols declared in any order
      symbols.put(name, new SymbolDecl(UserSymbols.named(name), Domain.COMPLEX, null, Text.NONE, at));
    }
    for (var e : entries.entrySet()) {
      symbols.put(e.getKey(), readSymbol(e.getKey(), e.getValue(), reader));
    }
  }

  private SymbolDecl readSymbol(String name, YamlNode node, Reader reader) {
    ISymbol symbol = UserSymbols.named(name);
    if (node.isScalar()) {
      String d = node.scalar("domain");
      if (d.equals(DomainParser.FUNCTION)) {
        return new SymbolDecl(symbol, null, null, Text.NONE, node.source());
      }
      return new SymbolDecl(symbol, DomainParser.parse(d, node.source(), reader), null, Text.NONE, node.source());
    }
    node.allowOnly(Set.of("domain", "latex", "meaning", "index", "range"), "symbol " + name);
    String latex = node.get("latex", name).map(n -> latex(n, "latex:", true)).orElse(null);
    Text meaning = node.get("meaning", name).map(n -> Texts.read(n, "meaning")).orElse(Text.NONE);
    YamlNode domainNode = node.require("domain", "symbol " + name);
    String domainText = domainNode.scalar("domain");
    Optional<YamlNode> index = node.get("index", name);
    Optional<YamlNode> range = node.get("range", name);
    if (domainText.equals(DomainParser.FUNCTION)) {
      return new SymbolDecl(symbol, null, latex, meaning, node.source());
    }
    boolean distribution = domainText.equals(DomainParser.DISTRIBUTION);
    if (distribution && (index.isEmpty() || range.isEmpty())) {
      throw new InputError(domainNode.source(), "a distribution needs index: (such as i) and range: (such as 1..n)");
    }
    if (index.isPresent() != range.isPresent()) {
      throw new InputError(node.source(), "an indexed family needs both index: and range:");
    }
    Domain element = distribution ? Domain.UNIT_OPEN : DomainParser.parse(domainText, domainNode.source(), reader);
    if (index.isEmpty()) {
      return new SymbolDecl(symbol, element, latex, meaning, node.source());
    }
    // one index (index: i, range: 1..n) or two (index: [i, j], range: [1..m, 1..n]: a matrix p(i, j))
    List<String> indexNames = listed(index.get(), "index");
    List<String> ranges = listed(range.get(), "range");
    if (indexNames.size() > 2 || indexNames.size() != ranges.size()) {
      throw new InputError(index.get().source(), "a family has one or two indices, each with its range"
          + " (index: i, range: 1..n; or index: [i, j], range: [1..m, 1..n])");
    }
    List<IExpr[]> bounds = new ArrayList<>();
    for (int k = 0; k < indexNames.size(); k++) {
      String indexName = indexNames.get(k);
      if (!indexName.matches("[A-Za-z][A-Za-z0-9]*")) {
        throw new InputError(index.get().source(), "index must be a name such as i");
      }
      String[] ends = ranges.get(k).split("\\.\\.");
      if (ends.length != 2) {
        throw new InputError(range.get().source(), "range must look like 1..n");
      }
      bounds.add(new IExpr[] {reader.read(ends[0].strip(), range.get().textSource()),
          reader.read(ends[1].strip(), range.get().textSource())});
    }
    if (indexNames.size() == 2 && indexNames.get(0).equals(indexNames.get(1))) {
      throw new InputError(index.get().source(), "the two indices of " + name + " need different names");
    }
    Domain.Axis second = indexNames.size() == 2
        ? new Domain.Axis(UserSymbols.named(indexNames.get(1)), bounds.get(1)[0], bounds.get(1)[1]) : null;
    Domain family = new Domain.Family(UserSymbols.named(indexNames.get(0)), bounds.get(0)[0], bounds.get(0)[1], element,
        distribution, second);
    return new SymbolDecl(symbol, family, latex, meaning, node.source());
  }

  /** A scalar or a flow list of scalars ([i, j]) as its items. */
  private static List<String> listed(YamlNode node, String what) {
    return node.isSequence() ? node.scalars(what) : List.of(node.scalar(what));
  }

  private static Domains domainsOf(Map<String, SymbolDecl> symbols) {
    Map<ISymbol, Domain> map = new LinkedHashMap<>();
    for (SymbolDecl d : symbols.values()) {
      if (d.domain() != null) {
        map.put(d.symbol(), d.domain());
      }
    }
    return new Domains(map, List.of(), List.of());
  }

  private Derivation.Start readStart(YamlNode node, Reader reader) {
    if (node.isScalar()) {
      String text = node.scalar("start");
      return new Derivation.Start(reader.read(text, node.textSource()), text, null, null, Text.NONE, node.source());
    }
    node.allowOnly(Set.of("expr", "from", "name", "note"), "start");
    String name = node.get("name", "start").map(n -> latex(n, "name:", false)).orElse(null);
    Text note = node.get("note", "start").map(n -> Texts.read(n, "note")).orElse(Text.NONE);
    Optional<YamlNode> from = node.get("from", "start");
    Optional<YamlNode> expr = node.get("expr", "start");
    if (from.isPresent() == expr.isPresent()) {
      throw new InputError(node.source(), "start needs either expr: or from: (another derivation's id)");
    }
    if (from.isPresent()) {
      return new Derivation.Start(null, null, identifier(from.get(), "from"), name, note, node.source());
    }
    String text = expr.get().scalar("expr");
    return new Derivation.Start(reader.read(text, expr.get().textSource()), text, null, name, note, node.source());
  }

  private Derivation.Step readStep(YamlNode node, int number, Reader reader) {
    if (!node.isMapping()) {
      throw new InputError(node.source(), "step " + number + " should be a mapping with rule: and its parameters");
    }
    // by: algebra is the same as rule: algebra, read as "this equals that by algebra"
    Optional<YamlNode> byNode = node.get("by", "step " + number);
    if (byNode.isPresent() && node.get("rule", "step " + number).isPresent()) {
      throw new InputError(byNode.get().source(), "step " + number + " has both rule: and by:; give one");
    }
    YamlNode ruleNode = byNode.isPresent() ? byNode.get() : node.require("rule", "step " + number);
    String ruleName = ruleNode.scalar(byNode.isPresent() ? "by" : "rule");
    String label = "step " + number + " (" + ruleName + ")";
    if (ruleName.equals(stepwise.model.AutoStep.RULE)) {
      return readAuto(node, number, reader, label);
    }
    try {
      Rule rule = catalogue.rule(ruleName).orElseThrow(() -> {
        List<String> similar = catalogue.similarNames(ruleName);
        return new InputError(ruleNode.source(), "unknown rule '" + ruleName + "'"
            + (similar.isEmpty() ? "; stepwise rules lists them" : " (did you mean " + String.join(", ", similar) + "?)"));
      });
      Call call = rule.prepare(new YamlParams(node, STEP_KEYS), reader);
      Optional<YamlNode> expect = node.get("expect", label);
      IExpr expected = expect.map(n -> reader.read(n.scalar("expect"), n.textSource())).orElse(null);
      if (call instanceof Call.Targeted targeted) {
        if (expected == null) {
          throw new InputError(ruleNode.source(), ruleName + " needs expect: (the expression the step arrives at)");
        }
        call = targeted.toward(expected);
      }
      String name = node.get("name", label).map(n -> latex(n, "name:", false)).orElse(null);
      boolean repeat = node.get("repeat", label).map(n -> Boolean.parseBoolean(n.scalar("repeat"))).orElse(false);
      Text note = node.get("note", label).map(n -> Texts.read(n, "note")).orElse(Text.NONE);
      return new Derivation.Step(number, ruleName, call, repeat, expected, expect.map(n -> n.scalar("expect")).orElse(null),
          name, note, node.source());
    } catch (InputError e) {
      throw e.inStep(label);
    }
  }

  /** rule: auto with expect: (and optionally relation:, variables:): the steps to it are found by stepwise derive. */
  private Derivation.Step readAuto(YamlNode node, int number, Reader reader, String label) {
    try {
      node.allowOnly(Set.of("rule", "expect", "relation", "variables", "name", "note"), label);
      YamlNode expect = node.require("expect", label + ": the expression to reach");
      String name = node.get("name", label).map(n -> latex(n, "name:", false)).orElse(null);
      Text note = node.get("note", label).map(n -> Texts.read(n, "note")).orElse(Text.NONE);
      return new Derivation.Step(number, stepwise.model.AutoStep.RULE, autoCall(node, reader, false, label), false,
          reader.readTarget(expect.scalar("expect"), expect.textSource()), expect.scalar("expect"), name, note, node.source());
    } catch (InputError e) {
      throw e.inStep(label);
    }
  }

  /** goal: EXPR, or goal: {expr: EXPR, relation: R, variables: [V]}: the same as a last step rule: auto. */
  private Derivation.Step readGoal(YamlNode node, int number, Reader reader) {
    if (node.isScalar()) {
      return new Derivation.Step(number, stepwise.model.AutoStep.RULE,
          new stepwise.model.AutoStep(reader, null, List.of(), true), false,
          reader.readTarget(node.scalar("goal"), node.textSource()), node.scalar("goal"), null, Text.NONE, node.source());
    }
    node.allowOnly(Set.of("expr", "relation", "variables"), "goal");
    YamlNode expr = node.require("expr", "goal");
    return new Derivation.Step(number, stepwise.model.AutoStep.RULE, autoCall(node, reader, true, "goal"), false,
        reader.readTarget(expr.scalar("expr"), expr.textSource()), expr.scalar("expr"), null, Text.NONE, node.source());
  }

  private static stepwise.model.AutoStep autoCall(YamlNode node, Reader reader, boolean goalField, String label) {
    String relation = node.get("relation", label).map(n -> n.scalar("relation").strip()).orElse(null);
    if (relation != null) {
      relation = switch (relation) {
        case "=", "==" -> "=";
        case "<=", "≤" -> "<=";
        case ">=", "≥" -> ">=";
        case "≃", "~", "up-to-constant" -> "≃";
        case "↗", "increasing" -> "↗";
        case "↘", "decreasing" -> "↘";
        case "derivative", "stationary" -> relation;
        case "any" -> null;
        default -> throw new InputError(node.get("relation", label).get().source(),
            "relation: takes =, <=, >=, ≃ (with variables:), ↗ (increasing), ↘ (decreasing), derivative or"
                + " stationary (with one variable in variables:) or any; got '" + relation + "'");
      };
    }
    List<String> variables = node.get("variables", label).map(n -> n.scalars("variables")).orElse(List.of());
    if (("derivative".equals(relation) || "stationary".equals(relation)) && variables.size() != 1) {
      throw new InputError(node.keySource("relation"), "relation: " + relation
          + " needs one variable in variables: (the one differentiated in: a name, or an entry x(k) of a family)");
    }
    for (String v : variables) {
      String name = "derivative".equals(relation) && v.contains("(") ? v.substring(0, v.indexOf('(')).strip() : v;
      if (!reader.domains().isDeclared(stepwise.expr.UserSymbols.named(name))) {
        throw new InputError(node.keySource("variables"), "variable " + v + " is not declared");
      }
    }
    if ("≃".equals(relation) && variables.isEmpty()) {
      throw new InputError(node.keySource("relation"), "relation: ≃ needs variables: (the ones the dropped terms do not depend on)");
    }
    return new stepwise.model.AutoStep(reader, relation, variables, goalField);
  }

  private Claim readClaim(YamlNode node, String fileId, int number, Reader reader) {
    node.allowOnly(CLAIM_KEYS, "claim " + number);
    String id = node.get("name", "claim").map(n -> identifier(n, "name")).orElse(fileId + "-claim-" + number);
    String label = "claim " + id;
    try {
      Text statement = node.get("statement", label).map(n -> Texts.read(n, "statement")).orElse(Text.NONE);
      YamlNode relationNode = node.require("relation", label);
      String relation = relationNode.scalar("relation");
      if (!Claim.RELATIONS.contains(relation) && !Claim.SHAPES.contains(relation)) {
        throw new InputError(relationNode.source(), "unknown relation '" + relation + "' (known: "
            + String.join(", ", Claim.RELATIONS) + ", " + String.join(", ", Claim.SHAPES) + ")");
      }
      boolean shape = Claim.SHAPES.contains(relation);
      Optional<YamlNode> assume = node.get("assume", label);
      IExpr assumed = assume.isPresent() ? reader.read(assume.get().scalar("assume"), assume.get().textSource()) : null;
      Operand left = operand(node.require("left", label), reader);
      Operand right = shape ? null : operand(node.require("right", label), reader);
      // read after the sides: a family index the claim itself uses free (p(i) <= 1) has its range by now
      Domains domains = reader.domains;
      if (assumed != null) {
        try {
          domains = Assumptions.toDomains(assumed, domains);
        } catch (Assumptions.Unsupported e) {
          throw new InputError(assume.get().source(), e.getMessage());
        }
      }
      if (shape && node.get("right", label).isPresent()) {
        throw new InputError(node.keySource("right"), "a '" + relation + "' claim is about one expression: give left: and variables:");
      }
      List<String> variables = node.get("variables", label).map(n -> n.scalars("variables")).orElse(List.of());
      if (shape && variables.isEmpty()) {
        throw new InputError(relationNode.source(), "a '" + relation + "' claim needs variables: (in which it is " + relation + ")");
      }
      for (String v : variables) {
        if (!reader.domains().isDeclared(stepwise.expr.UserSymbols.named(v)) && !domains.isDeclared(stepwise.expr.UserSymbols.named(v))) {
          throw new InputError(node.keySource("variables"), "variable " + v + " is not declared");
        }
      }
      String by = node.get("by", label).map(n -> identifier(n, "by")).orElse(null);
      boolean expectFailure = node.get("expect", label).map(DerivationLoader::expectFails).orElse(false);
      Text correction = node.get("correction", label).map(n -> Texts.read(n, "correction")).orElse(Text.NONE);
      return new Claim(id, statement, left, relation, right, variables, domains, expectFailure, correction, by,
          node.source());
    } catch (InputError e) {
      throw e.inStep(label);
    }
  }

  private Operand operand(YamlNode node, Reader reader) {
    if (node.isScalar()) {
      String text = node.scalar("operand");
      return new Operand.Expression(reader.read(text, node.textSource()), text);
    }
    node.allowOnly(Set.of("result", "step"), "a claim side");
    String of = identifier(node.require("result", "a claim side"), "result");
    String step = node.get("step", "a claim side").map(n -> n.scalar("step")).orElse(null);
    return new Operand.ResultOf(of, step);
  }

  /** Parses expressions in the file's scope, with errors pointing into the file. */
  private final class Reader implements ExprReader {
    private final DerivationScope scope;
    private Domains domains = Domains.NONE;
    private final Map<String, SymbolDecl> symbols;
    private final Set<String> introducedFamilies = new java.util.HashSet<>();

    Reader(DerivationScope scope, Map<String, SymbolDecl> symbols) {
      this.scope = scope;
      this.symbols = symbols;
    }

    /** A family's index used outside a sum means any member: an integer within every range declaring it. */
    private void freeIndexDomains() {
      for (var free : scope.freeIndices().entrySet()) {
        if (domains.of(free.getKey()) instanceof stepwise.model.Domain.Real r && r.integer()) {
          continue; // already given
        }
        domains = domains.with(free.getKey(), new stepwise.model.Domain.Real(
            stepwise.model.Domain.Bound.NEG_INFINITY, stepwise.model.Domain.Bound.POS_INFINITY, true));
        for (IExpr[] range : free.getValue()) {
          try {
            domains = Assumptions.toDomains(org.matheclipse.core.expression.F.And(
                org.matheclipse.core.expression.F.LessEqual(range[0], free.getKey()),
                org.matheclipse.core.expression.F.LessEqual(free.getKey(), range[1])), domains);
          } catch (Assumptions.Unsupported e) {
            throw new ExprSyntaxError("the index " + free.getKey() + " is used outside a sum, but its range cannot be assumed: "
                + e.getMessage(), 0);
          }
        }
        // the range's bounds narrow the interval, which must stay one of integers
        if (domains.of(free.getKey()) instanceof stepwise.model.Domain.Real r && !r.integer()) {
          domains = domains.with(free.getKey(), new stepwise.model.Domain.Real(r.lower(), r.upper(), true));
        }
      }
    }

    @Override
    public IExpr read(String text, Source source) {
      try {
        scope.reset();
        IExpr expr = stepwise.latex.LatexInput.isLatexField(text) // $..$: LaTeX, see the README
            ? stepwise.latex.LatexInput.readField(text, scope,
                stepwise.latex.LatexVocabulary.of(symbols, catalogue).withFamilies(introducedFamilies))
            : ExprParser.parse(text, scope);
        scope.checkDeclared(expr);
        freeIndexDomains();
        return expr;
      } catch (ExprSyntaxError e) {
        throw new InputError(source.atColumnOffset(e.offset()), e.getMessage() + (e instanceof stepwise.latex.LatexSyntaxError
            ? "\n" + stepwise.latex.LatexSyntaxError.pointer(text, e.offset()) : " in: " + stepwise.expr.ExprSyntaxError.excerpt(text, e.offset())));
      }
    }

    /**
     * A goal: or rule: auto target. It may name per-sample copies y(k) of a declared variable y,
     * which only a step still to be found (average-over-samples) introduces: read them as the
     * copies that rule makes (the search must reach them, and the written file declares them
     * through that step).
     */
    IExpr readTarget(String text, Source source) {
      for (int tries = 0; ; tries++) {
        try {
          return read(text, source);
        } catch (InputError e) {
          java.util.regex.Matcher m = java.util.regex.Pattern
              .compile("^(\\w+) is declared as a variable, not a function or distribution").matcher(e.getMessage());
          SymbolDecl decl = m.find() ? symbols.get(m.group(1)) : null;
          if (decl == null || decl.domain() instanceof Domain.Family || tries > symbols.size()) {
            throw e;
          }
          scope.introduce(stepwise.expr.UserSymbols.familyNamed(m.group(1)));
        }
      }
    }

    @Override
    public IExpr read(String text, Source source, Map<String, ISymbol> locals) {
      scope.locals(locals);
      try {
        return read(text, source);
      } finally {
        scope.locals(Map.of());
      }
    }

    @Override
    public Domains domains() {
      return domains;
    }

    @Override
    public void introduce(ISymbol symbol, Domain domain) {
      if (domain instanceof Domain.Family) {
        introducedFamilies.add(symbol.getSymbolName());
      }
      scope.introduce(symbol);
      domains = domains.with(symbol, domain);
    }
  }
}
