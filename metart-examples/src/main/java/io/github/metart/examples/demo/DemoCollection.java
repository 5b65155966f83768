package io.github.metart.examples.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A generated demo collection on disk, and the truth behind it.
 *
 * @param spec what was generated
 * @param directory the folder holding everything below
 * @param csvFile {@code MetObjects.csv}, in the Met's format
 * @param imagesDirectory {@code images/}, one {@code <Object ID>.<ext>} per public-domain object
 * @param truthFile {@code truth.csv}: per object its role, expected culture label and encoded year
 * @param objects every well-formed row's object, in file order
 * @param malformedRows the rows written malformed on purpose, in file order
 */
public record DemoCollection(
    DemoCollectionSpec spec,
    Path directory,
    Path csvFile,
    Path imagesDirectory,
    Path truthFile,
    List<DemoObject> objects,
    List<MalformedRow> malformedRows) {

  /** The name of the generated CSV file. */
  public static final String CSV_FILE = "MetObjects.csv";

  /** The name of the images folder. */
  public static final String IMAGES_DIRECTORY = "images";

  /** The name of the truth file. */
  public static final String TRUTH_FILE = "truth.csv";

  /** The name of the note that says what the folder is. */
  public static final String README_FILE = "README.txt";

  /** Validates and copies the fields. */
  public DemoCollection {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(csvFile, "csvFile");
    Objects.requireNonNull(imagesDirectory, "imagesDirectory");
    Objects.requireNonNull(truthFile, "truthFile");
    objects = List.copyOf(objects);
    malformedRows = List.copyOf(malformedRows);
  }

  /** The culture classes, sorted: {@code chinese, french, german, greek, italian, japanese}. */
  public static List<String> cultureClasses() {
    return CultureCatalog.classes().stream().map(CultureGroup::label).sorted().toList();
  }

  /** Rows in the CSV file, header excluded, malformed rows included. */
  public int rowCount() {
    return objects.size() + malformedRows.size();
  }

  /** How many images were written. */
  public long imageCount() {
    return objects.stream().filter(DemoObject::hasImage).count();
  }

  /** The image file of an object that has one. */
  public Path imageOf(DemoObject object) {
    return imagesDirectory.resolve(
        object
            .imageFile()
            .orElseThrow(
                () -> new IllegalArgumentException("object " + object.objectId() + " has no image")));
  }
}
