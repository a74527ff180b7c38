package io.paycron.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The embedded SQLite database serves one process only: the scheduler of a second process would
 * claim the same rows without the row locks PostgreSQL gives. An OS file lock beside the database
 * makes a second process refuse to start; the OS releases it when the process dies.
 */
final class SingleNodeLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private SingleNodeLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static SingleNodeLock acquire(Path databaseFile) {
    Path lockFile = databaseFile.resolveSibling(databaseFile.getFileName() + ".lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return new SingleNodeLock(channel, lock);
      }
    } catch (OverlappingFileLockException e) {
      // held by this same JVM: as much "in use" as another process holding it
    } catch (IOException e) {
      throw new StartupRefusedException(
          "cannot lock " + lockFile + ": " + e.getMessage(),
          "Check that PAYCRON_DATA points to a writable folder.");
    }
    closeQuietly(channel);
    throw new StartupRefusedException(
        "the embedded database " + databaseFile + " is already in use by another Paycron process.",
        "Stop the other process, or give this one its own PAYCRON_DATA folder. To run several"
            + " nodes on one database, use PostgreSQL (set PAYCRON_DB_URL).");
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing to release
      }
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
