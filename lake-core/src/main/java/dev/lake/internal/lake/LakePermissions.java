package dev.lake.internal.lake;

import dev.lake.iam.Access;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the lake's own files need, zone by zone, mirroring what {@link ManifestStore}, {@link StateLog},
 * {@link PendingMarkers}, {@link DatasetCommit}, {@link Leftovers}, {@link LakeSinkWriter} and the runner do (keep
 * them in step):
 * <ul>
 *   <li>a dataset written: its directory (staged writes and their publication, read to tell a publication already
 *   done, discard dead runs' staged files: no listing, staged files are found as uploads) and
 *   {@code _lake/manifests/<dataset>/} (list, read, create-if-absent only: no overwrite, no delete, so committed
 *   history cannot be rewritten), its {@code _pending/} markers (list, write, delete), the conditional-create probe
 *   under {@code _lake/probes/} (create, delete), and {@code _lake/retired/<dataset>/}, where replaced files are moved (write, read); a coalescing sink's scratch
 *   directory {@code _lake/scratch/<dataset>/} (write, read, delete);</li>
 *   <li>a dataset read: list and read its manifests, read its files;</li>
 *   <li>the pipeline: its state log {@code _lake/state/<pipeline>/} (list, read, conditional create of the next
 *   entry, delete of entries past retention) and the cursor file of Lake before the state log
 *   ({@code _lake/state/<pipeline>.json}, read after listing {@code _lake/state/}); write
 *   {@code _lake/runs/<pipeline>/}; the rejected zone's dataset when bad rows go there.</li>
 * </ul>
 *
 * <pre>{@code
 * IamPolicy p = LakePermissions.write(lake, "processed/sales", IamScope.unknown());
 * }</pre>
 */
public final class LakePermissions {
  /**
   * Where a store checks once that it honours conditional creates (S3's If-None-Match probe), then deletes its probe
   * object: outside every manifest directory, so no role needs to delete anything there.
   */
  public static final String PROBES = "_lake/probes/";

  private LakePermissions() {}

  /** Writing and committing {@code dataset} (a path such as {@code processed/sales}). */
  public static IamPolicy write(LakeRoot lake, String dataset, IamScope scope) {
    return grant(lake, dataset + "/", EnumSet.of(Access.WRITE, Access.READ, Access.DELETE, Access.CLEAN_UP), scope)
        .and(grant(lake, manifests(dataset), EnumSet.of(Access.READ, Access.LIST, Access.CREATE), scope))
        .and(grant(lake, manifests(dataset) + "_pending/", EnumSet.of(Access.LIST, Access.WRITE, Access.DELETE),
            scope))
        .and(grant(lake, PROBES, EnumSet.of(Access.CREATE, Access.DELETE), scope))
        .and(grant(lake, "_lake/retired/" + dataset + "/", EnumSet.of(Access.WRITE, Access.READ), scope));
  }

  /** A coalescing sink's scratch directory, where its writers' files wait to be merged ({@link RunCoalescer}). */
  public static IamPolicy scratch(LakeRoot lake, String dataset, IamScope scope) {
    return grant(lake, "_lake/scratch/" + dataset + "/", EnumSet.of(Access.WRITE, Access.READ, Access.DELETE),
        scope);
  }

  /**
   * Reading the committed rows of {@code dataset}, also files a newer version replaced while the read went on (they
   * wait under {@code _lake/retired/<dataset>/}).
   */
  public static IamPolicy read(LakeRoot lake, String dataset, IamScope scope) {
    return grant(lake, manifests(dataset), EnumSet.of(Access.READ, Access.LIST), scope)
        .and(grant(lake, dataset + "/", EnumSet.of(Access.READ), scope))
        .and(grant(lake, "_lake/retired/" + dataset + "/", EnumSet.of(Access.READ), scope));
  }

  /**
   * What a run of {@code pipeline} needs in its home lake besides its sinks: its state (every run commits there, with
   * or without cursors), run reports, and its rejected rows' dataset ({@code rejected/<name>}) when it has one (null:
   * bad rows do not go to the rejected zone).
   */
  public static IamPolicy home(LakeRoot lake, String pipeline, String rejectedDataset, IamScope scope) {
    IamPolicy policy = grant(lake, "_lake/state/", EnumSet.of(Access.LIST), scope)
        .and(grant(lake, "_lake/state/" + pipeline + ".json", EnumSet.of(Access.READ), scope))
        .and(grant(lake, "_lake/state/" + pipeline + "/", EnumSet.of(Access.LIST, Access.READ, Access.WRITE,
            Access.DELETE), scope))
        .and(grant(lake, "_lake/runs/" + pipeline + "/", EnumSet.of(Access.WRITE), scope));
    if (rejectedDataset != null) {
      policy = policy.and(write(lake, rejectedDataset, scope));
    }
    return policy;
  }

  private static String manifests(String dataset) {
    return "_lake/manifests/" + dataset + "/";
  }

  private static IamPolicy grant(LakeRoot lake, String relative, Set<Access> access, IamScope scope) {
    URI location = lake.uri(relative);
    return lake.store().permissions(location, access, scope);
  }
}
