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
    return new Material(pages, claims, report.passes());
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
          List.of(), "", "", d.problem());
    }
    String startName = derivation.start().name();
    String startLatex = latex.print(d.rewritten().start());
    boolean startIsItsName = startLatex.equals(startName); // KL(P, Q) named D_{KL}(P \| Q)
    Material.Line start = new Material.Line(startName == null || startIsItsName ? "" : startName,
        startName == null || startIsItsName ? "" : "=", startLatex, derivation.start().note(), 0);
    List<Material.Line> lines = new ArrayList<>();
    List<Material.StepPage> steps = new ArrayList<>();
    String chainLhs = startIsItsName ? startLatex : start.lhs();
    Relation chainRelation = Relation.EQUAL;
    String currentName = startName;
    for (int i = 0; i < d.rewritten().steps().size(); i++) {
      RewrittenStep step = d.rewritten().steps().get(i);
      StepVerdict v = d.verdicts().get(i);
      Text description = catalogue.rule(step.spec().rule()).map(r -> r.description()).orElse(Text.NONE);
      String name = step.spec().name();
      String formula;
      String resultLatex = "";
      String relationLatex = "";
      if (step.applied()) {
        Relation relation = step.rewrite().relation();
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
              steps.add(stepPage(step, v, description, relationLatex, formula, resultLatex, names));
              currentName = name;
              continue;
            }
          }
          if (chainLhs.isEmpty()) {
            // a new quantity with no name: an arrow, never "=" (the result does not equal the previous line)
            relationLatex = "\\xrightarrow{\\text{" + step.spec().rule() + "}}";
            lines.add(new Material.Line("", relationLatex, resultLatex, description, step.spec().number()));
            formula = relationLatex + " " + resultLatex;
          } else {
            lines.add(new Material.Line(chainLhs, "=", resultLatex, description, step.spec().number()));
            formula = chainLhs + " = " + resultLatex;
          }
        } else {
          relationLatex = relationLatex(relation, names);
          try {
            chainRelation = Relation.compose(chainRelation, relation);
          } catch (Relation.IncompatibleRelations e) {
            chainRelation = relation;
          }
          lines.add(new Material.Line("", relationLatex, shown, description, step.spec().number()));
          formula = chainLhs.isEmpty() ? relationLatex + " " + resultLatex
              : chainLhs + " " + relationLatex(chainRelation, names) + " " + resultLatex;
        }
        if (name != null) {
          currentName = name;
        }
      } else {
        formula = step.spec().expect() == null ? "" : latex.print(step.spec().expect());
      }
      steps.add(stepPage(step, v, description, relationLatex, formula, resultLatex, names));
    }
    String relationText = d.rewritten().relation() != null ? prose(d.rewritten().relation())
        + (d.rewritten().given().isEmpty() ? "" : ", given " + String.join(", ", d.rewritten().given()))
        : "the relations do not compose: " + d.problem();
    String relationLatex = d.rewritten().relation() != null ? relationLatex(d.rewritten().relation(), names) : "";
    return new Material.Page(derivation.id(), derivation.title(), derivation.summary(), derivation.file().toString(),
        verdict(d.status(), d.passes()), derivation.expectFailure(), derivation.correction(), symbols, start, lines, steps,
        relationLatex, relationText, d.problem());
  }

  /** The start-to-end relation in words for readers (no Symja syntax). */
  static String prose(Relation relation) {
    if (relation instanceof Relation.Monotone m) {
      return "the end is a strictly " + (m.increasing() ? "increasing" : "decreasing") + " function of the start"
          + (m.over().isEmpty() ? "" : " (for fixed values of everything but " + String.join(", ", new TreeSet<>(m.over())) + ")")
          + (m.increasing() ? ": both have the same maximizers and minimizers"
              : ": maximizing the start is minimizing the end");
    }
    if (relation instanceof Relation.UpToConstant u) {
      return "the end equals the start up to a term that does not depend on " + String.join(", ", new TreeSet<>(u.over()))
          + ": both have the same optimizers in it";
    }
    if (relation instanceof Relation.Order o) {
      return switch (o.op()) {
        case EQ -> "the end equals the start";
        case LE -> "the start is at most the end";
        case GE -> "the start is at least the end";
        case LT -> "the start is less than the end";
        case GT -> "the start is greater than the end";
      };
    }
    if (relation instanceof Relation.Equivalent) {
      return "the end holds exactly when the start holds";
    }
    if (relation instanceof Relation.Mean m) {
      return "the end is the average of the start over " + m.count() + " samples";
    }
    if (relation instanceof Relation.Derived d) {
      return "the end is the " + d.how() + " of the start";
    }
    return relation.describe();
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
    return "=";
  }

  /** The relation of a step to the previous line, in words. */
  static Text relationWords(RewrittenStep step) {
    if (!step.applied()) {
      return Text.NONE;
    }
    Relation r = step.rewrite().relation();
    String given = step.rewrite().given().isEmpty() ? "" : " given " + String.join(", ", step.rewrite().given());
    String givenZh = step.rewrite().given().isEmpty() ? "" : "（代入 " + String.join("，", step.rewrite().given()) + "）";
    if (r instanceof Relation.Monotone m) {
      return new Text("a strictly " + (m.increasing() ? "increasing" : "decreasing") + " function of the previous line: "
          + (m.increasing() ? "both have the same maximizers" : "maximizing the previous line is minimizing this one"),
          "上一行的严格" + (m.increasing() ? "递增" : "递减") + "函数：" + (m.increasing() ? "二者的最大值点相同" : "最大化上一行等价于最小化这一行"));
    }
    if (r instanceof Relation.Derived d) {
      return new Text("the " + d.how() + " of the previous line (a new quantity, not equal to it)",
          "上一行的导数（一个新的量，与上一行不相等）");
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
      String formula, String resultLatex, LatexNames names) {
    List<Material.Spot> spots = new ArrayList<>();
    for (SpotCheck s : v.spots()) {
      Map<String, String> point = new LinkedHashMap<>();
      s.point().forEach((k, value) -> point.put(names.nameLatex(k), value));
      spots.add(new Material.Spot(point, s.left(), s.right(), String.format("%.1e", s.difference())));
    }
    String counterexample = v.findings().stream().filter(f -> f.counterexample() != null).findFirst()
        .map(f -> describe(f.counterexample(), names)).orElse(null);
    boolean derived = step.applied() && step.rewrite().relation() instanceof Relation.Derived;
    Text left = derived ? new Text("the derivative of the previous line", "上一行的导数") : new Text("previous line", "上一行");
    Text right = new Text("this line", "这一行");
    return new Material.StepPage(step.spec().number(), step.spec().rule(), description, step.spec().note(), relationLatex,
        relationWords(step), formula, resultLatex, step.spec().name(), verdict(v.status(), v.status().holds()), v.summary(),
        v.samples(), v.maxError(), v.expect().words(), spots, left, right, counterexample,
        step.applied() ? null : step.failure());
  }

  static String describe(Counterexample c, LatexNames names) {
    StringBuilder out = new StringBuilder();
    c.point().forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(Unicode.of(names.nameLatex(k)))
        .append(" = ").append(v));
    if (!c.values().isEmpty()) {
      out.append(": ").append(String.join(", ", c.values()));
    }
    return out.toString();
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
    String counterexample = c.finding().counterexample() == null ? null : describe(c.finding().counterexample(), names);
    String reason = c.finding().status().holds() ? c.finding().method() : c.finding().reason();
    return new Material.ClaimPage(c.claim().id(), c.claim().statement(), file,
        c.left() == null ? "" : latex.print(c.left()), relation, c.claim().isShape() ? String.join(", ",
            c.claim().variables().stream().map(names::nameLatex).toList()) : c.right() == null ? "" : latex.print(c.right()),
        source(c.claim().left()), source(c.claim().right()), verdict(c.finding().status(), c.passes()),
        c.claim().expectFailure(), c.claim().correction(), reason, counterexample);
  }

  private static String source(stepwise.model.Operand o) {
    return o instanceof stepwise.model.Operand.ResultOf r ? r.derivation() + (r.label() == null ? "" : "#" + r.label()) : "";
  }
}
