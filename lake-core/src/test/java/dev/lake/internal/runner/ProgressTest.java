package dev.lake.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void barLibraryPresent_onLakeCoresClasspath_true() {
    assertThat(Progress.barLibraryPresent(Progress.class.getClassLoader())).isTrue();
  }

  @Test
  void barLibraryPresent_withoutTheOptionalLibrary_false() throws Exception {
    // What a Lambda handler or Spark job that does not add me.tongfei:progressbar sees.
    try (URLClassLoader without = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      assertThat(Progress.barLibraryPresent(without)).isFalse();
    }
  }

  @Test
  void splitDone_withoutATerminal_countsAndCloses() {
    // Tests run without a console: no bar, the log path; closing must not touch the bar library.
    try (Progress progress = new Progress("p", 3)) {
      progress.splitDone(10);
      progress.splitDone(20);
    }
  }
}
