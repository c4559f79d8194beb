package dev.lake.internal.lake;

import dev.lake.BadRowPolicy;
import dev.lake.Lake;
import dev.lake.LakeSink;
import dev.lake.Pipeline;
import dev.lake.iam.Access;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.io.Sink;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the lake's own files need, zone by zone, mirroring what {@link ManifestStore}, {@link StateStore},
 * {@link LakeSinkWriter} and the runner do (keep them in step):
 * <ul>
 *   <li>a dataset written: its directory (write, list and delete for the post-commit clean-up, abort incomplete
 *   uploads) and {@code _lake/manifests/<dataset>/} (list, read, conditional create, delete of the probe object);
 *   reading its files too when the sink coalesces small files ({@link RunCoalescer});</li>
 *   <li>a dataset read: list and read its manifests, read its files;</li>
 *   <li>the pipeline: list {@code _lake/state/} and read its cursor file, write it when the source proposes cursors;
 *   write {@code _lake/runs/<pipeline>/}; the rejected zone's dataset when bad rows go there.</li>
 * </ul>
 *
 * <pre>{@code
 * IamPolicy p = LakePermissions.write(lake, "processed/sales", IamScope.unknown());
 * }</pre>
 */
public final class LakePermissions {
  private LakePermissions() {}

  /** Writing and committing {@code dataset} (a path such as {@code processed/sales}). */
  public static IamPolicy write(Lake lake, String dataset, IamScope scope) {
    return grant(lake, dataset + "/", EnumSet.of(Access.WRITE, Access.LIST, Access.DELETE, Access.CLEAN_UP), scope)
        .and(grant(lake, manifests(dataset), EnumSet.of(Access.READ, Access.LIST, Access.WRITE, Access.DELETE),
            scope));
  }

  /** Reading the files of {@code dataset} (a coalescing sink reads back what its writers wrote). */
  public static IamPolicy readFiles(Lake lake, String dataset, IamScope scope) {
    return grant(lake, dataset + "/", EnumSet.of(Access.READ), scope);
  }

  /** Reading the committed rows of {@code dataset}. */
  public static IamPolicy read(Lake lake, String dataset, IamScope scope) {
    return grant(lake, manifests(dataset), EnumSet.of(Access.READ, Access.LIST), scope)
        .and(grant(lake, dataset + "/", EnumSet.of(Access.READ), scope));
  }

  /** What a run of {@code pipeline} needs in its home lake besides its sinks: cursors, run reports, rejected rows. */
  public static IamPolicy home(Pipeline<?> pipeline, boolean writesCursors, IamScope scope) {
    Lake lake = pipeline.lake();
    if (lake == null) {
      return IamPolicy.empty();
    }
    String name = pipeline.name();
    Set<Access> state = writesCursors ? EnumSet.of(Access.READ, Access.WRITE) : EnumSet.of(Access.READ);
    IamPolicy policy = grant(lake, "_lake/state/", EnumSet.of(Access.LIST), scope)
        .and(grant(lake, "_lake/state/" + name + ".json", state, scope))
        .and(grant(lake, "_lake/runs/" + name + "/", EnumSet.of(Access.WRITE), scope));
    if (pipeline.badRowPolicy().mode() == BadRowPolicy.Mode.REJECTED_ZONE) {
      policy = policy.and(write(lake, "rejected/" + rejectedName(pipeline), scope));
    }
    return policy;
  }

  /** The rejected zone's dataset name, as the local runner picks it: the first lake sink's, else the pipeline's. */
  static String rejectedName(Pipeline<?> pipeline) {
    for (Sink<Object> s : pipeline.sinks()) {
      if (s instanceof LakeSink<?> ls) {
        String d = ls.dataset();
        return d.substring(d.lastIndexOf('/') + 1);
      }
    }
    return pipeline.name();
  }

  private static String manifests(String dataset) {
    return "_lake/manifests/" + dataset + "/";
  }

  private static IamPolicy grant(Lake lake, String relative, Set<Access> access, IamScope scope) {
    URI location = lake.uri(relative);
    return lake.store().permissions(location, access, scope);
  }
}
