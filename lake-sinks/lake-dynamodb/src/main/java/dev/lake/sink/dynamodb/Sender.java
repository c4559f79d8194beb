package dev.lake.sink.dynamodb;

import dev.lake.exceptions.SinkException;
import dev.lake.io.Backoff;
import dev.lake.io.BadRow;
import dev.lake.sink.dynamodb.DynamoDbSink.WriteMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Sends one batch with retries: BatchWriteItem for puts (UnprocessedItems and throttling retried with full-jitter
 * exponential backoff), PutItem / UpdateItem one item at a time otherwise. Every item ends written, skipped or
 * rejected with its reason; a failure that is nobody's item (no table, no permission) is thrown.
 */
final class Sender {
  private static final Set<String> RETRYABLE = Set.of("ProvisionedThroughputExceededException",
      "ThrottlingException", "RequestLimitExceeded", "InternalServerError", "ServiceUnavailable",
      "TransactionConflictException", "LimitExceededException");
  private static final Set<String> FATAL = Set.of("ResourceNotFoundException", "AccessDeniedException",
      "UnrecognizedClientException", "MissingAuthenticationTokenException", "InvalidSignatureException",
      "IncompleteSignatureException", "ExpiredTokenException");

  private final DynamoDbSink<?> sink;
  private final DynamoDbClient client;
  private final Stats stats;
  private final Consumer<BadRow> rejects;
  private final List<String> keyNames;

  Sender(DynamoDbSink<?> sink, Stats stats, Consumer<BadRow> rejects) {
    this.sink = sink;
    this.client = sink.client;
    this.stats = stats;
    this.rejects = rejects;
    this.keyNames = sink.sortKey == null ? List.of(sink.partitionKey.attribute())
        : List.of(sink.partitionKey.attribute(), sink.sortKey.attribute());
  }

  void send(List<Pending> batch) throws InterruptedException {
    if (sink.mode == WriteMode.PUT) {
      batchWrite(batch);
    } else {
      for (Pending p : batch) {
        single(p);
      }
    }
  }

  private void batchWrite(List<Pending> batch) throws InterruptedException {
    Map<Map<String, AttributeValue>, Pending> byKey = new HashMap<>();
    List<WriteRequest> requests = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      byKey.put(p.key(), p);
      requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(p.item()).build()).build());
    }
    for (int attempt = 1; ; attempt++) {
      String reason;
      try {
        stats.requests.incrementAndGet();
        List<WriteRequest> sent = requests;
        BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(sink.table, sent)));
        List<WriteRequest> left = response.hasUnprocessedItems()
            ? response.unprocessedItems().getOrDefault(sink.table, List.of()) : List.of();
        stats.written.addAndGet(sent.size() - left.size());
        if (left.isEmpty()) {
          return;
        }
        stats.unprocessed.addAndGet(left.size());
        requests = left;
        reason = "DynamoDB returned it in UnprocessedItems";
      } catch (AwsServiceException e) {
        if (fatal(e)) {
          throw fatal(e, "BatchWriteItem");
        }
        if (!retryable(e)) {
          // A ValidationException fails the whole batch for one bad item: send them one by one to find it.
          for (WriteRequest r : requests) {
            single(byKey.get(keyOf(r.putRequest().item())));
          }
          return;
        }
        stats.throttled.incrementAndGet();
        reason = describe(e);
      } catch (SdkClientException e) {
        reason = "the request failed: " + e.getMessage();
      }
      if (attempt >= sink.maxAttempts) {
        for (WriteRequest r : requests) {
          reject(byKey.get(keyOf(r.putRequest().item())), "Not written after " + attempt + " attempts: " + reason);
        }
        return;
      }
      stats.retries.incrementAndGet();
      sleep(attempt);
    }
  }

  private void single(Pending p) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      String reason;
      try {
        stats.requests.incrementAndGet();
        call(p);
        stats.written.incrementAndGet();
        return;
      } catch (ConditionalCheckFailedException e) {
        stats.skipped.incrementAndGet(); // INSERT_IF_ABSENT: the item exists and is kept
        return;
      } catch (AwsServiceException e) {
        if (fatal(e)) {
          throw fatal(e, sink.mode == WriteMode.UPDATE ? "UpdateItem" : "PutItem");
        }
        if (!retryable(e)) {
          reject(p, "DynamoDB refused the item: " + describe(e));
          return;
        }
        stats.throttled.incrementAndGet();
        reason = describe(e);
      } catch (SdkClientException e) {
        reason = "the request failed: " + e.getMessage();
      }
      if (attempt >= sink.maxAttempts) {
        reject(p, "Not written after " + attempt + " attempts: " + reason);
        return;
      }
      stats.retries.incrementAndGet();
      sleep(attempt);
    }
  }

  private void call(Pending p) {
    switch (sink.mode) {
      case PUT -> client.putItem(b -> b.tableName(sink.table).item(p.item()));
      case INSERT_IF_ABSENT -> client.putItem(b -> b.tableName(sink.table).item(p.item())
          .conditionExpression("attribute_not_exists(#pk)")
          .expressionAttributeNames(Map.of("#pk", sink.partitionKey.attribute())));
      case UPDATE -> {
        StringBuilder set = new StringBuilder();
        StringBuilder remove = new StringBuilder();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (int i = 0; i < sink.updateAttributes.size(); i++) {
          String a = sink.updateAttributes.get(i);
          names.put("#a" + i, a);
          AttributeValue v = p.item().get(a);
          if (v == null) {
            remove.append(remove.length() == 0 ? "REMOVE " : ", ").append("#a").append(i);
          } else {
            values.put(":v" + i, v);
            set.append(set.length() == 0 ? "SET " : ", ").append("#a").append(i).append(" = :v").append(i);
          }
        }
        String expression = (set + " " + remove).trim();
        client.updateItem(b -> b.tableName(sink.table).key(p.key()).updateExpression(expression)
            .expressionAttributeNames(names).expressionAttributeValues(values.isEmpty() ? null : values));
      }
      default -> throw new IllegalStateException(sink.mode.toString());
    }
  }

  private Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new HashMap<>();
    for (String k : keyNames) {
      key.put(k, item.get(k));
    }
    return key;
  }

  private void reject(Pending p, String reason) {
    stats.rejected.incrementAndGet();
    rejects.accept(BadRow.of(sink.name(), reason, "table " + sink.table + ", key " + p.key(), p.text()));
  }

  /** Lake's full-jitter backoff after the {@code attempt}-th failed attempt. */
  private void sleep(int attempt) throws InterruptedException {
    Backoff.fullJitter(sink.backoffBase, sink.backoffCap).sleep(attempt);
  }

  static boolean retryable(AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    return e.isThrottlingException() || e.statusCode() >= 500 || RETRYABLE.contains(code);
  }

  static boolean fatal(AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    return FATAL.contains(code) || e.statusCode() == 403;
  }

  private SinkException fatal(AwsServiceException e, String call) {
    return new SinkException("dynamodb", call + " on table " + sink.table + " failed: " + describe(e)
        + ". Check that the table exists in this region and the credentials may write to it.", e, false, 1);
  }

  static String describe(AwsServiceException e) {
    if (e.awsErrorDetails() == null) {
      return e.getMessage();
    }
    return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage() + " (HTTP " + e.statusCode()
        + ")";
  }
}
