package dev.lake.sink.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A real client with DynamoDB's partial failures forced, since dynalite never returns them: every third
 * BatchWriteItem call throws ProvisionedThroughputExceededException (nothing written), the others write only the
 * first half of the batch for real and return the rest as UnprocessedItems. Items whose partition key is in
 * {@code neverWritten} are always returned unprocessed.
 */
final class FaultyClient implements DynamoDbClient {
  private final DynamoDbClient real;
  private final String keyAttribute;
  private final Set<String> neverWritten;
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger throttled = new AtomicInteger();
  final AtomicInteger unprocessed = new AtomicInteger();

  FaultyClient(DynamoDbClient real, String keyAttribute, Set<String> neverWritten) {
    this.real = real;
    this.keyAttribute = keyAttribute;
    this.neverWritten = neverWritten;
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    if (calls.incrementAndGet() % 3 == 0) {
      throttled.incrementAndGet();
      throw ProvisionedThroughputExceededException.builder()
          .statusCode(400).message("forced by the test")
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
              .errorMessage("The level of configured provisioned throughput for the table was exceeded").build())
          .build();
    }
    String table = request.requestItems().keySet().iterator().next();
    List<WriteRequest> all = request.requestItems().get(table);
    List<WriteRequest> send = new ArrayList<>();
    List<WriteRequest> back = new ArrayList<>();
    int half = Math.max(1, all.size() / 2);
    for (int i = 0; i < all.size(); i++) {
      Map<String, AttributeValue> item = all.get(i).putRequest().item();
      boolean never = neverWritten.contains(item.get(keyAttribute).s());
      (never || (i >= half && all.size() > 1) ? back : send).add(all.get(i));
    }
    if (!send.isEmpty()) {
      BatchWriteItemResponse r = real.batchWriteItem(b -> b.requestItems(Map.of(table, send)));
      if (r.hasUnprocessedItems() && !r.unprocessedItems().isEmpty()) {
        back.addAll(r.unprocessedItems().get(table));
      }
    }
    unprocessed.addAndGet(back.size());
    return BatchWriteItemResponse.builder()
        .unprocessedItems(back.isEmpty() ? Map.of() : Map.of(table, back)).build();
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return real.putItem(request);
  }

  @Override
  public String serviceName() {
    return real.serviceName();
  }

  @Override
  public void close() {
    // the real client belongs to the test
  }
}
