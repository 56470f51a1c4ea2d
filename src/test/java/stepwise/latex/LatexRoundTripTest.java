package stepwise.latex;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IPatternObject;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.Fixtures;
import stepwise.expr.Builtins;
import stepwise.expr.ExprPrinter;
import stepwise.expr.Scope;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Domain;
import stepwise.model.Domains;
import stepwise.model.Claim;
import stepwise.model.Derivation;
import stepwise.model.Operand;
import stepwise.model.SymbolDecl;
import stepwise.model.Text;
import stepwise.pipeline.Equivalence;
import stepwise.pipeline.Inputs;
import stepwise.pipeline.Pipeline;
import stepwise.rewrite.Rewriter;
import stepwise.rewrite.Rewritten;
import stepwise.render.Latex;
import stepwise.render.LatexNames;
import stepwise.rewrite.RewrittenStep;
import stepwise.rules.Catalogue;
import stepwise.rules.Definition;
import stepwise.rules.PatternRule;
import stepwise.rules.Rule;
import stepwise.verify.Finding;
import stepwise.verify.Settings;

/**
 * Printing and reading agree: every formula Stepwise prints (each line of each derivation in
 * derivations/, each claim side, each rule and definition of the catalogue), read back from its own
 * LaTeX, is the same tree or is proved equal to the original by the check equiv uses.
 */
class LatexRoundTripTest {
  private static final Catalogue CATALOGUE = Fixtures.catalogue();
  private static final Equivalence EQUIVALENCE = new Equivalence(CATALOGUE, stepwise.Fixtures.SETTINGS);

  @Test
  void everyDerivationLineReadsBackAsItself() {
    Pipeline pipeline = new Pipeline(CATALOGUE, stepwise.Fixtures.SETTINGS);
    List<Derivation> derivations = pipeline.load(Inputs.files(List.of(Path.of("derivations"))));
    Map<String, Rewritten> done = new HashMap<>();
    List<String> failures = new ArrayList<>();
    int lines = 0;
    for (Derivation d : derivations) { // in dependency order: a continued derivation comes first
      LatexVocabulary declared = LatexVocabulary.of(d.symbols(), CATALOGUE);
      if (d.hasSteps()) {
        IExpr start = d.start().continues() == null ? d.start().expr() : done.get(d.start().continues()).end();
        Rewritten rewritten = new Rewriter().run(d, start); // rewriting only: the verdicts are not at stake here
        done.put(d.id(), rewritten);
        Domains domains = rewritten.domains();
        LatexNames names = LatexNames.of(d.symbols(), CATALOGUE, domains);
        Set<String> families = new LinkedHashSet<>();
        domains.declared().forEach((sym, dom) -> {
          if (dom instanceof Domain.Family) {
            families.add(sym.getSymbolName());
          }
        });
        LatexVocabulary vocabulary = declared.withFamilies(families);
        List<IExpr> shown = new ArrayList<>(List.of(rewritten.start()));
        for (RewrittenStep s : rewritten.steps()) {
          if (s.applied()) {
            shown.add(s.after());
          }
        }
        for (IExpr e : shown) {
          for (boolean ln : new boolean[] {false, true}) {
            lines++;
            check(d.id(), e, new Latex(names, ln).print(e), vocabulary, domains, failures);
          }
        }
      }
      for (Claim c : d.claims()) {
        for (Operand side : new Operand[] {c.left(), c.right()}) {
          IExpr e = side instanceof Operand.Expression x ? x.expr()
              : side instanceof Operand.ResultOf r && done.containsKey(r.derivation())
                  ? (r.label() == null ? done.get(r.derivation()).end() : done.get(r.derivation()).resultOf(r.label())) : null;
          if (e != null) {
            lines++;
            check(c.id(), e, new Latex(LatexNames.of(d.symbols(), CATALOGUE, c.domains()), false).print(e), declared,
                c.domains(), failures);
          }
        }
      }
    }
    assertTrue(lines >= 150, "expected the derivations' lines, got " + lines);
    assertTrue(failures.isEmpty(), failures.size() + " of " + lines + " lines do not read back:\n"
        + String.join("\n", failures));
  }

