package stepwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Slide PNGs must read on a dark slide as well as a light one: glyphs on an opaque light card. */
class SlidePngTest {
  @Test
  void formulaIsDrawnOnAnOpaqueLightCardWithAMargin() throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(Formulas.png("-\\log \\hat{y}")));
    int w = image.getWidth();
    int h = image.getHeight();
    int margin = Math.round(Formulas.SIZE);
    // inside the card but in the margin: opaque white
    int edge = image.getRGB(margin / 2, h / 2);
    assertEquals(0xFF, edge >>> 24, "the card is opaque");
    assertEquals(0xFFFFFF, edge & 0xFFFFFF, "the card is white");
    // the glyphs are dark: some pixel inside the margin is much darker than the card
    boolean dark = false;
    for (int x = margin; x < w - margin && !dark; x++) {
      for (int y = margin; y < h - margin && !dark; y++) {
        int rgb = image.getRGB(x, y);
        dark = (rgb >>> 24) == 0xFF && ((rgb >> 16) & 0xFF) < 80 && ((rgb >> 8) & 0xFF) < 80 && (rgb & 0xFF) < 80;
      }
    }
    assertTrue(dark, "the formula is drawn in a dark colour on the card");
  }
}
