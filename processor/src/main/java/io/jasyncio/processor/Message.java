package io.jasyncio.processor;

import java.util.Objects;

/**
 * One diagnostic's tag and text, made only by a factory of {@link Messages}, so a tag always
 * comes with its own text.
 */
public final class Message {
  private final String tag;
  private final String text;

  Message(String tag, String text) {
    this.tag = Objects.requireNonNull(tag);
    this.text = Objects.requireNonNull(text);
  }

  /** The stable tag, as in {@code [jasyncio/Tag]}; tests check it. */
  public String tag() {
    return tag;
  }

  /** The sentence: what is wrong in the user's terms, a semicolon, then the fix. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Message m && tag.equals(m.tag) && text.equals(m.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tag, text);
  }

  /** The text javac prints: {@code [jasyncio/Tag] text}. */
  @Override
  public String toString() {
    return "[jasyncio/" + tag + "] " + text;
  }
}
