package stepwise.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Trees;
import stepwise.model.Derivation;
import stepwise.model.Relation;
import stepwise.model.SymbolDecl;
import stepwise.model.Text;
import stepwise.pipeline.ClaimResult;
import stepwise.pipeline.DerivationResult;
import stepwise.pipeline.Report;
import stepwise.rewrite.RewrittenStep;
import stepwise.rules.Catalogue;
import stepwise.verify.Counterexample;
import stepwise.verify.SpotCheck;
import stepwise.verify.Status;
import stepwise.verify.StepVerdict;

/**
 * Turns a checked Report into teaching material: each derivation as an aligned chain in the
 * article's style (J = -\log P(y \mid x) = ...), a transform or an average starting a new
 * chain with the quantity it defines, a named result marked with an underbrace, and every step
 * with its rule, note, verdict and spot checks.
 */
public final class MaterialBuilder {
  private final Catalogue catalogue;
  private final boolean ln;

  public MaterialBuilder(Catalogue catalogue, boolean ln) {
    this.catalogue = catalogue;
    this.ln = ln;
  }

  public Material build(Report report) {
    List<Material.Page> pages = new ArrayList<>();
    Map<String, LatexNames> namesById = new LinkedHashMap<>();
    for (DerivationResult d : report.derivations()) {
      LatexNames names = LatexNames.of(d.derivation().symbols(), catalogue,
          d.rewritten() == null ? d.derivation().domains() : d.rewritten().domains());
      namesById.put(d.derivation().id(), names);
      if (d.derivation().hasSteps()) {
        pages.add(page(d, names));
      }
    }
    List<Material.ClaimPage> claims = new ArrayList<>();
    for (ClaimResult c : report.claims()) {
      claims.add(claim(c, report, namesById));
    }
    return new Material(pages, claims, report.passes(), rules());
  }

  /** A rule's pattern with its pattern variables (b_) written as plain symbols (b). */
  private static IExpr unpattern(IExpr e) {
    if (e instanceof org.matheclipse.core.interfaces.IPatternObject p && p.getSymbol() != null) {
      return p.getSymbol();
    }
    if (e instanceof org.matheclipse.core.interfaces.IAST ast) {
      org.matheclipse.core.interfaces.IASTAppendable copy =
          org.matheclipse.core.expression.F.ast(unpattern(ast.head()), ast.argSize());
      for (int i = 1; i <= ast.argSize(); i++) {
        copy.append(unpattern(ast.get(i)));
      }
      return copy;
    }
    return e;
  }

  /** Every rule of the catalogue, for the site's catalogue page: patterns and conditions typeset. */
  private List<Material.RuleEntry> rules() {
    List<Material.RuleEntry> out = new ArrayList<>();
    for (stepwise.rules.Rule r : catalogue.rules()) {
      String pattern = "";
      List<String> conditions = new ArrayList<>();
      if (r instanceof stepwise.rules.PatternRule p) {
        String relation = switch (p.relation().symbol()) {
          case "=", "==" -> "=";
          case "<=" -> "\\leq";
          case ">=" -> "\\geq";
          default -> "\\longrightarrow";
        };
        pattern = Latex.plain(unpattern(p.lhs())) + " " + relation + " " + Latex.plain(unpattern(p.rhs()));
        p.where().forEach(c -> conditions.add(Latex.plain(unpattern(c))));
        p.when().forEach(c -> conditions.add(Latex.plain(unpattern(c))));
      }
      out.add(new Material.RuleEntry(r.name(), r.family(), r.kind(), r.description(), pattern, conditions, r.summary()));
    }
    return out;
  }

  static Material.Verdict verdict(Status status, boolean passes) {
    String key = switch (status) {
      case PROVED -> "proved";
      case CONFIRMED -> "confirmed";
      case REFUTED -> "refuted";
      case UNKNOWN -> "unknown";
    };
    return new Material.Verdict(key, status.words(), passes);
  }

