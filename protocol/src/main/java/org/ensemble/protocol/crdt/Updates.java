package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.Lib0Encoder;

/**
 * Functions on encoded updates that need no document (Yjs's {@code utils/updates.js}): merge several
 * updates into one, cut away what a peer already has, derive a state vector, read what an update
 * inserts and deletes, and convert between formats v1 and v2. Storage compaction and attribution use
 * them. Malformed input raises {@code DecodingException}.
 */
public final class Updates {
  private Updates() {}

  private static UpdateDecoder decoder(byte[] update, boolean v2) {
    Lib0Decoder in = new Lib0Decoder(update);
    return v2 ? new UpdateDecoderV2(in) : new UpdateDecoderV1(in);
  }

  private static UpdateEncoder encoder(boolean v2) {
    return v2 ? new UpdateEncoderV2() : new UpdateEncoderV1();
  }

  public static byte[] mergeUpdates(List<byte[]> updates) {
    return merge(updates, false);
  }

  public static byte[] mergeUpdatesV2(List<byte[]> updates) {
    return merge(updates, true);
  }

  /**
   * Merges updates into one that has the same effect as applying them all. Structs are sorted by
   * client (highest first) and clock; overlaps are cut; gaps become Skips.
   */
  private static byte[] merge(List<byte[]> updates, boolean v2) {
    if (updates.size() == 1) {
      return updates.get(0);
    }
    List<UpdateDecoder> updateDecoders = new ArrayList<>(updates.size());
    List<LazyStructReader> lazyStructDecoders = new ArrayList<>(updates.size());
    for (byte[] update : updates) {
      UpdateDecoder d = decoder(update, v2);
      updateDecoders.add(d);
      lazyStructDecoders.add(new LazyStructReader(d, v2, true));
    }
    // the struct being written, and how many of its clocks to leave out
    AbstractStruct currWrite = null;
    int currWriteOffset = 0;
    UpdateEncoder updateEncoder = encoder(v2);
    LazyStructWriter lazyStructEncoder = new LazyStructWriter(updateEncoder);
    while (true) {
      lazyStructDecoders.removeIf(dec -> dec.curr == null);
      lazyStructDecoders.sort((dec1, dec2) -> {
        if (dec1.curr.id.client == dec2.curr.id.client) {
          int clockDiff = Integer.compare(dec1.curr.id.clock, dec2.curr.id.clock);
          if (clockDiff == 0) {
            return dec1.curr.getClass() == dec2.curr.getClass() ? 0 : dec1.curr instanceof Skip ? 1 : -1;
          }
          return clockDiff;
        }
        return Long.compare(dec2.curr.id.client, dec1.curr.id.client);
      });
      if (lazyStructDecoders.isEmpty()) {
        break;
      }
      LazyStructReader currDecoder = lazyStructDecoders.get(0);
      long firstClient = currDecoder.curr.id.client;
      if (currWrite != null) {
        AbstractStruct curr = currDecoder.curr;
        boolean iterated = false;
        // skip what was already written: structs of the same client that end before currWrite ends
        while (curr != null && curr.id.clock + curr.length <= currWrite.id.clock + currWrite.length
            && curr.id.client >= currWrite.id.client) {
          curr = currDecoder.next();
          iterated = true;
        }
        if (curr == null // this decoder is empty
            || curr.id.client != firstClient // another decoder may have structs of firstClient
            || (iterated && curr.id.clock > currWrite.id.clock + currWrite.length)) { // maybe missing structs
          continue;
        }
        if (firstClient != currWrite.id.client) {
          lazyStructEncoder.write(currWrite, currWriteOffset);
          currWrite = curr;
          currWriteOffset = 0;
          currDecoder.next();
        } else if (currWrite.id.clock + currWrite.length < curr.id.clock) {
          // a gap: extend a Skip or write a new one
          if (currWrite instanceof Skip) {
            currWrite.length = curr.id.clock + curr.length - currWrite.id.clock;
          } else {
            lazyStructEncoder.write(currWrite, currWriteOffset);
            int diff = curr.id.clock - currWrite.id.clock - currWrite.length;
            currWrite = new Skip(new ID(firstClient, currWrite.id.clock + currWrite.length), diff);
            currWriteOffset = 0;
          }
        } else {
          int diff = currWrite.id.clock + currWrite.length - curr.id.clock;
          if (diff > 0) {
            if (currWrite instanceof Skip) {
              // prefer to slice the Skip because the other struct may contain more information
              currWrite.length -= diff;
            } else {
              curr = slice(curr, diff);
            }
          }
          if (!currWrite.mergeWith(curr)) {
            lazyStructEncoder.write(currWrite, currWriteOffset);
            currWrite = curr;
            currWriteOffset = 0;
            currDecoder.next();
          }
        }
      } else {
        currWrite = currDecoder.curr;
        currWriteOffset = 0;
        currDecoder.next();
      }
      for (AbstractStruct next = currDecoder.curr;
           next != null && next.id.client == firstClient
               && next.id.clock == currWrite.id.clock + currWrite.length && !(next instanceof Skip);
           next = currDecoder.next()) {
        lazyStructEncoder.write(currWrite, currWriteOffset);
        currWrite = next;
        currWriteOffset = 0;
      }
    }
    if (currWrite != null) {
      lazyStructEncoder.write(currWrite, currWriteOffset);
    }
    lazyStructEncoder.finish();
    List<DeleteSet> dss = new ArrayList<>(updateDecoders.size());
    for (UpdateDecoder d : updateDecoders) {
      dss.add(DeleteSet.read(d));
    }
    DeleteSet.merge(dss).write(updateEncoder);
    return updateEncoder.toByteArray();
  }

