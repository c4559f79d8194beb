package dev.lake.sink.kinesis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * A client that forwards PutRecords to kinesalite but hands back a share of the records as failed
 * ({@code FailedRecordCount}, {@code ProvisionedThroughputExceededException}), as a throttled shard does: kinesalite
 * never fails single records. Records of {@code alwaysFail} keys fail every time. Also checks that no request
 * carries two records with one partition key.
 */
final class FaultyClient implements KinesisClient {
  private final KinesisClient delegate;
  private final double failureRate;
  private final Set<String> alwaysFail;
  private final Random random = new Random(42);
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger forcedFailures = new AtomicInteger();
  final List<Integer> requestSizes = new ArrayList<>();
  volatile boolean duplicateKeyInRequest;

  FaultyClient(KinesisClient delegate, double failureRate, Set<String> alwaysFail) {
    this.delegate = delegate;
    this.failureRate = failureRate;
    this.alwaysFail = alwaysFail;
  }

  @Override
  public synchronized PutRecordsResponse putRecords(PutRecordsRequest request) {
    calls.incrementAndGet();
    requestSizes.add(request.records().size());
    Set<String> keys = new HashSet<>();
    List<PutRecordsRequestEntry> pass = new ArrayList<>();
    boolean[] fail = new boolean[request.records().size()];
    for (int i = 0; i < fail.length; i++) {
      PutRecordsRequestEntry e = request.records().get(i);
      duplicateKeyInRequest |= !keys.add(e.partitionKey());
      fail[i] = alwaysFail.contains(e.partitionKey()) || random.nextDouble() < failureRate;
      if (!fail[i]) {
        pass.add(e);
      }
    }
    List<PutRecordsResultEntry> passed = pass.isEmpty() ? List.of()
        : delegate.putRecords(request.toBuilder().records(pass).build()).records();
    List<PutRecordsResultEntry> out = new ArrayList<>();
    int next = 0;
    int failed = 0;
    for (boolean f : fail) {
      if (f) {
        failed++;
        out.add(PutRecordsResultEntry.builder().errorCode("ProvisionedThroughputExceededException")
            .errorMessage("Rate exceeded for shard shardId-000000000000 (forced by the test)").build());
      } else {
        out.add(passed.get(next++));
      }
    }
    forcedFailures.addAndGet(failed);
    return PutRecordsResponse.builder().failedRecordCount(failed).records(out).build();
  }

  @Override
  public String serviceName() {
    return delegate.serviceName();
  }

  @Override
  public void close() {}
}
