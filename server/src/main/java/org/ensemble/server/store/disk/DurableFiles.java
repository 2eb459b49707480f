package org.ensemble.server.store.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The few file operations whose durability the stores rely on. A rename or a new file is durable only
 * once its directory is fsynced, and a file's content only once the file is; each helper here does
 * both halves in the order that keeps a crash at any point harmless.
 */
final class DurableFiles {
  private DurableFiles() {}

  /** Makes the creation, rename or removal of names in {@code directory} durable. */
  static void syncDirectory(Path directory) throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }

  /**
   * Writes {@code content} to {@code temp}, fsyncs it and renames it over {@code target}: a crash
   * leaves the old target or the new, never a mix. The caller fsyncs the directory (once for several
   * files, or in the order it needs).
   */
  static void writeAndRename(Path temp, Path target, ByteBuffer content) throws IOException {
    writeSynced(temp, content);
    rename(temp, target);
  }

  /** Creates or overwrites {@code file} with {@code content} and fsyncs it (not its directory). */
  static void writeSynced(Path file, ByteBuffer content) throws IOException {
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      writeFully(out, content, 0);
      out.force(true);
    }
  }

  /** An atomic rename that replaces {@code target} (rename(2) on POSIX). */
  static void rename(Path source, Path target) throws IOException {
    Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Writes all of {@code content} at {@code position}; FileChannel may write less per call. */
  static void writeFully(FileChannel channel, ByteBuffer content, long position) throws IOException {
    long at = position;
    while (content.hasRemaining()) {
      at += channel.write(content, at);
    }
  }

  /**
   * Removes the files in {@code directory} whose names end in {@code suffix}: temp files that a crash
   * left before they were renamed into place, and that nothing will ever read.
   */
  static void removeLeftovers(Path directory, String suffix) throws IOException {
    boolean removed = false;
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.getFileName().toString().endsWith(suffix)) {
          removed |= Files.deleteIfExists(file);
        }
      }
    }
    if (removed) {
      syncDirectory(directory);
    }
  }
}
