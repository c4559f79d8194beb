/**
 * The invoice service of the e-commerce use case: invoices and their lines in DynamoDB, looked up by number and
 * by customer, over HTTP (a local server, or an API Gateway Lambda handler).
 *
 * <pre>{@code
 * java -jar examples/target/lake-examples.jar ecommerce --serve
 * }</pre>
 */
package dev.lake.examples.ecommerce.invoices;
