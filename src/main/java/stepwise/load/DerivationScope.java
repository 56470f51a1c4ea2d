package stepwise.load;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.expr.Builtins;
import stepwise.expr.ExprSyntaxError;
import stepwise.expr.Scope;
import stepwise.expr.Trees;
import stepwise.expr.UserSymbols;
import stepwise.model.Domain;
import stepwise.model.Obligation;
import stepwise.model.SymbolDecl;
import stepwise.rules.Catalogue;
import stepwise.rules.Definition;
import stepwise.rules.Places;

/**
 * What names mean inside one derivation file: its declared symbols, the symbols its steps
 * introduce, the catalogue's definitions (H(P), KL(P, Q), I(p)), and the allowed built-ins.
 * Any other name is an error, except a summation index inside the sum that binds it.
 */
final class DerivationScope implements Scope {
  private final Map<String, SymbolDecl> declared;
  private final Map<String, ISymbol> introduced = new LinkedHashMap<>();
  private final Catalogue catalogue;
  private final Map<String, Integer> undeclared = new LinkedHashMap<>();
  private Map<String, ISymbol> locals = Map.of();
  /** Declared family indices used outside any sum (q(i) > 0 for each i): the loader gives them their ranges. */
  private final Map<ISymbol, List<IExpr[]>> freeIndices = new LinkedHashMap<>();

  DerivationScope(Map<String, SymbolDecl> declared, Catalogue catalogue) {
    this.declared = declared;
    this.catalogue = catalogue;
  }

  /** Names local to one parse (a rule parameter's own variable), or none. */
  void locals(Map<String, ISymbol> names) {
    this.locals = names;
  }

  void introduce(ISymbol symbol) {
    introduced.put(symbol.getSymbolName(), symbol);
  }

  /** Call before each parse: forgets the undeclared names seen by the last one. */
  void reset() {
    undeclared.clear();
  }

  @Override
  public IExpr symbol(String name, int offset) {
    if (locals.containsKey(name)) {
      return locals.get(name);
    }
    SymbolDecl decl = declared.get(name);
    if (decl != null) {
      return decl.symbol();
    }
    Optional<IExpr> constant = Builtins.constant(name);
    if (constant.isPresent()) {
      return constant.get();
    }
    ISymbol introducedSymbol = introduced.get(name);
    if (introducedSymbol != null) {
      return introducedSymbol;
    }
    undeclared.putIfAbsent(name, offset);
    return UserSymbols.named(name);
  }

  @Override
  public IExpr head(String name, int arity, int offset) {
    SymbolDecl decl = declared.get(name);
    if (decl != null) {
      if (decl.domain() instanceof Domain.Family f && arity != f.arity()) {
        throw new ExprSyntaxError(f.arity() == 1 ? name + " is indexed by one index, as in " + name + "(i)"
            : name + " is indexed by two indices, as in " + name + "(" + f.index().getSymbolName() + ", "
                + f.second().index().getSymbolName() + ")", offset);
      }
      if (!(decl.domain() instanceof Domain.Family) && !isFunction(decl)) {
        if (introduced.containsKey(name) && arity == 1) {
          return introduced.get(name);
        }
        throw new ExprSyntaxError(name + " is declared as a variable, not a function or distribution", offset);
      }
      return decl.symbol();
    }
    if (introduced.containsKey(name)) {
      return introduced.get(name);
    }
    for (Definition d : catalogue.definitions()) {
      if (d.head().getSymbolName().equals(name) && d.arity() == arity) {
        return d.head();
      }
    }
    Optional<IExpr> builtIn = Builtins.call(name, arity, offset);
    if (builtIn.isPresent()) {
      return builtIn.get();
    }
    for (Definition d : catalogue.definitions()) {
      if (d.head().getSymbolName().equals(name)) {
        throw new ExprSyntaxError(name + " (" + d.name() + ") takes " + d.arity() + " argument"
            + (d.arity() == 1 ? "" : "s") + ", got " + arity, offset);
      }
    }
    throw new ExprSyntaxError("unknown function " + name + " (declare it under symbols: with domain: function)", offset);
  }

  static boolean isFunction(SymbolDecl decl) {
    return decl.domain() == null;
  }

