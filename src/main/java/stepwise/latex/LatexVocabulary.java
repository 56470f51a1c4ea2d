package stepwise.latex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import stepwise.model.Domain;
import stepwise.model.SymbolDecl;
import stepwise.rules.Catalogue;
import stepwise.rules.Definition;

/**
 * What the reader knows about names beyond the fixed conventions: which names are functions
 * (so f(x) is a call), which are symbols (so a declared multi-letter lr stays one symbol, and a
 * declared e is not Euler's number), which are indexed families (x_k is x(k) for any k), and the
 * LaTeX a derivation or the catalogue prints for a name (\hat{y} for yhat, P(x_{#1}) for P(i),
 * D_{KL}(#1 \| #2) for KL), read back the same way. A closed vocabulary (a derivation's) refuses
 * names it does not know where the open one (equiv) makes a new symbol.
 */
public final class LatexVocabulary {
  /** A printed form with #1.. for the arguments: the call head(args), or the symbol head when arity is 0. */
  record Template(List<LatexTokenizer.Token> tokens, String head, int arity) {}

  public static final LatexVocabulary OPEN = new LatexVocabulary(Set.of(), Set.of(), Set.of(), List.of(), false);
  private static final Pattern PLACEHOLDER = Pattern.compile("#([1-9])");

  private final Set<String> functions;
  private final Set<String> symbols;
  private final Set<String> families;
  private final List<Template> templates;
  private final boolean closed;

  private LatexVocabulary(Set<String> functions, Set<String> symbols, Set<String> families, List<Template> templates,
      boolean closed) {
    this.functions = Set.copyOf(functions);
    this.symbols = Set.copyOf(symbols);
    this.families = Set.copyOf(families);
    List<Template> sorted = new ArrayList<>(templates);
    sorted.sort(Comparator.comparingInt((Template t) -> t.tokens().size()).reversed()); // longest match first
    this.templates = List.copyOf(sorted);
    this.closed = closed;
  }

  /** For free-standing formulas: names declared on the command line (equiv --functions, --symbols). */
  public static LatexVocabulary open(Collection<String> functionNames, Collection<String> symbolNames) {
    return new LatexVocabulary(Set.copyOf(functionNames), Set.copyOf(symbolNames), Set.of(), List.of(), false);
  }

  /**
   * A derivation's names: its declared symbols (with their latex: fields), families, functions and
   * distributions, and the catalogue's definitions with their LaTeX templates.
   */
  public static LatexVocabulary of(Map<String, SymbolDecl> declared, Catalogue catalogue) {
    Set<String> functions = new HashSet<>();
    Set<String> symbols = new HashSet<>();
    Set<String> families = new HashSet<>();
    List<Template> templates = new ArrayList<>();
    for (SymbolDecl d : declared.values()) {
      String name = d.name();
      if (d.domain() == null) {
        functions.add(name);
      } else if (d.domain() instanceof Domain.Family) {
        functions.add(name);
        families.add(name);
      } else {
        symbols.add(name);
      }
      if (d.latex() != null) {
        templates.add(template(d.latex(), name));
      }
    }
    if (catalogue != null) {
      for (Definition def : catalogue.definitions()) {
        functions.add(def.head().getSymbolName());
        if (def.latex() != null) {
          templates.add(template(def.latex(), def.head().getSymbolName()));
        }
      }
    }
    return new LatexVocabulary(functions, symbols, families, templates, true);
  }

  /** The same vocabulary, with some more families (the per-sample copies a step introduces). */
  public LatexVocabulary withFamilies(Collection<String> more) {
    Set<String> f = new HashSet<>(families);
    f.addAll(more);
    Set<String> fn = new HashSet<>(functions);
    fn.addAll(more);
    return new LatexVocabulary(fn, symbols, f, templates, closed);
  }

  static Template template(String latex, String head) {
    List<LatexTokenizer.Token> tokens = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(latex);
    int last = 0;
    int arity = 0;
    while (m.find()) {
      tokens.addAll(literal(latex.substring(last, m.start())));
      tokens.add(new LatexTokenizer.Token(LatexTokenizer.Kind.CHAR, m.group(), 0, 0, false));
      arity = Math.max(arity, Integer.parseInt(m.group(1)));
      last = m.end();
    }
    tokens.addAll(literal(latex.substring(last)));
    return new Template(List.copyOf(tokens), head, arity);
  }

  private static List<LatexTokenizer.Token> literal(String text) {
    List<LatexTokenizer.Token> tokens = new ArrayList<>(LatexTokenizer.tokenize(text));
    tokens.remove(tokens.size() - 1); // END
    return tokens;
  }

  boolean isFunction(String name) {
    return functions.contains(name);
  }

  boolean isSymbol(String name) {
    return symbols.contains(name);
  }

  boolean isFamily(String name) {
    return families.contains(name);
  }

  boolean declares(String name) {
    return functions.contains(name) || symbols.contains(name);
  }

  /** Declared names of two or more characters, which stay one symbol when their letters are typed side by side. */
  Set<String> multiLetterNames() {
    Set<String> out = new HashSet<>();
    functions.stream().filter(n -> n.length() > 1).forEach(out::add);
    symbols.stream().filter(n -> n.length() > 1).forEach(out::add);
    return out;
  }

  List<Template> templates() {
    return templates;
  }

  boolean closed() {
    return closed;
  }
}
