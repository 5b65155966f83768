package io.github.metart.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Finds every link of an HTML page and checks the local ones resolve to files. */
final class LinkCheck {

  private static final Pattern LINK = Pattern.compile("(src|href)=\"([^\"]*)\"");

  private LinkCheck() {}

  /** Every {@code src} and {@code href} value, unescaped. */
  static List<String> links(String html) {
    List<String> links = new ArrayList<>();
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      links.add(m.group(2).replace("&amp;", "&").replace("&quot;", "\""));
    }
    return links;
  }

  /**
   * Checks that every local link of the page resolves to a file inside the page's folder and that
   * linked images decode; returns the local links.
   */
  static List<String> assertLocalLinksResolve(Path page) throws IOException {
    String html = Files.readString(page);
    List<String> local = new ArrayList<>();
    for (String link : links(html)) {
      if (link.startsWith("https://www.metmuseum.org/art/collection/search/")) {
        continue;
      }
      assertThat(link).as("only relative links and Met object pages").doesNotContain("://").doesNotStartWith("/");
      Path target = page.getParent().resolve(link).normalize();
      assertThat(target).as("link %s of %s", link, page).isRegularFile();
      assertThat(target.startsWith(page.getParent())).as("link %s stays inside the report", link).isTrue();
      if (link.endsWith(".png")) {
        BufferedImage image = ImageIO.read(target.toFile());
        assertThat(image).as("decodable %s", link).isNotNull();
      }
      local.add(link);
    }
    return local;
  }
}
