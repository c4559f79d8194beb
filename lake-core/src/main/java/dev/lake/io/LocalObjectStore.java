package dev.lake.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code file://} object store. Writes go to a hidden temporary file beside the target and are renamed into
 * place atomically on commit, so readers never see a partial file. Staged writes go to a hidden
 * {@code .<name>.staged} file beside the target and are published with a hard link (which fails rather than replace
 * an existing file) and an unlink.
 */
final class LocalObjectStore implements ObjectStore {
  static final LocalObjectStore INSTANCE = new LocalObjectStore();
  private static final String STAGED = ".staged";
  static final String STAGED_NAME = "staged";

  private LocalObjectStore() {}

  static Path path(URI uri) {
    return Path.of(uri);
  }

  @Override
  public Optional<Path> localPath(URI uri) {
    return Optional.of(path(uri));
  }

  @Override
  public InputStream open(URI uri) throws IOException {
    try {
      return Files.newInputStream(path(uri));
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException("No such object: " + uri);
    }
  }

  @Override
  public InputStream open(URI uri, long offset, long length) throws IOException {
    FileChannel channel = FileChannel.open(path(uri), StandardOpenOption.READ);
    channel.position(offset);
    InputStream in = Channels.newInputStream(channel);
    return new InputStream() {
      private long remaining = length;

      @Override
      public int read() throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        int b = in.read();
        if (b >= 0) {
          remaining--;
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        int n = in.read(buf, off, (int) Math.min(len, remaining));
        if (n > 0) {
          remaining -= n;
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  @Override
  public Optional<ObjectInfo> stat(URI uri) throws IOException {
    Path p = path(uri);
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
    return Optional.of(ObjectInfo.of(p.toUri(), attrs.size(), attrs.lastModifiedTime().toInstant()));
  }

  @Override
  public List<ObjectInfo> list(URI prefix, boolean recursive) throws IOException {
    Path dir = path(prefix);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<ObjectInfo> out = new ArrayList<>();
    for (Entry e : entries(dir, recursive)) {
      if (!unpublished(e.path().getFileName().toString())) { // not an unfinished or staged write
        out.add(ObjectInfo.of(e.path().toUri(), e.attrs().size(), e.attrs().lastModifiedTime().toInstant()));
      }
    }
    out.sort(Comparator.comparing(o -> o.uri().toString()));
    return out;
  }

  @Override
  public ObjectWriter newWriter(URI uri) throws IOException {
    Path target = path(uri);
    Files.createDirectories(target.getParent());
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    return new LocalWriter(target, temp);
  }

  private static boolean unpublished(String name) {
    return name.startsWith(".") && (name.contains(".tmp-") || name.endsWith(STAGED));
  }

  /** The target name an unpublished file was written for: {@code .a.parquet.staged} or {@code .a.parquet.tmp-<id>}. */
  private static String targetName(String name) {
    String bare = name.substring(1);
    return bare.endsWith(STAGED) ? bare.substring(0, bare.length() - STAGED.length())
        : bare.substring(0, bare.lastIndexOf(".tmp-"));
  }

  @Override
  public ObjectWriter newStagedWriter(URI uri) throws IOException {
    Path target = path(uri);
    Files.createDirectories(target.getParent());
    Path staged = target.resolveSibling("." + target.getFileName() + STAGED);
    return new LocalWriter(target, staged, true);
  }

  @Override
  public void publish(StagedObject staged) throws IOException {
    Path target = path(staged.target());
    Path hidden = target.resolveSibling(staged.token().get(STAGED_NAME));
    linkThenUnlink(hidden, target, staged.bytes());
  }

  @Override
  public void discard(StagedObject staged) throws IOException {
    Path target = path(staged.target());
    Files.deleteIfExists(target.resolveSibling(staged.token().get(STAGED_NAME)));
  }

  @Override
  public void move(URI from, URI to) throws IOException {
    Path target = path(to);
    Files.createDirectories(target.getParent());
    linkThenUnlink(path(from), target, -1);
  }

  /**
   * Puts {@code source} at {@code target} without ever replacing another file there: a hard link (which fails if the
   * target exists) then an unlink of the source. Done already when the source is gone and the target exists (with
   * {@code bytes} bytes, when known).
   */
  private static void linkThenUnlink(Path source, Path target, long bytes) throws IOException {
    try {
      Files.createLink(target, source);
    } catch (FileAlreadyExistsException e) {
      if (Files.exists(source) && !Files.isSameFile(source, target)) {
        throw new FileAlreadyExistsException(target.toString(), source.toString(),
            "another file already exists where a staged file was to be published");
      }
    } catch (NoSuchFileException e) {
      if (!Files.isRegularFile(target) || (bytes >= 0 && Files.size(target) != bytes)) {
        throw new FileNotFoundException("Cannot publish " + target + ": its staged file " + source.getFileName()
            + " is gone and it was never published");
      }
      return; // published before
    } catch (UnsupportedOperationException e) {
      if (!Files.exists(target)) {
        Files.move(source, target); // no hard links here: not replacing, checked just before
      }
      return;
    }
    Files.deleteIfExists(source);
  }

  @Override
  public List<ObjectInfo> listUnpublished(URI prefix) throws IOException {
    Path dir = path(prefix);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<ObjectInfo> out = new ArrayList<>();
    for (Entry e : entries(dir, true)) {
      String name = e.path().getFileName().toString();
      if (unpublished(name)) {
        out.add(ObjectInfo.of(e.path().resolveSibling(targetName(name)).toUri(), e.attrs().size(),
            e.attrs().lastModifiedTime().toInstant()));
      }
    }
    out.sort(Comparator.comparing(o -> o.uri().toString()));
    return out;
  }

  @Override
  public boolean createIfAbsent(URI uri, byte[] content) throws IOException {
    Path target = path(uri);
    Files.createDirectories(target.getParent());
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    Files.write(temp, content);
    try {
      // A hard link fails if the target exists: an atomic create-if-absent with the full content in place.
      Files.createLink(target, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException e) {
      try {
        Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException exists) {
        return false;
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public void abortIncompleteWrites(URI prefix, java.time.Instant startedBefore) throws IOException {
    abortIncompleteWrites(prefix, startedBefore, "");
  }

  /**
   * Deletes temporary files ({@code .<name>.tmp-<id>}) and staged files ({@code .<name>.staged}) of writes to names
   * starting with the prefix.
   */
  @Override
  public void abortIncompleteWrites(URI prefix, java.time.Instant startedBefore, String fileNamePrefix)
      throws IOException {
    Path dir = path(prefix);
    if (!Files.isDirectory(dir)) {
      return;
    }
    for (Entry e : entries(dir, true)) {
      String name = e.path().getFileName().toString();
      if (name.startsWith("." + fileNamePrefix) && unpublished(name)
          && e.attrs().lastModifiedTime().toInstant().isBefore(startedBefore)) {
        Files.deleteIfExists(e.path());
      }
    }
  }

  private record Entry(Path path, BasicFileAttributes attrs) {}

  /**
   * The regular files under {@code dir} (or in it), with their attributes. Another run may publish or discard files
   * here at the same moment (one rolling a committed entry forward while its own run publishes it): a file or
   * directory gone between listing and looking is skipped, never an error.
   */
  private static List<Entry> entries(Path dir, boolean recursive) throws IOException {
    List<Entry> out = new ArrayList<>();
    Files.walkFileTree(dir, java.util.Set.of(), recursive ? Integer.MAX_VALUE : 1,
        new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
              out.add(new Entry(p, attrs));
            }
            return java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return java.nio.file.FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
    return out;
  }

  @Override
  public void delete(URI uri) throws IOException {
    Files.deleteIfExists(path(uri));
  }

  @Override
  public String toString() {
    return "LocalObjectStore";
  }

  /** Local files need no AWS permission. */
  @Override
  public dev.lake.iam.IamPolicy permissions(URI location, java.util.Set<dev.lake.iam.Access> access,
      dev.lake.iam.IamScope scope) {
    return dev.lake.iam.IamPolicy.empty();
  }
}
