package io.github.metart.examples.doctor;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Charts (confusion matrices, curves) are drawn off screen with AWT: it must run headless and find
 * fonts, which minimal servers and containers often lack.
 */
final class ChartsCheck implements PreflightCheck {

  private static final String FONT_FIX =
      "install fontconfig and a font (Debian/Ubuntu: apt-get install fontconfig fonts-dejavu-core;"
          + " Alpine: apk add fontconfig ttf-dejavu) and run with -Djava.awt.headless=true";

  @Override
  public List<CheckResult> run() {
    boolean headless = GraphicsEnvironment.isHeadless();
    int width;
    int fonts;
    try {
      BufferedImage image = new BufferedImage(120, 30, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      try {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("metart 1785", 4, 20);
        FontMetrics metrics = g.getFontMetrics();
        width = metrics.stringWidth("metart 1785");
      } finally {
        g.dispose();
      }
      ImageIO.write(image, "png", new ByteArrayOutputStream());
      fonts = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames().length;
    } catch (IOException | RuntimeException | LinkageError | InternalError e) {
      return List.of(
          CheckResult.fail(
              "charts",
              "AWT cannot draw text off screen: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
              FONT_FIX));
    } catch (Error e) {
      if (e instanceof VirtualMachineError) {
        throw e;
      }
      // AWT reports missing fonts as a plain java.lang.Error
      return List.of(
          CheckResult.fail("charts", "AWT cannot draw text off screen: " + e.getMessage(), FONT_FIX));
    }
    if (width <= 0 || fonts == 0) {
      return List.of(CheckResult.warn("charts", "AWT draws text but finds no fonts", FONT_FIX));
    }
    String detail = "AWT draws text and PNGs off screen (" + fonts + " font families)";
    if (!headless) {
      String display = System.getenv("DISPLAY");
      if (System.getProperty("os.name", "").startsWith("Linux") && (display == null || display.isEmpty())) {
        return List.of(
            CheckResult.warn(
                "charts",
                detail + ", but AWT is not headless and DISPLAY is unset",
                "run with -Djava.awt.headless=true (./metart does)"));
      }
      return List.of(CheckResult.ok("charts", detail + ", with a display"));
    }
    return List.of(CheckResult.ok("charts", detail + ", headless"));
  }
}
