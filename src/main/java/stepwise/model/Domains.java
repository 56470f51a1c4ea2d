package stepwise.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The declared domains of a derivation's symbols, with its constraints: equalities such as
 * a + b + c == 1 (honoured when sampling) and other conditions such as x < y (used as filters).
 * Immutable.
 */
public final class Domains {
  public static final Domains NONE = new Domains(Map.of(), List.of(), List.of());

  private final Map<ISymbol, Domain> bySymbol;
  private final List<IExpr> equalities;
  private final List<IExpr> conditions;

  public Domains(Map<ISymbol, Domain> bySymbol, List<IExpr> equalities, List<IExpr> conditions) {
    this.bySymbol = Collections.unmodifiableMap(new LinkedHashMap<>(bySymbol));
    this.equalities = List.copyOf(equalities);
    this.conditions = List.copyOf(conditions);
  }

  /** The symbol's domain; complex if none was declared. */
  public Domain of(ISymbol symbol) {
    return bySymbol.getOrDefault(symbol, Domain.COMPLEX);
  }

  public boolean isDeclared(ISymbol symbol) {
    return bySymbol.containsKey(symbol);
  }

  public Map<ISymbol, Domain> declared() {
    return bySymbol;
  }

  public List<IExpr> equalities() {
    return equalities;
  }

  public List<IExpr> conditions() {
    return conditions;
  }

  public Domain.Family family(ISymbol symbol) {
    return bySymbol.get(symbol) instanceof Domain.Family f ? f : null;
  }

  /** These domains with one more (or a replaced) symbol, e.g. a bound summation index. */
  public Domains with(ISymbol symbol, Domain domain) {
    Map<ISymbol, Domain> next = new LinkedHashMap<>(bySymbol);
    next.put(symbol, domain);
    return new Domains(next, equalities, conditions);
  }

  /** The union of two sets of declarations (the other's win on conflicts). */
  public Domains merge(Domains other) {
    Map<ISymbol, Domain> next = new LinkedHashMap<>(bySymbol);
    next.putAll(other.bySymbol);
    List<IExpr> eq = new ArrayList<>(equalities);
    other.equalities.stream().filter(e -> !eq.contains(e)).forEach(eq::add);
    List<IExpr> cond = new ArrayList<>(conditions);
    other.conditions.stream().filter(e -> !cond.contains(e)).forEach(cond::add);
    return new Domains(next, eq, cond);
  }
}