  private Material.Page page(DerivationResult d, LatexNames names) {
    Derivation derivation = d.derivation();
    Latex latex = new Latex(names, ln);
    List<Material.SymbolRow> symbols = new ArrayList<>();
    for (SymbolDecl s : derivation.symbols().values()) {
      String given = s.latex() == null ? LatexNames.defaultName(s.name()) : s.latex();
      String symbolLatex = given.contains("#") ? given.replace("#1", "i") : given;
      symbols.add(new Material.SymbolRow(s.name(), symbolLatex, Unicode.of(symbolLatex),
          s.domain() == null ? "function" : s.domain().describe(), s.meaning()));
    }
    if (d.rewritten() == null) {
      return new Material.Page(derivation.id(), derivation.title(), derivation.summary(), derivation.file().toString(),
          verdict(d.status(), d.passes()), derivation.expectFailure(), derivation.correction(), symbols, null, List.of(),
          List.of(), "", Text.NONE, d.problem(), "");
    }
    List<RewrittenStep> rewritten = d.rewritten().steps();
    String startName = derivation.start().name();
    String startLatex = latex.print(d.rewritten().start());
    String endLatex = rewritten.isEmpty() ? startLatex : latex.print(rewritten.get(rewritten.size() - 1).after());
    // KL(P, Q) named D_{KL}(P \| Q); and a chain that ends by folding into the start's own name
    // (H(P) = E[I] = ... = H(P)) reads as the identity it proves only without the name in front
    boolean startIsItsName = startLatex.equals(startName) || startName != null && startName.equals(endLatex);
    Material.Line start = new Material.Line(startName == null || startIsItsName ? "" : startName,
        startName == null || startIsItsName ? "" : "=", startLatex, derivation.start().note(), 0);
    List<Material.Line> lines = new ArrayList<>();
    List<Material.StepPage> steps = new ArrayList<>();
    String chainLhs = startName == null || startIsItsName ? startLatex : start.lhs();
    Relation chainRelation = Relation.EQUAL;
    String currentName = startName;
    SpotTables tables = null;
    for (int i = 0; i < rewritten.size(); i++) {
      RewrittenStep step = rewritten.get(i);
      StepVerdict v = d.verdicts().get(i);
      tables = new SpotTables(new SpotValues(catalogue, step.domains()), names, latex);
      Text description = catalogue.rule(step.spec().rule()).map(r -> r.description()).orElse(Text.NONE);
      String name = step.spec().name();
      String formula;
      String resultLatex = "";
      String relationLatex = "";
      String wrongLatex = null;
      String correctLatex = null;
      if (step.applied()) {
        Relation relation = step.rewrite().relation();
        boolean statements = SpotValues.isStatement(step.before());
        resultLatex = latex.print(step.after());
        String shown = name == null || startsChain(relation) ? resultLatex : "\\underbrace{" + resultLatex + "}_{" + name + "}";
        if (startsChain(relation)) {
          chainLhs = name == null ? "" : name;
          chainRelation = Relation.EQUAL;
          relationLatex = "=";
          if (currentName != null && name != null && relation instanceof Relation.Monotone) {
            IExpr named = Trees.substitute(step.after(), Map.of(step.before(), placeholder(currentName)));
            if (!named.equals(step.after())) {
              String compact = new Latex(names.with(currentName), ln).print(named);
              lines.add(new Material.Line(chainLhs, "=", compact, description, step.spec().number()));
              lines.add(new Material.Line("", "=", resultLatex, Text.NONE, step.spec().number()));
              chainLhs = chainLhs.isEmpty() ? compact : chainLhs;
              formula = (name == null ? "" : name + " = ") + compact + " = " + resultLatex;
              steps.add(stepPage(step, v, description, relationLatex, formula, resultLatex, names, tables, null, null));
              currentName = name;
              continue;
            }
          }
          if (chainLhs.isEmpty()) {
            // a new quantity with no name: an arrow, never "=" (the result does not equal the previous line)
            relationLatex = "\\xrightarrow{\\text{" + Aligned.escapeText(step.spec().rule()) + "}}";
            lines.add(new Material.Line("", relationLatex, resultLatex, description, step.spec().number()));
            formula = latex.print(step.before()) + " " + relationLatex + " " + resultLatex;
            chainLhs = "";
          } else {
            lines.add(new Material.Line(chainLhs, "=", resultLatex, description, step.spec().number()));
            formula = chainLhs + " = " + resultLatex;
          }
        } else {
          relationLatex = stepRelationLatex(relation, statements, step.rewrite().given(), names, latex);
          try {
            chainRelation = Relation.compose(chainRelation, relation);
          } catch (Relation.IncompatibleRelations e) {
            chainRelation = relation;
          }
          String chainSymbol = statements && isEqual(chainRelation) ? "\\iff" : relationLatex(chainRelation, names);
          if (v.status() == Status.REFUTED && v.expect() == StepVerdict.ExpectMatch.DIFFERS && step.spec().expect() != null) {
            // a recorded slip: the author's line is the one refuted; the computed line is its correction
            String authorLatex = latex.print(step.spec().expect());
            lines.add(new Material.Line("", "\\neq", authorLatex, description, step.spec().number()));
            String previous = latex.print(step.before());
            wrongLatex = previous + " " + relationLatex + " " + authorLatex;
            correctLatex = previous + " " + relationLatex + " " + resultLatex;
          } else {
            lines.add(new Material.Line("", relationLatex, shown, description, step.spec().number()));
          }
          formula = chainLhs + " " + chainSymbol + " " + resultLatex;
        }
        if (name != null) {
          currentName = name;
        }
      } else {
        formula = step.spec().expect() == null ? "" : latex.print(step.spec().expect());
      }
      steps.add(stepPage(step, v, description, relationLatex, formula, resultLatex, names, tables, wrongLatex,
          correctLatex));
    }
    Relation total = d.rewritten().relation();
    Text relationText = total != null ? prose(total, d.rewritten().given(), latex)
        : new Text("the relations do not compose: " + d.problem(), "各步的关系无法合成：" + d.problem());
    String relationLatex = total != null ? relationLatex(total, names) : "";
    boolean statements = SpotValues.isStatement(d.rewritten().start());
    if (statements && total != null && (isEqual(total) || total instanceof Relation.Equivalent)) {
      relationLatex = "\\iff";
    }
    Material.StepPage broken = steps.stream().filter(st -> st.wrongLatex() != null).findFirst().orElse(null);
    if (broken != null) {
      // the relation of the corrected chain would say nothing true about the author's
      relationText = new Text("the author's chain breaks at step " + broken.number() + ": that line is refuted (below)",
          "作者的推导在第 " + broken.number() + " 步断开：这一行被推翻（见下文）");
      relationLatex = "";
    }
    String composed = "";
    if (total != null && !derivation.expectFailure() && !rewritten.isEmpty() && (total instanceof Relation.Order
        || total instanceof Relation.UpToConstant || total instanceof Relation.Equivalent)) {
      composed = startLatex + " " + relationLatex + " " + endLatex;
    }
    return new Material.Page(derivation.id(), derivation.title(), derivation.summary(), derivation.file().toString(),
        verdict(d.status(), d.passes()), derivation.expectFailure(), derivation.correction(), symbols, start, lines, steps,
        relationLatex, relationText, d.problem(), composed);
  }

