package stepwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import stepwise.load.CatalogueLoader;
import stepwise.model.Text;

/** The listing written at build time is what the catalogue, loaded now, lists. */
class RulesListingTest {
  @Test
  void theBuildTimeListingIsTheCataloguesListing() {
    for (Text.Language language : List.of(Text.Language.EN, Text.Language.ZH)) {
      List<String> written = RulesCommand.builtInListing(language);
      assertNotNull(written, "the build wrote " + RulesCommand.listingResource(language));
      assertEquals(RulesCommand.listing(CatalogueLoader.builtIn(), language), written, language.name());
    }
  }

  @Test
  void rulesPrintsTheListingLineByLine() {
    Cli cli = Cli.run("rules", "--zh");
    assertEquals(0, cli.exit(), cli.err());
    assertEquals(String.join(System.lineSeparator(), RulesCommand.listing(CatalogueLoader.builtIn(), Text.Language.ZH))
        + System.lineSeparator(), cli.out());
  }
}
