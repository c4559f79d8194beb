package dev.lake.cli;

import picocli.CommandLine.Command;

@Command(name = "chart", description = "Not yet.")
final class ChartCommand implements Runnable {
  @Override
  public void run() {
    throw new CliException("not yet");
  }
}
