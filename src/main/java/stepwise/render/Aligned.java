package stepwise.render;

import java.util.ArrayList;
import java.util.List;
import stepwise.model.Text;

/**
 * A derivation as one aligned block, one line per step, as in the article:
 * J &= -\log P(y \mid x) \\ &= -(y \log \hat{y} + ...). With notes, each line carries its rule's
 * description in a second column (for documents; images and the site show notes as prose).
 */
public final class Aligned {
  private Aligned() {}

  public static String block(Material.Page page, boolean notes, Text.Language language) {
    StringBuilder b = new StringBuilder("\\begin{aligned}\n");
    List<Material.Line> lines = new ArrayList<>(page.lines());
    Material.Line start = page.start();
    if (start.relation().isEmpty() && !lines.isEmpty() && lines.get(0).lhs().isEmpty()) {
      // a start that is a single expression opens the chain, calc style: D &= ... \\ &= ...
      Material.Line first = lines.remove(0);
      start = new Material.Line(start.rhs(), first.relation(), first.rhs(), first.note(), first.step());
      appendLine(b, start, notes, language);
    } else {
      appendLine(b, start, false, language);
    }
    for (Material.Line line : lines) {
      b.append(" \\\\\n");
      appendLine(b, line, notes, language);
    }
    return b.append("\n\\end{aligned}").toString();
  }

  private static void appendLine(StringBuilder b, Material.Line line, boolean notes, Text.Language language) {
    b.append(line.lhs()).append(" &").append(line.relation().isEmpty() ? "" : line.relation() + " ").append(line.rhs());
    if (notes && !line.note().isEmpty()) {
      b.append(" && ").append(note(line.note().in(language)));
    }
  }

  /** A note beside a line: its text in \text{...}, its inline math ($...$) as math. */
  static String note(String prose) {
    StringBuilder out = new StringBuilder();
    for (Prose.Segment seg : Prose.parse(prose)) {
      if (seg.kind() == Prose.Kind.MATH) {
        out.append('{').append(seg.text()).append('}');
      } else {
        out.append("\\text{").append(escapeText(seg.text())).append('}');
      }
    }
    return out.toString();
  }

  /** Text for \text{...}: LaTeX's special characters escaped. */
  public static String escapeText(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\textbackslash{}");
        case '{', '}', '$', '&', '#', '_', '%' -> out.append('\\').append(c);
        case '^' -> out.append("\\^{}");
        case '~' -> out.append("\\~{}");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
