package dev.lake.examples.xg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** XgTest's facts for tests in other packages. */
public final class XgTestAccess {
  private XgTestAccess() {}

  /** team -> {points, goals for, goals against, matches} from a folder of Understat files. */
  public static Map<String, long[]> facts(Path understat) throws IOException {
    return XgTest.facts(understat);
  }
}