  private static boolean isEqual(Relation r) {
    return r instanceof Relation.Order o && o.op() == Relation.Op.EQ;
  }

  /**
   * A step's own relation sign: = (over what it substitutes, if anything), \\iff between
   * statements, \\leq, \\geq, \\simeq_{V}.
   */
  static String stepRelationLatex(Relation relation, boolean statements, List<String> given, LatexNames names,
      Latex latex) {
    if (statements && (isEqual(relation) || relation instanceof Relation.Equivalent)) {
      return "\\iff";
    }
    if (isEqual(relation) && !given.isEmpty()) {
      String over = Substitution.latex(Substitution.read(given), latex);
      if (!over.isEmpty()) {
        return "\\overset{" + over + "}{=}";
      }
    }
    return relationLatex(relation, names);
  }

  /** The start-to-end relation in words for readers, in both languages (no Symja syntax). */
  static Text prose(Relation relation, List<String> givenList, Latex latex) {
    String math = givenMath(givenList, latex);
    String given = givenList.isEmpty() ? "" : ", given " + math;
    String givenZh = givenList.isEmpty() ? "" : "（代入 " + math + "）";
    Text t = prose(relation, latex);
    return new Text(t.en() + given, t.zh() + givenZh);
  }

  /** What a substitution put in, as inline math ($n = 2,\\ P(x_1) = 1 - y$), or the verifier's words as code. */
  static String givenMath(List<String> given, Latex latex) {
    String math = Substitution.latex(Substitution.read(given), latex);
    return math.isEmpty() ? "`" + String.join(", ", given) + "`" : "$" + math + "$";
  }