  /** Refuses names that are neither declared nor a summation index inside its sum. */
  void checkDeclared(IExpr expr) {
    if (undeclared.isEmpty()) {
      return;
    }
    Map<String, Integer> unbound = new LinkedHashMap<>();
    findUnbound(expr, new ArrayDeque<>(), unbound);
    for (var name : List.copyOf(unbound.keySet())) {
      List<IExpr[]> ranges = familyRanges(name);
      if (!ranges.isEmpty()) {
        unbound.remove(name); // a family's declared index, free: "for each i in its range"
        freeIndices.putIfAbsent(UserSymbols.named(name), ranges);
      }
    }
    if (!unbound.isEmpty()) {
      var first = unbound.entrySet().iterator().next();
      TreeSet<String> indices = new TreeSet<>();
      for (SymbolDecl d : declared.values()) {
        if (d.domain() instanceof Domain.Family f) {
          indices.add(f.index().getSymbolName());
          if (f.second() != null) {
            indices.add(f.second().index().getSymbolName());
          }
        }
      }
      throw new ExprSyntaxError("unknown symbol " + first.getKey() + " (declared: "
          + String.join(", ", new TreeSet<>(declared.keySet()))
          + (indices.isEmpty() ? "" : "; family indices, usable outside a sum: " + String.join(", ", indices))
          + "; a summation index is known only inside its Sum)", first.getValue());
    }
  }

  /** The ranges (lo, hi) of the declared families whose index has this name. */
  private List<IExpr[]> familyRanges(String name) {
    List<IExpr[]> out = new java.util.ArrayList<>();
    for (SymbolDecl d : declared.values()) {
      if (d.domain() instanceof Domain.Family f && !declared.containsKey(name)) {
        if (f.index().getSymbolName().equals(name)) {
          out.add(new IExpr[] {f.lo(), f.hi()});
        } else if (f.second() != null && f.second().index().getSymbolName().equals(name)) {
          out.add(new IExpr[] {f.second().lo(), f.second().hi()});
        }
      }
    }
    return out;
  }

  /** The family indices used free so far, each with the ranges of the families that declare it. */
  Map<ISymbol, List<IExpr[]>> freeIndices() {
    return freeIndices;
  }

  private void findUnbound(IExpr expr, Deque<ISymbol> bound, Map<String, Integer> unbound) {
    if (expr instanceof ISymbol s) {
      Integer at = undeclared.get(s.getSymbolName());
      if (at != null && s.equals(UserSymbols.named(s.getSymbolName())) && !bound.contains(s)) {
        unbound.putIfAbsent(s.getSymbolName(), at);
      }
      return;
    }
    if (!(expr instanceof IAST ast)) {
      return;
    }
    Obligation.Iteration iteration = Places.iterationOf(expr);
    if (iteration != null) {
      bound.push(iteration.index());
      findUnbound(ast.arg1(), bound, unbound);
      bound.pop();
      IAST spec = (IAST) ast.arg2();
      findUnbound(spec.arg2(), bound, unbound);
      findUnbound(spec.arg3(), bound, unbound);
      return;
    }
    ISymbol implicit = implicitIndex(ast);
    if (implicit != null) {
      bound.push(implicit); // E(P, g(i)): the expectation sums over P's index i
    }
    findUnbound(ast.head(), bound, unbound);
    for (IExpr arg : Trees.args(ast)) {
      findUnbound(arg, bound, unbound);
    }
    if (implicit != null) {
      bound.pop();
    }
  }

  /** The index a call to a summing definition binds: that of its support's declared family. */
  private ISymbol implicitIndex(IAST call) {
    for (Definition d : catalogue.definitions()) {
      if (d.support() != null && d.head().equals(call.head()) && d.arity() == call.argSize()) {
        IExpr supportArg = call.get(d.params().indexOf(d.support()) + 1);
        if (supportArg instanceof ISymbol s && declared.get(s.getSymbolName()) != null
            && declared.get(s.getSymbolName()).domain() instanceof Domain.Family f) {
          return f.index();
        }
      }
    }
    return null;
  }

  List<String> declaredNames() {
    return List.copyOf(declared.keySet());
  }
}
