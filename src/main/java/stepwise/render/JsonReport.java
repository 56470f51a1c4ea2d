package stepwise.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import stepwise.expr.ExprPrinter;
import stepwise.model.Text;
import stepwise.pipeline.ClaimResult;
import stepwise.pipeline.DerivationResult;
import stepwise.pipeline.Report;
import stepwise.rewrite.RewrittenStep;
import stepwise.verify.Counterexample;
import stepwise.verify.Finding;
import stepwise.verify.SpotCheck;
import stepwise.verify.StepVerdict;

/** The same report as the table, as JSON (check --json). */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static String of(Report report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("passes", report.passes());
    ArrayNode derivations = root.putArray("derivations");
    for (DerivationResult d : report.derivations()) {
      if (d.derivation().hasSteps()) {
        derivations.add(derivation(d));
      }
    }
    ArrayNode claims = root.putArray("claims");
    for (ClaimResult c : report.claims()) {
      claims.add(claim(c));
    }
    return MAPPER.valueToTree(root).toPrettyString();
  }

  private static ObjectNode derivation(DerivationResult d) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", d.derivation().id());
    n.put("file", d.derivation().file().toString());
    n.set("title", text(d.derivation().title()));
    n.put("expectFailure", d.derivation().expectFailure());
    n.put("status", d.status().words());
    n.put("passes", d.passes());
    if (d.problem() != null) {
      n.put("problem", d.problem());
    }
    if (d.rewritten() == null) {
      return n;
    }
    n.put("start", ExprPrinter.print(d.rewritten().start()));
    n.put("startLatex", Latex.plain(d.rewritten().start()));
    if (d.rewritten().relation() != null) {
      n.put("relation", d.rewritten().relation().symbol());
      n.put("relationMeaning", d.rewritten().relation().describe());
    }
    if (d.rewritten().end() != null) {
      n.put("end", ExprPrinter.print(d.rewritten().end()));
    }
    var given = n.putArray("given");
    d.rewritten().given().forEach(given::add);
    ArrayNode steps = n.putArray("steps");
    for (int i = 0; i < d.rewritten().steps().size(); i++) {
      steps.add(step(d.rewritten().steps().get(i), d.verdicts().get(i)));
    }
    return n;
  }

  private static ObjectNode step(RewrittenStep s, StepVerdict v) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("number", s.spec().number());
    n.put("rule", s.spec().rule());
    n.put("applied", s.applied());
    if (s.applied()) {
      n.put("relation", s.rewrite().relation().symbol());
      n.put("expression", ExprPrinter.print(s.after()));
      n.put("latex", Latex.plain(s.after()));
      if (!s.rewrite().detail().isEmpty()) {
        n.put("detail", s.rewrite().detail());
      }
    } else {
      n.put("failure", s.failure());
    }
    n.put("verdict", v.status().words());
    n.put("summary", v.summary());
    n.put("samples", v.samples());
    n.put("maxError", v.maxError());
    n.put("expect", v.expect().words());
    if (s.spec().name() != null) {
      n.put("name", s.spec().name());
    }
    n.set("note", text(s.spec().note()));
    ArrayNode findings = n.putArray("findings");
    for (Finding f : v.findings()) {
      findings.add(finding(f));
    }
    n.set("spotChecks", spots(v.spots()));
    return n;
  }

  static ObjectNode finding(Finding f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("what", f.what());
    n.put("verdict", f.status().words());
    if (!f.method().isEmpty()) {
      n.put("method", f.method());
    }
    if (!f.reason().isEmpty()) {
      n.put("reason", f.reason());
    }
    n.put("samples", f.samples());
    n.put("maxError", f.maxError());
    if (f.counterexample() != null) {
      n.set("counterexample", counterexample(f.counterexample()));
    }
    return n;
  }

  static ObjectNode counterexample(Counterexample c) {
    ObjectNode n = MAPPER.createObjectNode();
    ObjectNode point = n.putObject("point");
    c.point().forEach(point::put);
    ArrayNode values = n.putArray("values");
    c.values().forEach(values::add);
    return n;
  }

  private static ArrayNode spots(List<SpotCheck> spots) {
    ArrayNode a = MAPPER.createArrayNode();
    for (SpotCheck s : spots) {
      ObjectNode n = a.addObject();
      ObjectNode point = n.putObject("point");
      s.point().forEach(point::put);
      n.put("left", s.left());
      n.put("right", s.right());
      n.put("difference", s.difference());
    }
    return a;
  }

  private static ObjectNode claim(ClaimResult c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("name", c.claim().id());
    n.set("statement", text(c.claim().statement()));
    n.put("left", c.left() == null ? null : ExprPrinter.print(c.left()));
    n.put("relation", c.claim().relation());
    if (c.claim().isShape()) {
      var variables = n.putArray("variables");
      c.claim().variables().forEach(variables::add);
    }
    n.put("right", c.right() == null ? null : ExprPrinter.print(c.right()));
    n.put("expectFailure", c.claim().expectFailure());
    n.put("passes", c.passes());
    n.setAll(finding(c.finding()));
    return n;
  }

  private static ObjectNode text(Text t) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("en", t.en());
    n.put("zh", t.zh());
    return n;
  }
}
