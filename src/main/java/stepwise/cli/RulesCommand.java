package stepwise.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import stepwise.expr.ExprPrinter;
import stepwise.model.InputError;
import stepwise.rules.Catalogue;
import stepwise.rules.Definition;
import stepwise.rules.Rule;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rule catalogue and the definitions.")
final class RulesCommand implements Callable<Integer> {
  @Option(names = "--zh", description = "descriptions in Chinese")
  boolean chinese;

  @Mixin
  CheckOptions options = new CheckOptions();

  @Override
  public Integer call() {
    Catalogue catalogue;
    try {
      catalogue = options.catalogue();
    } catch (InputError e) {
      Main.ERR.println("error: " + e.describe());
      return 2;
    }
    String family = null;
    for (Rule rule : catalogue.rules()) {
      if (!rule.family().equals(family)) {
        family = rule.family();
        Main.OUT.println();
        Main.OUT.println("[" + family + "]");
      }
      Main.OUT.println("  " + rule.name() + "  (" + rule.kind() + ")");
      Main.OUT.println("      " + rule.summary());
      Main.OUT.println("      " + (chinese ? rule.description().in(stepwise.model.Text.Language.ZH) : rule.description().en()));
    }
    Main.OUT.println();
    Main.OUT.println("[definitions]  (used by unfold and fold)");
    for (Definition d : catalogue.definitions()) {
      Main.OUT.println("  " + d.name() + ":  " + ExprPrinter.print(stepwise.expr.Trees.node(d.head(), d.params()))
          + " = " + ExprPrinter.print(d.body()));
      Main.OUT.println("      " + (chinese ? d.description().in(stepwise.model.Text.Language.ZH) : d.description().en()));
    }
    return 0;
  }
}
