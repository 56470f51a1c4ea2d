package stepwise.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import stepwise.load.CatalogueLoader;
import stepwise.model.Text;

/**
 * Build time (process-classes, pom.xml): writes what `stepwise rules` prints for the built-in
 * catalogue, in both languages, into the classes folder, so that the command prints it without
 * starting Symja. RulesTest checks it against the catalogue as loaded now.
 */
public final class RulesListing {
  private RulesListing() {}

  public static void main(String[] args) throws IOException {
    Path classes = Path.of(args[0]);
    for (Text.Language language : List.of(Text.Language.EN, Text.Language.ZH)) {
      Path file = classes.resolve(RulesCommand.listingResource(language));
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", RulesCommand.listing(CatalogueLoader.builtIn(), language)) + "\n",
          StandardCharsets.UTF_8);
    }
  }
}
