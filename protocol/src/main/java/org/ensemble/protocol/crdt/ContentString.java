package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.List;

/**
 * Text. Lengths count UTF-16 code units, as in JavaScript. Typing appends one character at a time
 * and merges it into the previous item, so appends go to a builder instead of copying the string.
 */
final class ContentString implements Content {
  private String str;
  private StringBuilder appended;

  ContentString(String str) {
    this.str = str;
  }

  String str() {
    if (appended != null) {
      str = appended.toString();
      appended = null;
    }
    return str;
  }

  @Override
  public int length() {
    return appended != null ? appended.length() : str.length();
  }

  @Override
  public List<Object> getContent() {
    String s = str();
    List<Object> chars = new ArrayList<>(s.length());
    for (int i = 0; i < s.length(); i++) {
      chars.add(String.valueOf(s.charAt(i)));
    }
    return chars;
  }

  @Override
  public boolean isCountable() {
    return true;
  }

  @Override
  public Content copy() {
    return new ContentString(str());
  }

  @Override
  public Content splice(int offset) {
    String s = str();
    String leftPart = s.substring(0, offset);
    String rightPart = s.substring(offset);
    // A surrogate pair cut in two would make the document unencodable: both halves become U+FFFD.
    char last = leftPart.charAt(offset - 1);
    if (last >= 0xD800 && last <= 0xDBFF) {
      leftPart = leftPart.substring(0, offset - 1) + '\uFFFD';
      rightPart = '\uFFFD' + rightPart.substring(1);
    }
    str = leftPart;
    return new ContentString(rightPart);
  }

  @Override
  public boolean mergeWith(Content right) {
    if (appended == null) {
      appended = new StringBuilder(str.length() + 16).append(str);
      str = null;
    }
    ContentString r = (ContentString) right;
    if (r.appended != null) {
      appended.append(r.appended);
    } else {
      appended.append(r.str);
    }
    return true;
  }

  @Override
  public void integrate(Transaction transaction, Item item) {}

  @Override
  public void delete(Transaction transaction) {}

  @Override
  public void gc(StructStore store) {}

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    if (appended != null) {
      // A transaction writes the characters it just typed, which merged into a long run: take the
      // tail without turning the whole run into a string on every keystroke.
      encoder.writeString(appended.substring(offset));
    } else {
      encoder.writeString(offset == 0 ? str : str.substring(offset));
    }
  }

  @Override
  public int ref() {
    return WireFormat.CONTENT_STRING;
  }

  static ContentString read(UpdateDecoder decoder) {
    return new ContentString(decoder.readString());
  }

  @Override
  public String toString() {
    return "String(" + str() + ")";
  }
}
