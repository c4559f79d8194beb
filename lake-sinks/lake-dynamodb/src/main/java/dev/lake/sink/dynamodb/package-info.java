/**
 * DynamoDB: a sink that never loses an item ({@link dev.lake.sink.dynamodb.DynamoDbSink}), a table helper
 * ({@link dev.lake.sink.dynamodb.DynamoDbTables}) and typed queries ({@link dev.lake.sink.dynamodb.DynamoDbQuery}).
 *
 * <pre>{@code
 * pipeline.to(DynamoDbSink.<Line>toTable("invoices").withClient(client).withPartitionKey("invoice_no")).run();
 * }</pre>
 */
package dev.lake.sink.dynamodb;
