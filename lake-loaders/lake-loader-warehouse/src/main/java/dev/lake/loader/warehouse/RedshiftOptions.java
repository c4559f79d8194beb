package dev.lake.loader.warehouse;

import java.util.List;
import java.util.Map;

/** Redshift table options and the COPY role. {@code toString} never shows the role. */
record RedshiftOptions(String iamRole, String distKey, String distStyle, List<String> sortKeys,
    Map<String, String> encodings) {

  static RedshiftOptions none() {
    return new RedshiftOptions(null, null, null, List.of(), Map.of());
  }

  @Override
  public String toString() {
    return "RedshiftOptions(distKey=" + distKey + ", distStyle=" + distStyle + ", sortKeys=" + sortKeys + ")";
  }
}
