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
  public static final LatexNames PLAIN = new LatexNames(Map.of(), null);

  private final Map<String, String> byName;
  private final Catalogue catalogue;

  private LatexNames(Map<String, String> byName, Catalogue catalogue) {
    this.byName = byName;
    this.catalogue = catalogue;
  }

  public static LatexNames of(Map<String, SymbolDecl> symbols, Catalogue catalogue) {
    Map<String, String> names = new HashMap<>();
    symbols.forEach((name, decl) -> names.put(name, decl.latex()));
    return new LatexNames(names, catalogue);
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
    if (name.endsWith("hat") && name.length() > 3) {
      return "\\hat{" + defaultName(name.substring(0, name.length() - 3)) + "}";
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
