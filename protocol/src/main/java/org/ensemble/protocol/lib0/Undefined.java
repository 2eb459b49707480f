package org.ensemble.protocol.lib0;

/**
 * JavaScript's {@code undefined}, which the lib0 {@code any} encoding keeps apart from {@code null}
 * (type bytes 127 and 126). Java's {@code null} stands for JavaScript's {@code null}.
 */
public enum Undefined {
  VALUE;

  @Override
  public String toString() {
    return "undefined";
  }
}
