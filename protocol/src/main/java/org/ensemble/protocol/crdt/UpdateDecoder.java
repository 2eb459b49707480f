package org.ensemble.protocol.crdt;

/** Reads the fields of structs; the mirror image of {@link UpdateEncoder}. */
interface UpdateDecoder extends DSDecoder {
  ID readLeftId();

  ID readRightId();

  long readClient();

  int readInfo();

  String readString();

  boolean readParentInfo();

  int readTypeRef();

  int readLen();

  Object readAny();

  byte[] readBuf();

  Object readJson();

  String readKey();
}
