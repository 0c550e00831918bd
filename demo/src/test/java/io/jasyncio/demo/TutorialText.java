package io.jasyncio.demo;

import java.util.ArrayList;
import java.util.List;

/** What the tutorial prints for each section, copied from its text: the tests' expectations. */
final class TutorialText {
  private TutorialText() {}

  /** {@code main([reading_book(), checking_whatsapp()])}, run sequentially. */
  static final List<String> SEQUENTIAL = List.of(
      "reading page 1",
      "reading page 2",
      "reading page 3",
      "reading page 4",
      "reading new message 1",
      "reading new message 2",
      "reading new message 3",
      "reading new message 4");

  /** {@code main([reading_book_concur(), checking_whatsapp_concur()])}, the round robin. */
  static final List<String> GENERATORS = List.of(
      "reading page 1",
      "reading new message 1",
      "reading page 2",
      "reading new message 2",
      "reading page 3",
      "reading new message 3",
      "reading page 4",
      "reading new message 4");

  /** {@code await main([reading_book(), checking_whatsapp()])} with {@code asyncio.gather}. */
  static final List<String> GATHER = List.of(
      "reading page 1",
      "reading new message 1",
      "reading page 2",
      "reading new message 2",
      "reading page 3",
      "reading new message 3",
      "reading page 4",
      "reading new message 4");

  /** {@code await main([boiling_water(), reading_book(), checking_whatsapp()])}. */
  static final List<String> BOILING = concat(
      List.of("boiling for 1 sec"), GATHER, List.of("boiling for 3 sec", "boiling for 5 sec"));

  /** The lines of {@code parts}, one after the other. */
  @SafeVarargs
  static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }
}