  /** The part of {@code left} from {@code diff} clocks on, as a struct of its own. */
  private static AbstractStruct slice(AbstractStruct left, int diff) {
    ID id = new ID(left.id.client, left.id.clock + diff);
    if (left instanceof GC) {
      return new GC(id, left.length - diff);
    }
    if (left instanceof Skip) {
      return new Skip(id, left.length - diff);
    }
    Item item = (Item) left;
    return new Item(id, null, new ID(left.id.client, left.id.clock + diff - 1), null, item.rightOrigin,
        item.parent, item.parentRef, item.parentSub, item.spliceContent(diff));
  }

  public static byte[] diffUpdate(byte[] update, byte[] stateVector) {
    return diff(update, stateVector, false);
  }

  public static byte[] diffUpdateV2(byte[] update, byte[] stateVector) {
    return diff(update, stateVector, true);
  }

  /** What {@code update} contains beyond the encoded state vector (delete set kept whole). */
  private static byte[] diff(byte[] update, byte[] sv, boolean v2) {
    StateVector state = StateVector.decode(sv);
    UpdateEncoder encoder = encoder(v2);
    LazyStructWriter writer = new LazyStructWriter(encoder);
    UpdateDecoder decoder = decoder(update, v2);
    LazyStructReader reader = new LazyStructReader(decoder, v2, false);
    while (reader.curr != null) {
      AbstractStruct curr = reader.curr;
      long currClient = curr.id.client;
      int svClock = state.get(currClient);
      if (curr instanceof Skip) {
        reader.next();
        continue;
      }
      if (curr.id.clock + curr.length > svClock) {
        writer.write(curr, Math.max(svClock - curr.id.clock, 0));
        reader.next();
        while (reader.curr != null && reader.curr.id.client == currClient) {
          writer.write(reader.curr, 0);
          reader.next();
        }
      } else {
        // read until something new comes up
        while (reader.curr != null && reader.curr.id.client == currClient
            && reader.curr.id.clock + reader.curr.length <= svClock) {
          reader.next();
        }
      }
    }
    writer.finish();
    DeleteSet.read(decoder).write(encoder);
    return encoder.toByteArray();
  }

  public static byte[] encodeStateVectorFromUpdate(byte[] update) {
    return stateVectorFromUpdate(update, false);
  }

  public static byte[] encodeStateVectorFromUpdateV2(byte[] update) {
    return stateVectorFromUpdate(update, true);
  }

