package stepwise.model;

import org.matheclipse.core.interfaces.ISymbol;

/** A declared symbol: its domain, its LaTeX name (e.g. \hat{y}) and what it means. */
public record SymbolDecl(ISymbol symbol, Domain domain, String latex, Text meaning, Source source) {
  public String name() {
    return symbol.getSymbolName();
  }
}
