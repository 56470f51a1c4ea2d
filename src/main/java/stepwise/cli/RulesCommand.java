package stepwise.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import stepwise.expr.ExprPrinter;
import stepwise.model.InputError;
import stepwise.model.Text;
import stepwise.rules.Catalogue;
import stepwise.rules.Definition;
import stepwise.rules.Rule;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rule catalogue and the definitions.")
final class RulesCommand implements Callable<Integer> {
  /** Where the build keeps the built-in catalogue's listing (written by {@link RulesListing} at build time). */
  static final String LISTING = "stepwise/rules/listing.%s.txt";

  @Option(names = "--zh", description = "descriptions in Chinese")
  boolean chinese;

  @Mixin
  CheckOptions options = new CheckOptions();

  @Override
  public Integer call() {
    Text.Language language = chinese ? Text.Language.ZH : Text.Language.EN;
    // the built-in catalogue's listing was written at build time: no Symja start-up (0.5 s) to print it
    List<String> lines = options.rules.isEmpty() ? builtInListing(language) : null;
    if (lines == null) {
      Catalogue catalogue;
      try {
        catalogue = options.catalogue();
      } catch (InputError e) {
        Main.ERR.println("error: " + e.describe());
        return 2;
      }
      lines = listing(catalogue, language);
    }
    lines.forEach(Main.OUT::println);
    return 0;
  }

  /** The lines rules prints for a catalogue. */
  static List<String> listing(Catalogue catalogue, Text.Language language) {
    List<String> out = new ArrayList<>();
    String family = null;
    for (Rule rule : catalogue.rules()) {
      if (!rule.family().equals(family)) {
        family = rule.family();
        out.add("");
        out.add("[" + family + "]");
      }
      out.add("  " + rule.name() + "  (" + rule.kind() + ")");
      out.add("      " + rule.summary());
      out.add("      " + words(rule.description(), language));
    }
    out.add("");
    out.add("[definitions]  (used by unfold and fold)");
    for (Definition d : catalogue.definitions()) {
      out.add("  " + d.name() + ":  " + ExprPrinter.print(stepwise.expr.Trees.node(d.head(), d.params()))
          + " = " + ExprPrinter.print(d.body()));
      out.add("      " + words(d.description(), language));
    }
    return out;
  }

  private static String words(Text text, Text.Language language) {
    return language == Text.Language.ZH ? text.in(language) : text.en();
  }

  /** The built-in catalogue's listing as the build wrote it, or null if this build has none (a bare compile). */
  static List<String> builtInListing(Text.Language language) {
    try (InputStream in = RulesCommand.class.getClassLoader().getResourceAsStream(listingResource(language))) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String listingResource(Text.Language language) {
    return String.format(LISTING, language.name().toLowerCase(java.util.Locale.ROOT));
  }
}
