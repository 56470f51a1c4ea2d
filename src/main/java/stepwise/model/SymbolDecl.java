package stepwise.model;

import org.matheclipse.core.interfaces.ISymbol;

/**
 * A declared symbol: its domain (null for an arbitrary function), its LaTeX name (e.g.
 * \hat{y}; null when the file gives none, so the default applies: theta -> \theta, x1 -> x_1)
 * and what it means.
 */
public record SymbolDecl(ISymbol symbol, Domain domain, String latex, Text meaning, Source source) {
  public String name() {
    return symbol.getSymbolName();
  }
}
