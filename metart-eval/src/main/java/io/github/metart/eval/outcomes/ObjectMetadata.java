package io.github.metart.eval.outcomes;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.metart.data.dataset.LabeledObject;
import io.github.metart.data.dataset.SourceValues;
import java.net.URI;
import java.util.Objects;

/**
 * The Met metadata of one evaluated object that error analysis groups by: its Object ID and the
 * department, classification, object name and title from {@code MetObjects.csv}.
 *
 * <p>Missing text fields are empty strings, never {@code null}.
 *
 * @param objectId the Met Object ID (positive)
 * @param department the Met department, e.g. {@code Greek and Roman Art}
 * @param classification the Met classification, e.g. {@code Vases}
 * @param objectName the Met object name, e.g. {@code Amphora}
 * @param title the object's title
 */
public record ObjectMetadata(
    long objectId, String department, String classification, String objectName, String title) {

  private static final String COLLECTION_URL = "https://www.metmuseum.org/art/collection/search/";

  /** Validates the Object ID and turns missing text into empty strings. */
  public ObjectMetadata {
    checkArgument(objectId > 0, "Met Object ID must be positive, got %s", objectId);
    department = Objects.requireNonNullElse(department, "").strip();
    classification = Objects.requireNonNullElse(classification, "").strip();
    objectName = Objects.requireNonNullElse(objectName, "").strip();
    title = Objects.requireNonNullElse(title, "").strip();
  }

  /** An object known only by its Object ID (every text field empty). */
  public static ObjectMetadata ofId(long objectId) {
    return new ObjectMetadata(objectId, "", "", "", "");
  }

  /** The metadata a labeled object kept from its {@code MetObjects.csv} row. */
  public static ObjectMetadata of(LabeledObject object) {
    SourceValues source = object.source();
    return new ObjectMetadata(
        object.objectId(),
        source.department(),
        source.classification(),
        source.objectName(),
        source.title());
  }

  /** The object's page on the Met's website. */
  public URI metUrl() {
    return metUrl(objectId);
  }

  /**
   * The page of an object on the Met's website, {@code
   * https://www.metmuseum.org/art/collection/search/<id>}.
   */
  public static URI metUrl(long objectId) {
    checkArgument(objectId > 0, "Met Object ID must be positive, got %s", objectId);
    return URI.create(COLLECTION_URL + objectId);
  }
}