  /**
   * A derived quantity in words: "second derivative in yhat" -> the second derivative in $\\hat{y}$;
   * also "derivative in z(k)", "stationary point in p (a maximum)" and either followed by
   * "of a strictly decreasing function" (a composed chain).
   */
  static Text derivedWords(String how, Latex latex) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "(second derivative|derivative|stationary point) in (\\w+(?:\\(\\w+\\))?)( \\(a (minimum|maximum)\\))?"
            + "( of a strictly (increasing|decreasing) function)?").matcher(how);
    if (!m.matches()) {
      return new Text(how, "导数（" + how + "）");
    }
    String variable = "$" + latex.print(stepwise.expr.ExprParser.parse(m.group(2), new stepwise.expr.OpenScope())) + "$";
    String kind = m.group(1);
    String en = kind + " in " + variable + (m.group(4) == null ? "" : " (a " + m.group(4) + ")");
    String zh = switch (kind) {
      case "second derivative" -> "对 " + variable + " 的二阶导数";
      case "derivative" -> "对 " + variable + " 的导数";
      default -> "关于 " + variable + " 的驻点" + (m.group(4) == null ? "" : m.group(4).equals("minimum") ? "（极小值点）" : "（极大值点）");
    };
    if (m.group(6) != null) {
      boolean increasing = m.group(6).equals("increasing");
      en += " of a strictly " + m.group(6) + " function";
      zh = "严格" + (increasing ? "递增" : "递减") + "函数的" + zh;
    }
    return new Text(en, zh);
  }

  static Text prose(Relation relation, Latex latex) {
    if (relation instanceof Relation.Monotone m) {
      String over = String.join(", ", new TreeSet<>(m.over()));
      return new Text("the end is a strictly " + (m.increasing() ? "increasing" : "decreasing") + " function of the start"
          + (m.over().isEmpty() ? "" : " (for fixed values of everything but " + over + ")")
          + (m.increasing() ? ": both have the same maximizers and minimizers"
              : ": maximizing the start is minimizing the end"),
          "终点是起点的严格" + (m.increasing() ? "递增" : "递减") + "函数"
          + (m.over().isEmpty() ? "" : "（除 " + over + " 外其余量固定）")
          + (m.increasing() ? "：二者的最大值点和最小值点相同" : "：最大化起点就是最小化终点"));
    }
    if (relation instanceof Relation.UpToConstant u) {
      String over = String.join(", ", new TreeSet<>(u.over()));
      return new Text("the end equals the start up to a term that does not depend on " + over
          + ": both have the same optimizers in it", "终点与起点只差一个与 " + over + " 无关的项：关于 " + over + " 的最优解相同");
    }
    if (relation instanceof Relation.Order o) {
      return switch (o.op()) {
        case EQ -> new Text("the end equals the start", "终点等于起点");
        case LE -> new Text("the start is at most the end", "起点小于或等于终点");
        case GE -> new Text("the start is at least the end", "起点大于或等于终点");
        case LT -> new Text("the start is less than the end", "起点小于终点");
        case GT -> new Text("the start is greater than the end", "起点大于终点");
      };
    }
    if (relation instanceof Relation.Equivalent) {
      return new Text("the end holds exactly when the start holds", "终点成立当且仅当起点成立");
    }
    if (relation instanceof Relation.Mean m) {
      return new Text("the end is the average of the start over " + m.count() + " samples",
          "终点是起点在 " + m.count() + " 个样本上的平均");
    }
    if (relation instanceof Relation.Derived d) {
      Text how = derivedWords(d.how(), latex);
      return new Text("the end is the " + how.en() + " of the start", "终点是起点" + how.zh());
    }
    return Text.en(relation.describe());
  }

  private static boolean startsChain(Relation relation) {
    return relation instanceof Relation.Monotone || relation instanceof Relation.Mean || relation instanceof Relation.Derived;
  }

  /** A symbol standing for a named quantity (P(y \mid x)) inside a formula. */
  private static ISymbol placeholder(String latexName) {
    return new Symbol("\u0000" + latexName, Context.DUMMY);
  }

  static String relationLatex(Relation relation, LatexNames names) {
    if (relation instanceof Relation.Order o) {
      return switch (o.op()) {
        case EQ -> "=";
        case LE -> "\\leq";
        case GE -> "\\geq";
        case LT -> "<";
        case GT -> ">";
      };
    }
    if (relation instanceof Relation.UpToConstant u) {
      return "\\simeq_{" + String.join(",", new TreeSet<>(u.over()).stream().map(names::nameLatex).toList()) + "}";
    }
    if (relation instanceof Relation.Equivalent) {
      return "\\iff";
    }
    return "=";
  }

  /** The relation of a step to the previous line, in words. */
  static Text relationWords(RewrittenStep step, Latex latex) {
    if (!step.applied()) {
      return Text.NONE;
    }
    Relation r = step.rewrite().relation();
    if (SpotValues.isStatement(step.before()) && isEqual(r)) {
      return new Text("holds exactly when the previous line holds", "与上一行同时成立");
    }
    if (isEqual(r) && !step.rewrite().given().isEmpty()) {
      String what = givenMath(step.rewrite().given(), latex);
      return new Text("the previous line with " + what + " put in", "上一行代入 " + what + " 后的结果");
    }
    String given = step.rewrite().given().isEmpty() ? "" : " given " + String.join(", ", step.rewrite().given());
    String givenZh = step.rewrite().given().isEmpty() ? "" : "（代入 " + String.join("，", step.rewrite().given()) + "）";
    if (r instanceof Relation.Monotone m) {
      return new Text("a strictly " + (m.increasing() ? "increasing" : "decreasing") + " function of the previous line: "
          + (m.increasing() ? "both have the same maximizers" : "maximizing the previous line is minimizing this one"),
          "上一行的严格" + (m.increasing() ? "递增" : "递减") + "函数：" + (m.increasing() ? "二者的最大值点相同" : "最大化上一行等价于最小化这一行"));
    }
    if (r instanceof Relation.Derived d) {
      Text how = derivedWords(d.how(), latex);
      return new Text("the " + how.en() + " of the previous line (a new quantity, not equal to it)",
          "上一行" + how.zh() + "（一个新的量，与上一行不相等）");
    }
    if (r instanceof Relation.Mean m) {
      return new Text("the average of the previous line over " + m.count() + " samples", "上一行在 " + m.count() + " 个样本上的平均值");
    }
    if (r instanceof Relation.Equivalent) {
      return new Text("holds exactly when the previous line holds", "与上一行同时成立");
    }
    if (r instanceof Relation.UpToConstant u) {
      String over = String.join(", ", new TreeSet<>(u.over()));
      return new Text("equal to the previous line up to a term that does not depend on " + over,
          "与上一行只差一个与 " + over + " 无关的项");
    }
    if (r instanceof Relation.Order o) {
      return switch (o.op()) {
        case EQ -> new Text("equal to the previous line" + given, "与上一行相等" + givenZh);
        case LE -> new Text("the previous line is at most this one", "上一行小于或等于这一行");
        case GE -> new Text("the previous line is at least this one", "上一行大于或等于这一行");
        case LT -> new Text("the previous line is less than this one", "上一行小于这一行");
        case GT -> new Text("the previous line is greater than this one", "上一行大于这一行");
      };
    }
    return Text.en(r.describe());
  }

  private Material.StepPage stepPage(RewrittenStep step, StepVerdict v, Text description, String relationLatex,
      String formula, String resultLatex, LatexNames names, SpotTables tables, String wrongLatex, String correctLatex) {
    Counterexample counter = v.findings().stream().filter(f -> f.counterexample() != null).findFirst()
        .map(f -> f.counterexample()).orElse(null);
    Text counterexample = counter == null ? null : describe(counter, names);
    Material.SpotTable table = Material.SpotTable.NONE;
    if (step.applied() && tables != null) {
      boolean statements = SpotValues.isStatement(step.before());
      if (counter != null && wrongLatex != null) {
        table = tables.forRefuted(step.before(), step.spec().expect(), statements, counter.point(),
            new Text("the author's line", "作者写的这一行"));
      } else if (counter != null) {
        table = tables.forRefuted(step.before(), step.after(), statements, counter.point(), new Text("this line", "这一行"));
      } else {
        List<Map<String, String>> points = points(v, step);
        table = tables.forStep(step.before(), step.after(), step.rewrite().relation(), statements, points,
            Substitution.read(step.rewrite().given()));
      }
    }
    int line = step.spec().source() == null ? 0 : step.spec().source().line();
    return new Material.StepPage(step.spec().number(), step.spec().rule(), description, step.spec().note(), relationLatex,
        relationWords(step, latexFor(names)), formula, resultLatex, step.spec().name(), verdict(v.status(), v.status().holds()), words(latexFor(names)).translate(v.summary()),
        v.samples(), v.maxError(), v.expect().words(), table, counterexample,
        step.applied() ? null : step.failure(), wrongLatex, correctLatex, line);
  }

  /**
   * The sample points of the finding that covers the step's variables best: the verifier may
   * have sampled a side condition in fewer variables than the two lines use.
   */
  private static List<Map<String, String>> points(StepVerdict v, RewrittenStep step) {
    java.util.Set<String> wanted = new java.util.HashSet<>();
    for (IExpr e : List.of(step.before(), step.after())) {
      Trees.symbols(e).forEach(sym -> wanted.add(sym.getSymbolName()));
    }
    List<SpotCheck> best = v.spots();
    long bestCover = cover(best, wanted);
    for (stepwise.verify.Finding f : v.findings()) {
      long c = cover(f.spots(), wanted);
      if (c > bestCover) {
        best = f.spots();
        bestCover = c;
      }
    }
    return best.stream().map(SpotCheck::point).toList();
  }

  private static long cover(List<SpotCheck> spots, java.util.Set<String> wanted) {
    return spots.isEmpty() ? -1 : spots.get(0).point().keySet().stream().filter(wanted::contains).count();
  }

  /** A counterexample for readers: each name as inline math, the values, and both sides' values there. */
  static Text describe(Counterexample c, LatexNames names) {
    StringBuilder out = new StringBuilder();
    c.point().forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append("$").append(names.nameLatex(k))
        .append("$ = ").append(SpotTables.summarise(v)));
    String point = out.toString();
    if (c.values().isEmpty()) {
      return new Text(point, point);
    }
    String values = String.join(", ", c.values());
    return new Text(point + ": " + values, point + "：" + values.replace("left = ", "左边 = ").replace("right = ", "右边 = ")
        .replace(", ", "，"));
  }

  /** The verifier's sentences in both languages, expressions typeset with this derivation's names. */
  private final java.util.Map<Latex, VerifierWords> wordsByLatex = new java.util.IdentityHashMap<>();

  private final java.util.Map<LatexNames, Latex> latexByNames = new java.util.IdentityHashMap<>();

  private Latex latexFor(LatexNames names) {
    return latexByNames.computeIfAbsent(names, n -> new Latex(n, ln));
  }

  private VerifierWords words(Latex latex) {
    return wordsByLatex.computeIfAbsent(latex, l -> new VerifierWords(text -> {
      try {
        return l.print(stepwise.expr.ExprParser.parse(text, new stepwise.expr.OpenScope()));
      } catch (RuntimeException e) {
        return null;
      }
    }));
  }

  /** Verifier clauses that had no translation while building (empty when every sentence was known). */
  public List<String> untranslated() {
    List<String> out = new ArrayList<>();
    wordsByLatex.values().forEach(w -> out.addAll(w.untranslated()));
    return out;
  }

  private Material.ClaimPage claim(ClaimResult c, Report report, Map<String, LatexNames> namesById) {
    String file = c.claim().source() == null || c.claim().source().file() == null ? "" : c.claim().source().file().toString();
    LatexNames names = report.derivations().stream()
        .filter(d -> c.claim().source() != null && d.derivation().file().equals(c.claim().source().file()))
        .map(d -> namesById.get(d.derivation().id())).findFirst().orElse(LatexNames.PLAIN);
    Latex latex = new Latex(names, ln);
    String relation = switch (c.claim().relation()) {
      case "identical" -> "\\equiv";
      case "<=" -> "\\leq";
      case ">=" -> "\\geq";
      case "==" -> "=";
      case "convex", "concave", "increasing", "decreasing" -> "\\text{ is " + c.claim().relation() + " in }";
      default -> c.claim().relation();
    };
    Text counterexample = c.finding().counterexample() == null ? null : describe(c.finding().counterexample(), names);
    Text reason = words(latexFor(names)).translate(c.finding().status().holds() ? c.finding().method() : c.finding().reason());
    int line = c.claim().source() == null ? 0 : c.claim().source().line();
    return new Material.ClaimPage(c.claim().id(), c.claim().statement(), file,
        c.left() == null ? "" : latex.print(c.left()), relation, c.claim().isShape() ? String.join(", ",
            c.claim().variables().stream().map(names::nameLatex).toList()) : c.right() == null ? "" : latex.print(c.right()),
        source(c.claim().left()), source(c.claim().right()), verdict(c.finding().status(), c.passes()),
        c.claim().expectFailure(), c.claim().correction(), reason, counterexample, line);
  }

  private static String source(stepwise.model.Operand o) {
    return o instanceof stepwise.model.Operand.ResultOf r ? r.derivation() + (r.label() == null ? "" : "#" + r.label()) : "";
  }
}
