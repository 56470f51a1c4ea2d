package stepwise.render;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.interfaces.ISymbol;
import stepwise.model.SymbolDecl;
import stepwise.rules.Catalogue;
import stepwise.rules.Definition;

/**
 * How symbols and calls are written in LaTeX: a derivation's own names (yhat -> \hat{y}; a
 * family P with latex "P(x_{#1})" writes P(i) as P(x_i)), the catalogue's definitions
 * (KL(P, Q) -> D_{KL}(P \| Q)), Greek letters by name, and \mathrm for longer names.
 */
public final class LatexNames {
  private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
      "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
      "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega");
  public static final LatexNames PLAIN = new LatexNames(Map.of(), null, Set.of());

  private final Map<String, String> byName;
  private final Catalogue catalogue;
  private final Set<ISymbol> families;

  private LatexNames(Map<String, String> byName, Catalogue catalogue, Set<ISymbol> families) {
    this.byName = byName;
    this.catalogue = catalogue;
    this.families = families;
  }

  /** Names from a derivation's declarations; families without a template print as x_{i}. */
  public static LatexNames of(Map<String, SymbolDecl> symbols, Catalogue catalogue, stepwise.model.Domains domains) {
    Map<String, String> names = new HashMap<>();
    symbols.forEach((name, decl) -> names.put(name, decl.latex() == null ? defaultName(name) : decl.latex()));
    Set<ISymbol> families = new java.util.HashSet<>();
    domains.declared().forEach((s, d) -> {
      if (d instanceof stepwise.model.Domain.Family) {
        families.add(s);
      }
    });
    return new LatexNames(names, catalogue, families);
  }

  /** Whether head is an indexed family (written with a subscript unless it has a template). */
  boolean isFamily(ISymbol head) {
    return families.contains(head);
  }

  /** These names plus a placeholder standing for a named quantity (see MaterialBuilder). */
  LatexNames with(String latexName) {
    Map<String, String> more = new HashMap<>(byName);
    more.put("\u0000" + latexName, latexName);
    return new LatexNames(more, catalogue, families);
  }

  /** The LaTeX of a symbol's name (a family's head: P for P(x_{#1})). */
  public String nameLatex(String name) {
    String given = byName.get(name);
    if (given == null) {
      return defaultName(name);
    }
    int call = given.indexOf('(');
    return given.contains("#") && call > 0 ? given.substring(0, call) : given;
  }

  /** The LaTeX for a symbol standing alone. */
  String symbol(ISymbol s) {
    String name = s.getSymbolName();
    String given = byName.get(name);
    if (given != null && !given.contains("#")) {
      return given;
    }
    return defaultName(name);
  }

  static String defaultName(String name) {
    if (GREEK.contains(name)) {
      return "\\" + name;
    }
    if (name.length() == 1) {
      return name;
    }
    if (name.matches("[A-Za-z]+[0-9]+")) {
      String letters = name.replaceAll("[0-9]+$", "");
      return defaultName(letters) + "_{" + name.substring(letters.length()) + "}";
    }
    for (String accent : new String[] {"hat", "bar", "tilde"}) { // the LaTeX reader reads \bar{x} back as xbar
      if (name.endsWith(accent) && name.length() > accent.length()) {
        return "\\" + accent + "{" + defaultName(name.substring(0, name.length() - accent.length())) + "}";
      }
    }
    return "\\mathrm{" + name + "}";
  }

  /** A template with #1, #2 for the arguments of a call to head, or null for name(args). */
  String template(ISymbol head, int arity) {
    String given = byName.get(head.getSymbolName());
    if (given != null && given.contains("#")) {
      return given;
    }
    if (catalogue != null) {
      for (Definition d : catalogue.definitions()) {
        if (d.head().equals(head) && d.arity() == arity && d.latex() != null) {
          return d.latex();
        }
      }
    }
    return null;
  }
}
