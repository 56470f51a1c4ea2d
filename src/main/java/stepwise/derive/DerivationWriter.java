package stepwise.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import stepwise.expr.ExprPrinter;
import stepwise.model.AutoStep;
import stepwise.model.Derivation;
import stepwise.model.Text;

/**
 * Writes the completed derivation: the original file, line for line, with each "rule: auto"
 * step (and the goal:) replaced by the steps found, each with its rule and parameters, and
 * expect: at the milestones and at the end. A step that was not found keeps its place, after
 * the best partial chain, so the file can be searched again from there. Only the lines of the
 * auto steps change: comments, notes and claims stay as the author wrote them.
 */
final class DerivationWriter {
  private DerivationWriter() {}

  /** results: one per auto step of the derivation, in order (AutoSteps.fill). */
  static String write(String original, Derivation d, List<Search.Result> results) {
    List<String> lines = new ArrayList<>(List.of(original.split("\n", -1)));
    List<Derivation.Step> autos = d.steps().stream().filter(AutoStep::isAuto).toList();
    // from the bottom up, so that earlier line numbers stay right
    for (int k = autos.size() - 1; k >= 0; k--) {
      Derivation.Step step = autos.get(k);
      Search.Result r = results.get(k);
      List<Search.Step> steps = r.steps();
      if (((AutoStep) step.call()).goalField()) {
        writeGoal(lines, step, r, steps);
      } else {
        int first = itemStart(lines, step.source().line() - 1);
        int end = blockEnd(lines, first, indent(lines.get(first)));
        String pad = " ".repeat(indent(lines.get(first)));
        List<String> items = items(steps, step, r.found(), pad, r);
        if (!r.found()) {
          items.addAll(lines.subList(first, end)); // the auto step stays, after the partial chain
        }
        replace(lines, first, end, items);
      }
    }
    return String.join("\n", lines);
  }

  private static void writeGoal(List<String> lines, Derivation.Step step, Search.Result r, List<Search.Step> steps) {
    int goal = -1;
    int stepsKey = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("goal\\s*:.*")) {
        goal = i;
      } else if (lines.get(i).matches("steps\\s*:.*")) {
        stepsKey = i;
      }
    }
    if (goal < 0 || steps.isEmpty() && !r.found()) {
      return;
    }
    int goalEnd = blockEnd(lines, goal, 0);
    if (stepsKey < 0) {
      List<String> block = new ArrayList<>();
      block.add("steps:");
      block.addAll(items(steps, step, r.found(), "  ", r));
      if (!r.found()) {
        block.addAll(lines.subList(goal, goalEnd));
      }
      replace(lines, goal, goalEnd, block);
      return;
    }
    int stepsEnd = blockEnd(lines, stepsKey, 0);
    String pad = "  ";
    for (int i = stepsKey + 1; i < stepsEnd; i++) {
      if (lines.get(i).stripLeading().startsWith("- ")) {
        pad = " ".repeat(indent(lines.get(i)));
        break;
      }
    }
    List<String> found = items(steps, step, r.found(), pad, r);
    if (r.found()) {
      replace(lines, goal, goalEnd, List.of());
    }
    if (goal > stepsKey) {
      lines.addAll(stepsEnd, found);
    } else {
      replace(lines, goal, goalEnd, List.of());
      int end = blockEnd(lines, indexOfSteps(lines), 0);
      lines.addAll(end, found);
    }
  }

  private static int indexOfSteps(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("steps\\s*:.*")) {
        return i;
      }
    }
    return -1;
  }

  private static void replace(List<String> lines, int from, int to, List<String> with) {
    for (int i = from; i < to; i++) {
      lines.remove(from);
    }
    lines.addAll(from, with);
  }

  /** The line of the "- " that opens the list item holding line i. */
  private static int itemStart(List<String> lines, int i) {
    for (int j = i; j >= 0; j--) {
      if (lines.get(j).stripLeading().startsWith("- ") || lines.get(j).strip().equals("-")) {
        return j;
      }
    }
    return i;
  }

  /**
   * The end (exclusive) of the block opened at line first: the next line indented no deeper
   * than indent that is not blank or a comment (for an item, the next "- " at its indent too);
   * blank lines and comments just before it stay outside.
   */
  private static int blockEnd(List<String> lines, int first, int indent) {
    int end = first + 1;
    int lastContent = first;
    for (; end < lines.size(); end++) {
      String line = lines.get(end);
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      if (indent(line) < indent || indent(line) == indent && (stripped.startsWith("-") || indent == 0)) {
        break;
      }
      if (indent == 0 && indent(line) == 0) {
        break;
      }
      lastContent = end;
    }
    return lastContent + 1;
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static List<String> items(List<Search.Step> steps, Derivation.Step auto, boolean found, String pad,
      Search.Result r) {
    List<String> out = new ArrayList<>();
    if (steps.isEmpty()) {
      return out;
    }
    out.add(pad + "# " + (found ? "found" : "a partial chain (the goal was not reached)") + " by stepwise derive: "
        + steps.size() + " step" + (steps.size() == 1 ? "" : "s") + ", each checked like a written one");
    for (int i = 0; i < steps.size(); i++) {
      Search.Step s = steps.get(i);
      boolean last = found && i == steps.size() - 1;
      out.add(pad + "- rule: " + s.rule());
      String inner = pad + "  ";
      for (Map.Entry<String, Object> p : s.params().entrySet()) {
        out.add(inner + p.getKey() + ": " + value(p.getValue()));
      }
      if (last) {
        if (auto.name() != null) {
          out.add(inner + "name: " + scalar(auto.name(), false));
        }
        out.add(inner + "expect: " + scalar(auto.expectText() != null ? auto.expectText() : ExprPrinter.print(auto.expect()), false));
        if (!auto.note().isEmpty()) {
          out.add(inner + "note: " + note(auto.note()));
        }
      } else if (AutoSteps.milestone(steps, i) || !found && i == steps.size() - 1) {
        out.add(inner + "expect: " + scalar(ExprPrinter.print(s.after()), false));
      }
    }
    return out;
  }

  private static String note(Text note) {
    StringBuilder b = new StringBuilder("{en: ").append(quoted(note.en()));
    if (!note.zh().isEmpty()) {
      b.append(", zh: ").append(quoted(note.zh()));
    }
    return b.append('}').toString();
  }

  @SuppressWarnings("unchecked")
  private static String value(Object v) {
    if (v instanceof List<?> list) {
      return "[" + String.join(", ", ((List<String>) list).stream().map(s -> scalar(s, true)).toList()) + "]";
    }
    if (v instanceof Map<?, ?> map) {
      List<String> entries = new ArrayList<>();
      ((Map<String, String>) map).forEach((k, x) -> entries.add(scalar(k, true) + ": " + scalar(x, true)));
      return "{" + String.join(", ", entries) + "}";
    }
    return scalar((String) v, false);
  }

  /** Plain when YAML reads it back as the same text, else double-quoted. */
  static String scalar(String s, boolean inFlow) {
    boolean plain = s.matches("-?[A-Za-z0-9(][^\\n]*") && !s.contains(": ") && !s.contains(" #") && !s.endsWith(":")
        && !s.endsWith(" ") && !(inFlow && s.matches(".*[,\\[\\]{}].*")) && !s.matches("-?[0-9.]+[eE].*")
        && !s.matches("(?i)(true|false|null|yes|no|on|off|~)");
    return plain ? s : quoted(s);
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