  /**
   * The state vector a document would have after applying only this update: per client, the end of
   * the run of structs that starts at clock 0 without gaps.
   */
  private static byte[] stateVectorFromUpdate(byte[] update, boolean v2) {
    LazyStructReader reader = new LazyStructReader(decoder(update, v2), v2, false);
    Lib0Encoder pairs = new Lib0Encoder();
    int size = 0;
    AbstractStruct curr = reader.curr;
    if (curr != null) {
      long currClient = curr.id.client;
      boolean stopCounting = curr.id.clock != 0; // must start at 0
      int currClock = stopCounting ? 0 : curr.id.clock + curr.length;
      for (; curr != null; curr = reader.next()) {
        if (currClient != curr.id.client) {
          if (currClock != 0) {
            size++;
            pairs.writeVarUint(currClient);
            pairs.writeVarUint(currClock);
          }
          currClient = curr.id.client;
          currClock = 0;
          stopCounting = curr.id.clock != 0;
        }
        if (curr instanceof Skip) {
          stopCounting = true;
        }
        if (!stopCounting) {
          currClock = curr.id.clock + curr.length;
        }
      }
      if (currClock != 0) {
        size++;
        pairs.writeVarUint(currClient);
        pairs.writeVarUint(currClock);
      }
    }
    Lib0Encoder out = new Lib0Encoder();
    out.writeVarUint(size);
    out.writeEncoder(pairs);
    return out.toByteArray();
  }

  public static UpdateMeta parseUpdateMeta(byte[] update) {
    return meta(update, false);
  }

  public static UpdateMeta parseUpdateMetaV2(byte[] update) {
    return meta(update, true);
  }

  private static UpdateMeta meta(byte[] update, boolean v2) {
    StateVector from = new StateVector();
    StateVector to = new StateVector();
    LazyStructReader reader = new LazyStructReader(decoder(update, v2), v2, false);
    AbstractStruct curr = reader.curr;
    if (curr != null) {
      long currClient = curr.id.client;
      int currClock = curr.id.clock;
      from.set(currClient, currClock);
      for (; curr != null; curr = reader.next()) {
        if (currClient != curr.id.client) {
          to.set(currClient, currClock);
          from.set(curr.id.client, curr.id.clock);
          currClient = curr.id.client;
        }
        currClock = curr.id.clock + curr.length;
      }
      to.set(currClient, currClock);
    }
    return new UpdateMeta(from, to);
  }

  /** What a v1 update inserts (per client, the ranges of its structs) and deletes. */
  public static UpdateContents readContents(byte[] update) {
    return contents(update, false);
  }

  public static UpdateContents readContentsV2(byte[] update) {
    return contents(update, true);
  }

  private static UpdateContents contents(byte[] update, boolean v2) {
    UpdateDecoder decoder = decoder(update, v2);
    LazyStructReader reader = new LazyStructReader(decoder, v2, true);
    Map<Long, List<IdRange>> inserted = new TreeMap<>();
    for (AbstractStruct curr = reader.curr; curr != null; curr = reader.next()) {
      List<IdRange> ranges = inserted.computeIfAbsent(curr.id.client, c -> new ArrayList<>());
      IdRange last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
      if (last != null && last.end() == curr.id.clock) {
        ranges.set(ranges.size() - 1, new IdRange(last.clock(), last.length() + curr.length));
      } else {
        ranges.add(new IdRange(curr.id.clock, curr.length));
      }
    }
    DeleteSet ds = DeleteSet.read(decoder);
    return new UpdateContents(inserted, ds);
  }

  public static byte[] convertUpdateFormatV1ToV2(byte[] update) {
    return convert(update, false, true, UnaryOperator.identity());
  }

  public static byte[] convertUpdateFormatV2ToV1(byte[] update) {
    return convert(update, true, false, UnaryOperator.identity());
  }

  private static byte[] convert(byte[] update, boolean fromV2, boolean toV2, UnaryOperator<AbstractStruct> transform) {
    UpdateDecoder decoder = decoder(update, fromV2);
    LazyStructReader reader = new LazyStructReader(decoder, fromV2, false);
    UpdateEncoder encoder = encoder(toV2);
    LazyStructWriter writer = new LazyStructWriter(encoder);
    for (AbstractStruct curr = reader.curr; curr != null; curr = reader.next()) {
      writer.write(transform.apply(curr), 0);
    }
    writer.finish();
    DeleteSet.read(decoder).write(encoder);
    return encoder.toByteArray();
  }

  /** The delete set of an encoded v1 update. */
  public static DeleteSet readDeleteSet(byte[] update) {
    return readContents(update).deleted();
  }
}
