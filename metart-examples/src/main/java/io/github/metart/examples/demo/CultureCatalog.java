package io.github.metart.examples.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The groups of rows the demo collection is made of: six culture classes written in the Met's
 * styles, plus the values a real file is full of — "European" (to exclude), ambiguous values, blank
 * Culture, rare cultures. Names of departments, classifications, periods and artists are the Met's
 * (facts); the objects themselves are invented.
 */
final class CultureCatalog {

  static final String ASIAN = "Asian Art";
  static final String ESDA = "European Sculpture and Decorative Arts";
  static final String GREEK_ROMAN = "Greek and Roman Art";

  private static final List<CultureGroup> GROUPS = build();

  private CultureCatalog() {}

  /** Every group, classes first, in a fixed order. */
  static List<CultureGroup> groups() {
    return GROUPS;
  }

  /** The groups that are culture classes. */
  static List<CultureGroup> classes() {
    return GROUPS.stream().filter(s -> s.role() == CultureRole.LABELED).toList();
  }

  private static List<CultureGroup> build() {
    List<CultureGroup> groups = new ArrayList<>();
    groups.add(japanese());
    groups.add(chinese());
    groups.add(german());
    groups.add(french());
    groups.add(italian());
    groups.add(greek());
    groups.add(european());
    groups.add(ambiguous());
    groups.add(blank());
    groups.addAll(rare());
    return Collections.unmodifiableList(groups);
  }

  private static CultureGroup japanese() {
    return new CultureGroup(
        "japanese",
        CultureRole.LABELED,
        weighted(
            "Japan", 40, "Japanese", 22, "japanese", 5, "Japan (?)", 5, "Japanese, Edo period", 10,
            "Japan, Kyoto", 8, "japan", 3, "Japanese ", 4),
        List.of(
            ObjectKind.of(
                ASIAN,
                "Ceramics",
                "Tea bowl",
                List.of("Tea Bowl", "茶碗|Tea Bowl", "Tea Bowl with Design of Pine Trees"),
                List.of(
                    "Stoneware with iron glaze (Karatsu ware)",
                    "Porcelain with overglaze enamels (Arita ware, Kakiemon type)"),
                List.of("Pine Trees", "")),
            ObjectKind.of(
                ASIAN,
                "Netsuke",
                "Netsuke",
                List.of("Netsuke of a Rat", "根付 鼠|Netsuke of a Rat", "Netsuke of a Tiger"),
                List.of("Ivory", "Wood"),
                List.of("Rats", "Tigers")),
            ObjectKind.of(
                ASIAN,
                "Lacquer",
                "Inrō",
                List.of("Inrō with Design of Waves", "Inrō with Cranes"),
                List.of("Gold maki-e on black lacquer", "Lacquer with gold and silver hiramaki-e"),
                List.of("Waves", "Cranes")),
            ObjectKind.of(
                ASIAN,
                "Prints",
                "Print",
                List.of(
                    "Fine Wind, Clear Morning",
                    "Woman Reading a Letter",
                    "東海道五拾三次|Fifty-three Stations of the Tōkaidō"),
                List.of("Polychrome woodblock print; ink and color on paper"),
                List.of("Landscapes|Mountains", "Women")),
            ObjectKind.of(
                ASIAN,
                "Textiles",
                "Kosode",
                List.of("Kosode with Pine Bark Lozenges", "Robe (Kosode) with Chrysanthemums"),
                List.of("Silk satin damask with embroidery and gold leaf"),
                List.of("Chrysanthemums", ""))),
        1615,
        1868,
        year -> PeriodNames.period("Edo period (1615–1868)"),
        Motif.DISCS_AND_WAVES,
        Palette.of(0xE8E0CC, 0x26346E, 0xB22A26),
        List.of(
            Artist.dated("Artist", "Suzuki Harunobu", "Suzuki Harunobu", "Japanese", 1725, 1770),
            Artist.dated("Artist", "Kitagawa Utamaro", "Kitagawa Utamaro", "Japanese", 1753, 1806),
            Artist.dated("Artist", "Katsushika Hokusai", "Katsushika Hokusai", "Japanese", 1760, 1849),
            Artist.dated("Artist", "Utagawa Hiroshige", "Utagawa Hiroshige", "Japanese", 1797, 1858)),
        List.of(),
        "Japan");
  }

