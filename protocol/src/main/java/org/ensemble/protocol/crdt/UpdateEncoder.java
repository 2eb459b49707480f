package org.ensemble.protocol.crdt;

/**
 * Writes the fields of structs. Format v1 writes each field in place; format v2 sorts fields into
 * columns that compress well. Mirrored by {@link UpdateDecoder}.
 */
interface UpdateEncoder extends DSEncoder {
  void writeLeftId(ID id);

  void writeRightId(ID id);

  void writeClient(long client);

  void writeInfo(int info);

  void writeString(String s);

  void writeParentInfo(boolean isYKey);

  void writeTypeRef(int ref);

  void writeLen(int len);

  void writeAny(Object any);

  void writeBuf(byte[] buf);

  /** Formatting values and embeds: JSON text in v1, lib0 any in v2. */
  void writeJson(Object value);

  /** Formatting keys and XML node names. */
  void writeKey(String key);
}
