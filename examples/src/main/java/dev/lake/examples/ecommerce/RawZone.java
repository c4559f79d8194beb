package dev.lake.examples.ecommerce;

import dev.lake.Lake;
import dev.lake.io.ObjectInfo;
import dev.lake.io.ObjectStore;
import dev.lake.io.ObjectStores;
import dev.lake.io.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bulk path from a file in the lake: the Online Retail files are first landed, unchanged, in the raw zone
 * ({@code <lake>/raw/online_retail/}), which is also where the S3-triggered Lambda picks them up; the import then
 * reads the raw zone. A file already landed with the same size is not copied again.
 *
 * <pre>{@code
 * RawZone.Landing landed = RawZone.land(URI.create("file:///repo/data/"), lake);
 * OnlineRetail.pipeline(RawZone.files(lake), lake).run();
 * }</pre>
 */
public final class RawZone {
  /** The raw zone's folder for the daily files, relative to the lake root. */
  public static final String PREFIX = "raw/online_retail/";

  private RawZone() {}

  /**
   * What {@link #land} did: the files it copied, and those already in the raw zone with the same size (left as they
   * were).
   *
   * <pre>{@code
   * RawZone.Landing l = RawZone.land(data, lake);
   * System.out.println(l.summary(lake.uri(RawZone.PREFIX)));   // 0 files landed in file:/.../raw/online_retail/, ...
   * }</pre>
   */
  public record Landing(List<URI> copied, List<URI> alreadyThere) {
    public Landing {
      copied = List.copyOf(copied);
      alreadyThere = List.copyOf(alreadyThere);
    }

    /** "305 files landed in …" or "0 files landed in …; 305 already there with the same size, left as they were". */
    public String summary(URI zone) {
      return String.format("%,d files landed in %s%s", copied.size(), zone, alreadyThere.isEmpty() ? ""
          : String.format("; %,d already there with the same size, left as they were", alreadyThere.size()));
    }
  }

  /** Copies every {@code <data>/online_retail/by-day/*.csv*} file not already there into the raw zone. */
  public static Landing land(URI data, Lake lake) {
    URI from = URI.create(data + "online_retail/by-day/");
    ObjectStore in = ObjectStores.forUri(from);
    ObjectStore out = lake.store();
    List<URI> copied = new ArrayList<>();
    List<URI> alreadyThere = new ArrayList<>();
    try {
      for (ObjectInfo file : in.list(from, false)) {
        if (!file.fileName().contains(".csv")) {
          continue;
        }
        URI target = lake.uri(PREFIX + file.fileName());
        Optional<ObjectInfo> there = out.stat(target);
        if (there.isPresent() && there.get().size() == file.size()) {
          alreadyThere.add(target);
          continue;
        }
        try (InputStream src = in.open(file.uri()); ObjectWriter dst = out.newWriter(target)) {
          src.transferTo(dst);
          dst.commit();
        }
        copied.add(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot land " + from + " in " + lake.uri(PREFIX), e);
    }
    return new Landing(copied, alreadyThere);
  }

  /** Every CSV file in the raw zone, in name order. */
  public static List<URI> files(Lake lake) {
    try {
      return lake.store().list(lake.uri(PREFIX), false).stream().filter(f -> f.fileName().contains(".csv"))
          .map(ObjectInfo::uri).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + lake.uri(PREFIX), e);
    }
  }
}