  private static CultureGroup chinese() {
    IntFunction<PeriodNames> periods =
        year -> {
          if (year < 1644) {
            return PeriodNames.period("Ming dynasty (1368–1644)");
          }
          String reign = "";
          if (year >= 1662 && year <= 1722) {
            reign = "Kangxi period (1662–1722)";
          } else if (year >= 1736 && year <= 1795) {
            reign = "Qianlong period (1736–95)";
          }
          return new PeriodNames("Qing dynasty (1644–1911)", "", reign);
        };
    return new CultureGroup(
        "chinese",
        CultureRole.LABELED,
        weighted(
            "China", 45, "Chinese", 22, "Chinese, for export market", 10,
            "Chinese, probably for Swedish market", 4, "chinese", 4, "China (?)", 3,
            "Chinese (Canton)", 5),
        List.of(
            ObjectKind.of(
                ASIAN,
                "Ceramics",
                "Vase",
                List.of("Vase with Dragons", "Jar with Lotus Pond", "清 青花纏枝蓮紋瓶|Vase with Lotus Scroll"),
                List.of(
                    "Porcelain painted in underglaze cobalt blue (Jingdezhen ware)",
                    "Porcelain painted with overglaze famille rose enamels"),
                List.of("Dragons", "Lotus")),
            ObjectKind.of(
                ASIAN,
                "Ceramics",
                "Plate",
                List.of("Plate with Floral Scroll", "Plate with Armorial Decoration"),
                List.of("Hard-paste porcelain painted in underglaze blue"),
                List.of("Flowers", "Coats of Arms")),
            ObjectKind.of(
                ASIAN,
                "Jade",
                "Brush washer",
                List.of("Brush Washer in the Shape of a Lotus Leaf"),
                List.of("Jade (nephrite)"),
                List.of("Lotus")),
            ObjectKind.of(
                ASIAN,
                "Textiles-Tapestries",
                "Panel",
                List.of("Panel with Dragons and Clouds", "Panel with Phoenixes"),
                List.of("Silk and metallic thread tapestry (kesi)"),
                List.of("Dragons|Clouds", "Phoenix"))),
        1500,
        1900,
        periods,
        Motif.FRAMED_LATTICE,
        Palette.of(0xEEEEE6, 0x1E4096, 0xC4A034),
        List.of(),
        List.of(),
        "China");
  }

  private static CultureGroup german() {
    return new CultureGroup(
        "german",
        CultureRole.LABELED,
        weighted(
            "German", 50, "German, probably Dresden", 10, "Northern Germany", 6, "German, Nuremberg", 9,
            "German, Augsburg", 9, "possibly German", 5, "German (?)", 4, "Germany", 4),
        List.of(
            ObjectKind.of(
                ESDA,
                "Metalwork-Silver",
                "Tankard",
                List.of("Tankard", "Covered Tankard with Hunting Scenes", "Covered cup"),
                List.of("Silver, partly gilded", "Silver gilt"),
                List.of("Hunting", "")),
            ObjectKind.of(
                ESDA,
                "Ceramics-Porcelain",
                "Figure",
                List.of("Harlequin", "Figure of a Shepherdess", "Pair of Parrots"),
                List.of("Hard-paste porcelain", "Hard-paste porcelain decorated in polychrome enamels"),
                List.of("Harlequin", "Parrots")),
            ObjectKind.of(
                ESDA,
                "Glass",
                "Beaker",
                List.of("Beaker with the Arms of Saxony", "Humpen (beaker)"),
                List.of("Enameled glass", "Glass, enameled and gilded"),
                List.of("Coats of Arms")),
            ObjectKind.of(
                "Arms and Armor",
                "Firearms",
                "Wheellock rifle",
                List.of("Wheellock Rifle", "Wheellock Pistol"),
                List.of("Steel, wood (walnut), bone, gold"),
                List.of("")),
            ObjectKind.of(
                ESDA,
                "Horology",
                "Table clock",
                List.of("Table Clock", "Astronomical Table Clock"),
                List.of("Gilded brass, steel"),
                List.of("Clocks"))),
        1500,
        1900,
        year -> PeriodNames.NONE,
        Motif.VERTICAL_BARS,
        Palette.of(0x463A32, 0xC4A44C, 0xA8AAB0),
        List.of(
            Artist.dated("Modeler", "Johann Joachim Kändler", "Kändler, Johann Joachim", "German", 1706, 1775),
            Artist.dated("Artist", "Albrecht Dürer", "Dürer, Albrecht", "German", 1471, 1528)),
        List.of(),
        "");
  }

