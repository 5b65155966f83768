package io.github.metart.eval.report;

import com.google.common.html.HtmlEscapers;
import java.util.List;
import java.util.Locale;

/** Builds a self-contained HTML page: escaped text, tables, figures with relative links. */
final class Html {

  private static final String STYLE =
      """
      body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2em auto;
             max-width: 1100px; padding: 0 1em; color: #222; line-height: 1.4; }
      h1 { font-size: 1.7em; margin-bottom: 0.2em; }
      h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
      .meta { color: #666; margin-top: 0; }
      table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
      th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; vertical-align: top; }
      th { background: #f4f6f8; text-align: left; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      td.diag { background: #dbe9f6; font-weight: bold; }
      td.best { font-weight: bold; background: #e8f4e8; }
      caption { caption-side: top; text-align: left; color: #555; padding-bottom: 0.3em; }
      figure { margin: 1em 0; }
      figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
      figcaption { color: #555; font-size: 0.9em; }
      .headline { display: flex; flex-wrap: wrap; gap: 0.8em; }
      .headline div { border: 1px solid #ddd; border-radius: 6px; padding: 0.5em 0.9em; min-width: 9em; }
      .headline .value { font-size: 1.4em; font-weight: bold; }
      .headline .name { color: #666; font-size: 0.85em; }
      """;

  private final StringBuilder out = new StringBuilder();

  Html(String title) {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n");
  }

  /** Text escaped for HTML content and attribute values (Guava's HTML escaper). */
  static String escape(String text) {
    return HtmlEscapers.htmlEscaper().escape(text);
  }

  /** A file name part from free text: lower case letters, digits and dashes. */
  static String slug(String text) {
    String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.isEmpty() ? "x" : slug;
  }

  Html heading(int level, String text) {
    out.append("<h").append(level).append('>').append(escape(text)).append("</h").append(level).append(">\n");
    return this;
  }

  Html paragraph(String text) {
    out.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  Html meta(String text) {
    out.append("<p class=\"meta\">").append(escape(text)).append("</p>\n");
    return this;
  }

  /** Raw, already safe HTML. */
  Html raw(String html) {
    out.append(html);
    return this;
  }

  Html links(String label, List<String[]> hrefAndText) {
    out.append("<p>").append(escape(label));
    String separator = " ";
    for (String[] link : hrefAndText) {
      out.append(separator).append(link(link[0], link[1]));
      separator = " · ";
    }
    out.append("</p>\n");
    return this;
  }

  static String link(String href, String text) {
    return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
  }

  Html headline(List<String[]> valueAndName) {
    out.append("<div class=\"headline\">\n");
    for (String[] card : valueAndName) {
      out.append("<div><div class=\"value\">").append(escape(card[0]))
          .append("</div><div class=\"name\">").append(escape(card[1])).append("</div></div>\n");
    }
    out.append("</div>\n");
    return this;
  }

  Html figure(String relativePath, String alt, String caption, int width) {
    out.append("<figure><img src=\"").append(escape(relativePath)).append("\" alt=\"")
        .append(escape(alt)).append("\" width=\"").append(width).append("\">");
    if (!caption.isEmpty()) {
      out.append("<figcaption>").append(escape(caption)).append("</figcaption>");
    }
    out.append("</figure>\n");
    return this;
  }

  /** A table; cells are already-safe HTML (use {@link #cell} and friends). */
  Html table(String caption, List<String> header, List<List<String>> rows) {
    out.append("<table>\n");
    if (!caption.isEmpty()) {
      out.append("<caption>").append(escape(caption)).append("</caption>\n");
    }
    out.append("<thead><tr>");
    for (String h : header) {
      out.append("<th>").append(escape(h)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      out.append("<tr>");
      row.forEach(out::append);
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    return this;
  }

  static String cell(String text) {
    return "<td>" + escape(text) + "</td>";
  }

  static String numberCell(String text) {
    return "<td class=\"num\">" + escape(text) + "</td>";
  }

  static String cellWithClass(String cssClass, String text) {
    return "<td class=\"num " + cssClass + "\">" + escape(text) + "</td>";
  }

  static String htmlCell(String html) {
    return "<td>" + html + "</td>";
  }

  static String headerCell(String text) {
    return "<th>" + escape(text) + "</th>";
  }

  String finish() {
    out.append("</body>\n</html>\n");
    return out.toString();
  }
}
