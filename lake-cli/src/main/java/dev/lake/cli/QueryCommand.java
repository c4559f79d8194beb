package dev.lake.cli;

import picocli.CommandLine.Command;

@Command(name = "query", description = "Not yet.")
final class QueryCommand implements Runnable {
  @Override
  public void run() {
    throw new CliException("not yet");
  }
}