  private static CultureGroup french() {
    return new CultureGroup(
        "french",
        CultureRole.LABELED,
        weighted(
            "French", 55, "French, Paris", 15, "French (Paris)", 5, "France", 4, "French, probably Lyon", 6,
            "french", 3, "French, Sèvres", 5),
        List.of(
            ObjectKind.of(
                ESDA,
                "Ceramics-Porcelain",
                "Vase",
                List.of("Vase (vase hollandois nouveau)", "Potpourri Vase", "Cup and saucer"),
                List.of("Soft-paste porcelain", "Soft-paste porcelain, gilt bronze"),
                List.of("Flowers", "")),
            ObjectKind.of(
                ESDA,
                "Woodwork-Furniture",
                "Commode",
                List.of("Commode", "Armchair (fauteuil à la reine)", "Writing table"),
                List.of("Oak veneered with tulipwood; gilt-bronze mounts; marble top"),
                List.of("")),
            ObjectKind.of(
                ESDA,
                "Textiles-Tapestries",
                "Tapestry",
                List.of("The Toilet of Psyche", "Tapestry with Pastoral Scene"),
                List.of("Wool and silk"),
                List.of("Women|Landscapes")),
            ObjectKind.of(
                "Drawings and Prints",
                "Prints",
                "Print",
                List.of("Plate 12", "The Hanging", "View of the Pont Neuf"),
                List.of("Etching", "Etching and engraving"),
                List.of("Cityscapes", "Men")),
            ObjectKind.of(
                ESDA,
                "Metalwork-Gold and Platinum",
                "Snuffbox",
                List.of("Snuffbox", "Snuffbox with Portrait Miniature"),
                List.of("Gold, enamel", "Gold, enamel, diamonds"),
                List.of("Portraits"))),
        1500,
        1900,
        year -> PeriodNames.NONE,
        Motif.RINGS,
        Palette.of(0xE2D0C4, 0xA8606E, 0xCEB05C),
        List.of(
            Artist.dated("Artist", "Jacques Callot", "Callot, Jacques", "French", 1592, 1635),
            Artist.dated("Cabinetmaker", "André-Charles Boulle", "Boulle, André-Charles", "French", 1642, 1732),
            Artist.dated("Cabinetmaker", "Jean-Henri Riesener", "Riesener, Jean-Henri", "French", 1734, 1806)),
        List.of(),
        "");
  }

  private static CultureGroup italian() {
    return new CultureGroup(
        "italian",
        CultureRole.LABELED,
        weighted(
            "Italian", 50, "Italian, Venice", 14, "Italian (Cremona)", 5, "Italy", 4,
            "Italian, probably Florence", 10, "Italian (Naples)", 5, "italian", 3),
        List.of(
            ObjectKind.of(
                ESDA,
                "Ceramics-Pottery",
                "Plate",
                List.of("Plate (piatto)", "Dish with the Story of Apollo and Daphne", "Albarello (drug jar)"),
                List.of("Maiolica (tin-glazed earthenware)"),
                List.of("Apollo|Daphne", "")),
            ObjectKind.of(
                ESDA,
                "Sculpture-Bronze",
                "Statuette",
                List.of("Hercules and the Hydra", "Statuette of a Satyr"),
                List.of("Bronze"),
                List.of("Hercules", "Satyrs")),
            ObjectKind.of(
                ESDA,
                "Glass",
                "Goblet",
                List.of("Goblet", "Footed Bowl"),
                List.of("Glass, enameled and gilded", "Colorless nonlead glass"),
                List.of("")),
            ObjectKind.of(
                ESDA,
                "Medals and Plaquettes",
                "Medal",
                List.of("Medal", "Portrait Medal of a Cardinal"),
                List.of("Bronze", "Cast bronze"),
                List.of("Portraits|Men")),
            ObjectKind.of(
                "Drawings and Prints",
                "Prints",
                "Print",
                List.of("View of the Arch of Constantine", "The Drawbridge, from Carceri d'invenzione"),
                List.of("Etching"),
                List.of("Architecture"))),
        1500,
        1900,
        year -> PeriodNames.NONE,
        Motif.TRIANGLES,
        Palette.of(0xDECCA0, 0xAC5430, 0x3E6E50),
        List.of(
            Artist.dated(
                "Artist", "Giovanni Battista Piranesi", "Piranesi, Giovanni Battista", "Italian", 1720, 1778),
            Artist.dated("Artist", "Stefano della Bella", "Della Bella, Stefano", "Italian", 1610, 1664)),
        List.of(),
        "Italy");
  }

