package stepwise.render;

import java.awt.Color;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Formula images with JLaTeXMath: SVG (JFreeSVG, glyphs drawn as paths so any browser shows
 * them right) and PNG at twice the size for slides. A formula that does not parse, or uses a
 * construct JLaTeXMath silently draws wrong, is an error, never a broken picture.
 */
public final class Formulas {
  /** Font size in pixels of the SVG formulas (PNGs are drawn at twice this). */
  public static final float SIZE = 20;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Formulas() {}

  /** A formula we produced is not valid for JLaTeXMath: a bug to report, not to draw. */
  public static final class BadFormula extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadFormula(String latex, String problem) {
      super(problem + " in: " + latex);
    }
  }

  /** Parses the formula, refusing the constructs JLaTeXMath accepts but misrenders. */
  public static TeXIcon icon(String latex, float size) {
    List<String> problems = LatexLint.problems(latex);
    if (!problems.isEmpty()) {
      throw new BadFormula(latex, String.join("; ", problems));
    }
    try {
      TeXIcon icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
      icon.setInsets(new Insets(2, 2, 2, 2));
      icon.setForeground(Color.BLACK);
      return icon;
    } catch (ParseException e) {
      throw new BadFormula(latex, "JLaTeXMath: " + e.getMessage());
    }
  }

  /** The formula as a standalone SVG document (paths, 2-decimal coordinates). */
  public static String svg(String latex) {
    TeXIcon icon = icon(latex, SIZE);
    SVGGraphics2D g = new SVGGraphics2D(icon.getIconWidth(), icon.getIconHeight());
    g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
    g.setGeomDoubleConverter(Formulas::twoDecimals);
    g.setTransformDoubleConverter(Formulas::twoDecimals);
    icon.paintIcon(null, g, 0, 0);
    return g.getSVGDocument();
  }

  /**
   * The formula as PNG bytes at twice the SVG size, on a light card with a margin: black glyphs
   * on a transparent ground would vanish on a dark slide.
   */
  public static byte[] png(String latex) {
    TeXIcon icon = icon(latex, 2 * SIZE);
    int margin = Math.round(SIZE);
    BufferedImage image = new BufferedImage(Math.max(1, icon.getIconWidth()) + 2 * margin,
        Math.max(1, icon.getIconHeight()) + 2 * margin, BufferedImage.TYPE_INT_ARGB);
    var g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(java.awt.Color.WHITE);
    g.fillRoundRect(0, 0, image.getWidth(), image.getHeight(), margin, margin);
    g.translate(margin, margin);
    icon.paintIcon(null, g, 0, 0);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Width and height in pixels of the SVG of a formula. */
  public static int[] size(String latex) {
    TeXIcon icon = icon(latex, SIZE);
    return new int[] {icon.getIconWidth(), icon.getIconHeight()};
  }

  private static String twoDecimals(double d) {
    String s = String.format(Locale.ROOT, "%.2f", d);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
