package io.github.metart.data.dates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectDatesTest {

  @ParameterizedTest(name = "{0} -> {1}..{2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1785                                    | 1785  | 1785
          ca. 1785                                | 1780  | 1790
          Ca. 1820                                | 1815  | 1825
          ca.1850                                 | 1845  | 1855
          ca 1820                                 | 1815  | 1825
          about 1450                              | 1445  | 1455
          1909–27                                 | 1909  | 1927
          1860–70                                 | 1860  | 1870
          1501–2                                  | 1501  | 1502
          1895-05                                 | 1895  | 1905
          ca. 1505–08                             | 1505  | 1508
          1790 - 1800                             | 1790  | 1800
          ca. 1680-1695                           | 1680  | 1695
          ca. 1797–1805                           | 1797  | 1805
          ca. 1150–ca. 1250                       | 1150  | 1250
          1757/58                                 | 1757  | 1758
          1850s                                   | 1850  | 1859
          ca. 1860s                               | 1860  | 1869
          early 1480s                             | 1480  | 1482
          mid-1430s                               | 1433  | 1436
          late 1660s                              | 1667  | 1669
          700s                                    | 700   | 799
          1700s                                   | 1700  | 1799
          mid-900s                                | 933   | 966
          18th century                            | 1700  | 1799
          12th Century                            | 1100  | 1199
          20th century                            | 1900  | 1999
          1st century CE                          | 1     | 99
          1st century BCE                         | -99   | -1
          5th century BCE                         | -499  | -400
          late 18th century                       | 1767  | 1799
          early 18th century                      | 1700  | 1732
          mid-18th century                        | 1733  | 1766
          Early 19th century                      | 1800  | 1832
          first half of the 19th century          | 1800  | 1849
          Second half of the 19th century         | 1850  | 1899
          2nd half of 7th century BCE             | -649  | -600
          third quarter 16th century              | 1550  | 1574
          last quarter 18th century               | 1775  | 1799
          1st quarter of the 5th century BCE      | -499  | -475
          first third of the 17th century         | 1600  | 1632
          last decade of the 1st century BCE      | -10   | -1
          ca. middle of the 6th century           | 533   | 566
          18th–19th century                       | 1700  | 1899
          11th–12th century                       | 1000  | 1199
          3rd–2nd century BCE                     | -299  | -100
          1st century BCE–1st century CE          | -99   | 99
          late 1st century BCE–early 1st century CE | -33 | 33
          late 18th–early 19th century            | 1767  | 1832
          19th–early 20th century                 | 1800  | 1932
          2nd–mid-1st century BCE                 | -199  | -34
          15th–first half 20th century            | 1400  | 1949
          end of 1st century BCE–beginning of 1st century CE | -33 | 33
          3rd–2nd millennium BCE                  | -3000 | -1000
          1st millennium BCE                      | -1000 | -1
          early 1st millennium BCE                | -1000 | -751
          late 1st millennium BCE                 | -250  | -1
          mid-1st millennium BCE                  | -625  | -376
          early 2nd millennium                    | 1000  | 1249
          ca. 2000–1500 B.C.                      | -2000 | -1500
          ca. 1390–1352 B.C.                      | -1390 | -1352
          ca. 330–70 BCE                          | -330  | -70
          ca. 530 BCE                             | -535  | -525
          2nd century B. C.                       | -199  | -100
          A.D. 100–200                            | 100   | 200
          A.D. 190–210                            | 190   | 210
          100 BC–200 AD?                          | -100  | 200
          27 BCE–68 CE                            | -27   | 68
          14–68 CE                                | 14    | 68
          ca. 10th−9th century BCE                | -999  | -800
          ca. late 1st century BCE‒early 2nd century CE | -33 | 132
          1st or 2nd century CE                   | 1     | 199
          15th or 16th century                    | 1400  | 1599
          late 15th or early 16th century         | 1467  | 1532
          1473 or 1483                            | 1473  | 1483
          1852, 1857, or 1863                     | 1852  | 1863
          early or mid-1630s                      | 1630  | 1636
          mid- or late 1660s                      | 1663  | 1669
          early to mid-18th century               | 1700  | 1766
          mid-late 18th century                   | 1733  | 1799
          mid-to late 19th century                | 1833  | 1899
          dated 1750                              | 1750  | 1750
          dated  A.H. 1204/1789 CE                | 1789  | 1789
          A.H. 931/1524–25 CE                     | 1524  | 1525
          A.H. 706/ A.D 1306–7                    | 1306  | 1307
          A.H. 1204                               | 1789  | 1790
          hallmarked for 1797–98                  | 1797  | 1798
          datable to 1698                         | 1698  | 1698
          Dated by inscription 1733               | 1733  | 1733
          June 1889                               | 1889  | 1889
          spring/summer 2016                      | 2016  | 2016
          after 1790                              | 1790  | 1815
          before 1800                             | 1775  | 1800
          by 1853                                 | 1828  | 1853
          shortly after 1553                      | 1553  | 1563
          ca. 1720 or later                       | 1715  | 1750
          17th century or later                   | 1600  | 1799
          second half 18th century or later       | 1750  | 1849
          19th century or earlier                 | 1775  | 1899
          mid 19th–19th century                   | 1833  | 1899
          mid-June 1889                           | 1889  | 1889
          made between early March and end of April 1803 | 1803 | 1803
          ca. 1425–before ca. 1467                | 1425  | 1467
          probably 1791                           | 1791  | 1791
          possibly 19th or first half 20th century | 1800 | 1949
          19th century (?)                        | 1800  | 1899
          1494(?)                                 | 1494  | 1494
          ?1879                                   | 1879  | 1879
          1774?–89                                | 1774  | 1789
          19th cenutry                            | 1800  | 1899
          2rd–7nd century                         | 100   | 699
          Early sixteenth century                 | 1500  | 1532
          A.D. 1922; original ca. 1295–1213 B.C.  | -1295 | -1213
          probably 1914–15; original ca. 1353–1336 B.C. | -1353 | -1336
          1477 (printing); 1478 (binding)         | 1477  | 1478
          recto: ca. 1645; verso: ca. 1630–40     | 1630  | 1650
          1748/49, miniatures 1767                | 1748  | 1767
          modeled 1880 or 1881, cast 1910         | 1880  | 1910
          modeled 1915, cast probably before 1950 | 1915  | 1950
          model finished in 1864, cast date unknown | 1864 | 1864
          porcelain ca. 1740–45, mounts 1745–49   | 1740  | 1749
          13th century, second half               | 1250  | 1299
          19th century (12th century style)       | 1800  | 1899
          19th century (before 1869)              | 1800  | 1869
          late 14th–early 15th century (before 1405) | 1367 | 1405
          500–550, with modern restoration        | 500   | 550
          15th century with modern restorations   | 1400  | 1499
          ca. 1650, reworked probably 18th century | 1645 | 1655
          ca. 1760, decorated later               | 1755  | 1765
          19th–20th century copy after third quarter 16th century (possibly 1560) | 1800 | 1999
          probably 19th century in imitation of 18th century mode | 1800 | 1899
          dated 524 (5th year of Zhengguang reign) | 524  | 524
          carved 1000s, assembled 1100s or 1200s  | 1000  | 1299
          10,000 BCE                              | -10000 | -10000
          """)
  void readsTheForms(String text, int begin, int end) {
    assertThat(ObjectDates.parse(text)).as(text).contains(YearRange.of(begin, end));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "n. d.",
        "n.d.a.",
        "unknown",
        "Date unknown",
        "undated",
        "mid-16th or mid-19th century",
        "late 16th century or second quarter 19th century",
        "ca. 1520 or modern",
        "before 16th century",
        "177(3?)",
        "186[3?]",
        "1860–1850",
        "early 1785",
        "2300",
        "23rd century",
        "17th century (?) and something odd 1750",
        "Venice",
        "various dates"
      })
  void emptyRatherThanAGuess(String text) {
    assertThat(ObjectDates.parse(text)).as("'%s'", text).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ca. 1785", "18th century", "3rd–2nd century BCE", "1850s", "A.H. 1204"})
  void alwaysOrdered(String text) {
    YearRange range = ObjectDates.parse(text).orElseThrow();
    assertThat(range.begin()).isLessThanOrEqualTo(range.end());
  }
}