  @Test
  void everyRuleAndDefinitionOfTheCatalogueReadsBackAsItself() {
    List<String> failures = new ArrayList<>();
    int formulas = 0;
    for (Rule rule : CATALOGUE.rules()) {
      if (rule instanceof PatternRule p) {
        for (IExpr side : new IExpr[] {p.lhs(), p.rhs()}) {
          IExpr e = Trees.tidy(withoutPatterns(side));
          if (Trees.contains(e, x -> x.equals(org.matheclipse.core.expression.S.Derivative))) {
            continue; // a calculus rule's f'(u): catalogue-page notation only, which derivations cannot write
          }
          formulas++;
          check(rule.name(), e, Latex.plain(e), declaredFrom(e), Domains.NONE, failures);
        }
      }
    }
    for (Definition def : CATALOGUE.definitions()) {
      IExpr e = Trees.tidy(def.body());
      formulas++;
      check(def.name(), e, Latex.plain(e), declaredFrom(e), Domains.NONE, failures);
    }
    assertTrue(formulas >= 40, "expected the catalogue's rules, got " + formulas);
    assertTrue(failures.isEmpty(), failures.size() + " of " + formulas + " formulas do not read back:\n"
        + String.join("\n", failures));
  }

  /** Reads printed LaTeX back; a different tree must be proved (or confirmed) equal to the original. */
  static void check(String where, IExpr original, String latex, LatexVocabulary vocabulary, Domains domains,
      List<String> failures) {
    IExpr read;
    try {
      read = LatexReader.read(latex, new TreeScope(original), vocabulary);
    } catch (RuntimeException e) {
      failures.add(where + ": " + latex + "  -> " + e.getMessage());
      return;
    }
    if (read.equals(original)) {
      return;
    }
    Finding f = EQUIVALENCE.check(new Equivalence.Question(read, original, domains));
    if (!f.status().holds()) {
      failures.add(where + ": " + latex + "  read as " + ExprPrinter.print(read) + ", not "
          + ExprPrinter.print(original) + " (" + f.status() + ": " + f.reason() + ")");
    }
  }

  /** A rule's own declarations: the names it calls are functions, the other names symbols. */
  static LatexVocabulary declaredFrom(IExpr e) {
    Map<String, SymbolDecl> declared = new LinkedHashMap<>();
    Trees.contains(e, x -> {
      if (x instanceof IAST ast && ast.head() instanceof ISymbol s && UserSymbols.isUser(s)) {
        declared.put(s.getSymbolName(), new SymbolDecl(s, null, null, Text.NONE, null));
      }
      return false;
    });
    Trees.walk(e, (path, x) -> {
      if (x instanceof ISymbol s && UserSymbols.isUser(s)) {
        declared.putIfAbsent(s.getSymbolName(), new SymbolDecl(s, Domain.COMPLEX, null, Text.NONE, null));
      }
    });
    return LatexVocabulary.of(declared, CATALOGUE);
  }

  /** A rule's pattern variables a_, n_Integer become the plain symbols a, n. */
  private static IExpr withoutPatterns(IExpr e) {
    if (e instanceof IPatternObject p) {
      return UserSymbols.named(p.getSymbol().getSymbolName());
    }
    if (!(e instanceof IAST ast)) {
      return e;
    }
    var rebuilt = F.ast(withoutPatterns(ast.head()), ast.argSize());
    for (IExpr arg : Trees.args(ast)) {
      rebuilt.append(withoutPatterns(arg));
    }
    return rebuilt;
  }

  /**
   * The names of the original tree, as the derivation's scope would resolve them (a per-sample
   * family y(k) has its own head symbol, distinct from the variable y).
   */
  static final class TreeScope implements Scope {
    private final Map<String, IExpr> leaves = new HashMap<>();
    private final Map<String, IExpr> heads = new HashMap<>();

    TreeScope(IExpr tree) {
      Trees.contains(tree, x -> {
        if (x instanceof IAST ast && ast.head() instanceof ISymbol s && UserSymbols.isUser(s)) {
          heads.putIfAbsent(s.getSymbolName(), s);
        }
        return false;
      });
      Trees.walk(tree, (path, x) -> {
        if (x instanceof ISymbol s && UserSymbols.isUser(s)) {
          leaves.putIfAbsent(s.getSymbolName(), s);
        }
      });
    }

    @Override
    public IExpr symbol(String name, int offset) {
      IExpr known = leaves.get(name);
      return known != null ? known : Builtins.constant(name).orElseGet(() -> UserSymbols.named(name));
    }

    @Override
    public IExpr head(String name, int arity, int offset) {
      IExpr known = heads.get(name);
      return known != null ? known : UserSymbols.named(name);
    }
  }
}
