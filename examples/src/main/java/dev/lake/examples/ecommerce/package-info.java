/**
 * The e-commerce use case on the Online Retail data.
 *
 * <pre>{@code
 * OnlineRetail.pipeline(data, Lake.at("./lake")).run();
 * }</pre>
 */
package dev.lake.examples.ecommerce;
