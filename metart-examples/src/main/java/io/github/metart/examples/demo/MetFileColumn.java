package io.github.metart.examples.demo;

/**
 * Every column of the Met's {@code MetObjects.csv} (54), in the Met's order, with their exact header
 * names (see the Met's {@code openaccess} repository): what the demo writes. The reader's {@link
 * io.github.metart.data.csv.MetColumn} names only the columns metart reads.
 */
enum MetFileColumn {
  OBJECT_NUMBER("Object Number"),
  IS_HIGHLIGHT("Is Highlight"),
  IS_TIMELINE_WORK("Is Timeline Work"),
  IS_PUBLIC_DOMAIN("Is Public Domain"),
  OBJECT_ID("Object ID"),
  GALLERY_NUMBER("Gallery Number"),
  DEPARTMENT("Department"),
  ACCESSION_YEAR("AccessionYear"),
  OBJECT_NAME("Object Name"),
  TITLE("Title"),
  CULTURE("Culture"),
  PERIOD("Period"),
  DYNASTY("Dynasty"),
  REIGN("Reign"),
  PORTFOLIO("Portfolio"),
  CONSTITUENT_ID("Constituent ID"),
  ARTIST_ROLE("Artist Role"),
  ARTIST_PREFIX("Artist Prefix"),
  ARTIST_DISPLAY_NAME("Artist Display Name"),
  ARTIST_DISPLAY_BIO("Artist Display Bio"),
  ARTIST_SUFFIX("Artist Suffix"),
  ARTIST_ALPHA_SORT("Artist Alpha Sort"),
  ARTIST_NATIONALITY("Artist Nationality"),
  ARTIST_BEGIN_DATE("Artist Begin Date"),
  ARTIST_END_DATE("Artist End Date"),
  ARTIST_GENDER("Artist Gender"),
  ARTIST_ULAN_URL("Artist ULAN URL"),
  ARTIST_WIKIDATA_URL("Artist Wikidata URL"),
  OBJECT_DATE("Object Date"),
  OBJECT_BEGIN_DATE("Object Begin Date"),
  OBJECT_END_DATE("Object End Date"),
  MEDIUM("Medium"),
  DIMENSIONS("Dimensions"),
  CREDIT_LINE("Credit Line"),
  GEOGRAPHY_TYPE("Geography Type"),
  CITY("City"),
  STATE("State"),
  COUNTY("County"),
  COUNTRY("Country"),
  REGION("Region"),
  SUBREGION("Subregion"),
  LOCALE("Locale"),
  LOCUS("Locus"),
  EXCAVATION("Excavation"),
  RIVER("River"),
  CLASSIFICATION("Classification"),
  RIGHTS_AND_REPRODUCTION("Rights and Reproduction"),
  LINK_RESOURCE("Link Resource"),
  OBJECT_WIKIDATA_URL("Object Wikidata URL"),
  METADATA_DATE("Metadata Date"),
  REPOSITORY("Repository"),
  TAGS("Tags"),
  TAGS_AAT_URL("Tags AAT URL"),
  TAGS_WIKIDATA_URL("Tags Wikidata URL");

  private final String header;

  MetFileColumn(String header) {
    this.header = header;
  }

  /** The column's name in the CSV header. */
  String header() {
    return header;
  }
}
