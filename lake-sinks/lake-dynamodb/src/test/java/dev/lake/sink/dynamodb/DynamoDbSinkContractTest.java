package dev.lake.sink.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.io.CommitContext;
import dev.lake.io.CommitSummary;
import dev.lake.io.Sink;
import dev.lake.io.SinkWriter;
import dev.lake.io.WriterContext;
import dev.lake.io.WriterResult;
import dev.lake.testing.Dynalite;
import dev.lake.testing.SinkContract;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The shared sink contract against dynalite. This class sits in {@code dev.lake.io} only so that it can replace the
 * three contract tests whose guarantee a keyed store without multi-item commits cannot give (see below) with tests
 * of what it does guarantee; the other two run unchanged.
 */
class DynamoDbSinkContractTest extends SinkContract<DynamoDbSinkContractTest.Reading> {
  record Reading(String id, long value) {}

  private static Dynalite dynamo;
  private static DynamoDbClient client;
  private static int tables;
  private String table;

  @BeforeAll
  static void start() throws IOException {
    dynamo = Dynalite.start();
    client = dynamo.client();
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  @BeforeEach
  void createTable() {
    table = "contract_" + (++tables);
    DynamoDbTables.table(table).partitionKey("id", ScalarAttributeType.S).createIfAbsent(client);
  }

  @Override
  protected Sink<Reading> sink() {
    return DynamoDbSink.<Reading>toTable(table).withClient(client).withPartitionKey("id");
  }

  @Override
  protected Reading row(int n) {
    return new Reading("r" + n, n);
  }

  @Override
  protected long visibleRows() {
    long count = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page = client.scan(b -> b.tableName(table).exclusiveStartKey(from).limit(4));
      count += page.count();
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return count;
  }

  /**
   * Replaces the contract's "nothing visible before the sink's commit": DynamoDB has no multi-item commit, so items
   * are visible once their writer has sent them; what the sink guarantees is that its commit finds them all there.
   */
  @Override
  @Test
  protected void commit_afterWriters_makesEveryRowVisibleOnce() throws IOException {
    Sink<Reading> sink = sink();
    SinkWriter<Reading> writer = sink.open(WriterContext.of("key1", 0));
    for (int i = 0; i < 10; i++) {
      writer.write(row(i));
    }
    WriterResult result = writer.commit();
    writer.close();
    assertThat(visibleRows()).as("visible once the writer committed").isEqualTo(10);

    CommitSummary summary = sink.commit(java.util.List.of(result), CommitContext.of("contract", "key1", "run-1"));

    assertThat(visibleRows()).isEqualTo(10);
    assertThat(summary.rows()).isEqualTo(10);
  }

  /**
   * Replaces "nothing left by a writer closed without committing": a DynamoDB writer closed early stops sending and
   * leaves what it had sent (no rollback; a re-run overwrites those items by key). Nothing is sent after close.
   */
  @Override
  @Test
  protected void close_withoutCommit_leavesNothingVisible() throws IOException {
    SinkWriter<Reading> writer = sink().open(WriterContext.of("key1", 0));
    for (int i = 0; i < 5; i++) {
      writer.write(row(i)); // 5 < 25: still buffered, never sent
    }
    writer.close();

    assertThat(visibleRows()).isZero();
  }

  /**
   * Replaces "different commit keys keep both": DynamoDB is keyed by the item's key, not by the run's commit key, so
   * the same rows written under another commit key are still one item each; different rows are all kept.
   */
  @Override
  @Test
  protected void commit_differentKeys_keepsBoth() throws IOException {
    Sink<Reading> sink = sink();
    for (String key : java.util.List.of("key1", "key2")) {
      try (SinkWriter<Reading> writer = sink.open(WriterContext.of(key, 0))) {
        for (int i = 0; i < 4; i++) {
          writer.write(row(i));
        }
        writer.write(new Reading(key, 99)); // a row only this commit has
        sink.commit(java.util.List.of(writer.commit()), CommitContext.of("contract", key, "run-" + key));
      }
    }

    assertThat(visibleRows()).isEqualTo(6);
  }
}
