package stepwise.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import stepwise.cas.Cas;
import stepwise.latex.LatexReader;

/**
 * A formula's MathML for screen readers, beside its image and alt text: the LaTeX is read back
 * into an expression (Stepwise's LaTeX reader) and printed by Symja (through Cas). Formulas the
 * reader does not take (aligned blocks, underbraces, \simeq_{Q}, text) get none and keep only
 * their alt text. The markup is kept only when it holds nothing but MathML elements.
 */
final class MathML {
  private static final Pattern TAG = Pattern.compile("<(/?)([a-z]+)((?: (?:mathvariant|stretchy|fence|separator|form"
      + "|lspace|rspace|linethickness|columnalign|open|close|separators|accent|accentunder|movablelimits|largeop"
      + "|displaystyle|scriptlevel|width)=\"[^\"<>&]*\")*)\\s*(/?)>");
  private static final java.util.Set<String> ELEMENTS = java.util.Set.of("mrow", "mi", "mn", "mo", "msup", "msub",
      "msubsup", "mfrac", "msqrt", "mroot", "munderover", "munder", "mover", "mtext", "mspace", "mstyle", "mtable",
      "mtr", "mtd", "mfenced");
  private static final Pattern TEXT = Pattern.compile("[^<>&]*(?:&(?:#x?[0-9A-Fa-f]+|[a-zA-Z]+);[^<>&]*)*");
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private MathML() {}

  /** The math element for a formula, or null; symbol names shown as in prose (yhat as ŷ). */
  static String of(String latex, Map<String, String> unicodeNames) {
    String body = CACHE.computeIfAbsent(latex, MathML::convert);
    if (body.isEmpty()) {
      return null;
    }
    for (Map.Entry<String, String> name : unicodeNames.entrySet()) {
      body = body.replace("<mi>" + name.getKey() + "</mi>", "<mi>" + name.getValue() + "</mi>");
    }
    return "<math>" + body + "</math>";
  }

  private static String convert(String latex) {
    try {
      String markup = Cas.mathml(LatexReader.read(latex.replace("\\textstyle ", "")));
      // Symja writes Equal as == and a product with a visible dot; a reader says "=" and nothing (invisible times)
      return markup != null && onlyMathML(markup)
          ? markup.replace("<mo>==</mo>", "<mo>=</mo>").replace("<mo>&#0183;</mo>", "<mo>&#x2062;</mo>") : "";
    } catch (RuntimeException e) {
      return ""; // not a formula the reader takes
    }
  }

  /** Nothing but MathML elements without unknown attributes, and text with entities only. */
  static boolean onlyMathML(String markup) {
    Matcher tag = TAG.matcher(markup);
    int at = 0;
    while (tag.find()) {
      if (!TEXT.matcher(markup.substring(at, tag.start())).matches() || !ELEMENTS.contains(tag.group(2))) {
        return false;
      }
      at = tag.end();
    }
    return TEXT.matcher(markup.substring(at)).matches();
  }
}
