package io.github.metart.examples.demo;

import java.util.List;

/** A kind of object a culture's rows describe: department, classification, name, titles, media. */
record ObjectKind(
    String department,
    String classification,
    String objectName,
    List<String> titles,
    List<String> media,
    List<String> tags) {

  static ObjectKind of(
      String department,
      String classification,
      String objectName,
      List<String> titles,
      List<String> media,
      List<String> tags) {
    return new ObjectKind(
        department, classification, objectName, List.copyOf(titles), List.copyOf(media), List.copyOf(tags));
  }
}
