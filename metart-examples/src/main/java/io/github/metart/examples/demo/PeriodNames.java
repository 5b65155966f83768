package io.github.metart.examples.demo;

/**
 * The Period, Dynasty and Reign columns of one row (each may be empty).
 *
 * @param period e.g. {@code Edo period (1615–1868)}
 * @param dynasty e.g. {@code Dynasty 12}
 * @param reign e.g. {@code Kangxi period (1662–1722)}
 */
record PeriodNames(String period, String dynasty, String reign) {

  static final PeriodNames NONE = new PeriodNames("", "", "");

  static PeriodNames period(String period) {
    return new PeriodNames(period, "", "");
  }
}
