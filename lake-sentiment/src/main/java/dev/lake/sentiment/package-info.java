/**
 * Text sentiment: the {@link dev.lake.sentiment.SentimentScorer} interface, a local
 * {@link dev.lake.sentiment.VaderScorer} on the VADER lexicon, and {@link dev.lake.sentiment.ComprehendScorer} on
 * Amazon Comprehend.
 *
 * <pre>{@code
 * double compound = VaderScorer.create().score("What a GOAL!!!").compound();
 * }</pre>
 */
package dev.lake.sentiment;
