package dev.lake.sink.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item on its way to the table: the item, its key (the map DynamoDB returns in UnprocessedItems, reduced to the
 * key attributes), its size, and the row's text for a bad row.
 */
record Pending(Map<String, AttributeValue> item, Map<String, AttributeValue> key, long bytes, String text) {}