  private static CultureGroup greek() {
    IntFunction<PeriodNames> periods =
        year -> {
          if (year < -480) {
            return PeriodNames.period("Archaic");
          }
          if (year < -323) {
            return PeriodNames.period("Classical");
          }
          return PeriodNames.period("Hellenistic");
        };
    return new CultureGroup(
        "greek",
        CultureRole.LABELED,
        weighted(
            "Greek, Attic", 50, "Greek", 15, "Greek, South Italian, Apulian", 10, "Greek, Corinthian", 10,
            "Greek, Boeotian", 5, "Greek, Attic (?)", 4),
        List.of(
            ObjectKind.of(
                GREEK_ROMAN,
                "Vases",
                "Neck-amphora",
                List.of("Terracotta neck-amphora (jar)", "Terracotta amphora (jar)"),
                List.of("Terracotta"),
                List.of("Athletes|Men", "Horses")),
            ObjectKind.of(
                GREEK_ROMAN,
                "Vases",
                "Kylix",
                List.of("Terracotta kylix (drinking cup)"),
                List.of("Terracotta"),
                List.of("Dionysos|Satyrs")),
            ObjectKind.of(
                GREEK_ROMAN,
                "Vases",
                "Lekythos",
                List.of("Terracotta lekythos (oil flask)"),
                List.of("Terracotta"),
                List.of("Women|Tombs")),
            ObjectKind.of(
                GREEK_ROMAN,
                "Bronzes",
                "Statuette",
                List.of("Bronze statuette of a horse", "Bronze statuette of a warrior"),
                List.of("Bronze"),
                List.of("Horses", "Warriors")),
            ObjectKind.of(
                GREEK_ROMAN,
                "Coins",
                "Coin",
                List.of("Silver tetradrachm", "Silver stater"),
                List.of("Silver"),
                List.of("Owls", "Athena"))),
        -700,
        -100,
        periods,
        Motif.BANDS_AND_FIGURES,
        Palette.of(0xC46E3A, 0x1C1816, 0x78321E),
        List.of(
            Artist.undated("Artist", "Amasis Painter"),
            Artist.undated("Artist", "Achilles Painter"),
            Artist.undated("Artist", "Berlin Painter")),
        List.of(),
        "");
  }

  private static CultureGroup european() {
    return new CultureGroup(
        "european",
        CultureRole.EXCLUDED,
        weighted("European", 10, "european", 1),
        List.of(
            ObjectKind.of(
                ESDA,
                "Horology",
                "Watch",
                List.of("Watch", "Pair-cased watch"),
                List.of("Gold, enamel, brass"),
                List.of("")),
            ObjectKind.of(
                ESDA,
                "Textiles-Laces",
                "Fragment",
                List.of("Lace fragment", "Border"),
                List.of("Linen, bobbin lace"),
                List.of(""))),
        1500,
        1900,
        year -> PeriodNames.NONE,
        null,
        null,
        List.of(),
        List.of(),
        "");
  }

  private static CultureGroup ambiguous() {
    return new CultureGroup(
        "",
        CultureRole.AMBIGUOUS,
        weighted(
            "French or Italian", 5, "German or Austrian", 3, "Chinese or Japanese", 2, "Flemish or French", 2,
            "Italian or Spanish", 2),
        List.of(
            ObjectKind.of(
                ESDA,
                "Sculpture",
                "Relief",
                List.of("Relief with the Virgin and Child", "Plaquette"),
                List.of("Bronze", "Marble"),
                List.of("Virgin Mary|Jesus"))),
        1500,
        1900,
        year -> PeriodNames.NONE,
        null,
        null,
        List.of(),
        List.of(),
        "");
  }

  private static CultureGroup blank() {
    return new CultureGroup(
        "",
        CultureRole.BLANK,
        List.of(""),
        List.of(
            ObjectKind.of(
                "European Paintings",
                "Paintings",
                "Painting",
                List.of("Portrait of a Man", "Still Life with Flowers", "Landscape with a River"),
                List.of("Oil on canvas", "Oil on wood"),
                List.of("Portraits|Men", "Flowers", "Landscapes"))),
        1500,
        1900,
        year -> PeriodNames.NONE,
        null,
        null,
        List.of(),
        List.of("Dutch", "Flemish", "British", "Spanish", "French", "Italian", " "),
        "");
  }

  private static List<CultureGroup> rare() {
    CultureGroup egyptian =
        new CultureGroup(
            "egyptian",
            CultureRole.RARE,
            List.of("Egyptian"),
            List.of(
                ObjectKind.of(
                    "Egyptian Art",
                    "Stone-Sculpture",
                    "Statuette",
                    List.of("Statuette of a Standing Official", "Head of a King"),
                    List.of("Limestone", "Quartzite"),
                    List.of("Men"))),
            -2050,
            -1800,
            year -> new PeriodNames("Middle Kingdom", "Dynasty 12", ""),
            null,
            null,
            List.of(),
            List.of(),
            "Egypt");
    CultureGroup iranian =
        new CultureGroup(
            "iranian",
            CultureRole.RARE,
            weighted("Iran", 3, "Iran, Isfahan", 1),
            List.of(
                ObjectKind.of(
                    "Islamic Art",
                    "Ceramics",
                    "Bowl",
                    List.of("Bowl", "Dish with Floral Design"),
                    List.of("Stonepaste; painted in blue under transparent glaze"),
                    List.of("Flowers"))),
            1550,
            1850,
            year -> PeriodNames.NONE,
            null,
            null,
            List.of(),
            List.of(),
            "Iran");
    CultureGroup peruvian =
        new CultureGroup(
            "peruvian",
            CultureRole.RARE,
            weighted("Peru", 2, "Peru; north coast (?)", 1),
            List.of(
                ObjectKind.of(
                    "Arts of Africa, Oceania, and the Americas",
                    "Ceramics-Containers",
                    "Vessel",
                    List.of("Stirrup Spout Bottle", "Portrait Vessel"),
                    List.of("Ceramic, pigment"),
                    List.of(""))),
            1500,
            1800,
            year -> PeriodNames.NONE,
            null,
            null,
            List.of(),
            List.of(),
            "Peru");
    CultureGroup dutch =
        new CultureGroup(
            "dutch",
            CultureRole.RARE,
            weighted("Dutch", 3, "Dutch, Delft", 2),
            List.of(
                ObjectKind.of(
                    ESDA,
                    "Ceramics-Pottery",
                    "Tile",
                    List.of("Tile", "Plate"),
                    List.of("Tin-glazed earthenware (Delftware)"),
                    List.of(""))),
            1600,
            1800,
            year -> PeriodNames.NONE,
            null,
            null,
            List.of(),
            List.of(),
            "");
    return List.of(egyptian, iranian, peruvian, dutch);
  }

  /** A list holding each value as often as its weight: {@code weighted("a", 2, "b", 1)}. */
  private static List<String> weighted(Object... valuesAndWeights) {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < valuesAndWeights.length; i += 2) {
      String value = (String) valuesAndWeights[i];
      int weight = (Integer) valuesAndWeights[i + 1];
      for (int k = 0; k < weight; k++) {
        list.add(value);
      }
    }
    return List.copyOf(list);
  }
}
