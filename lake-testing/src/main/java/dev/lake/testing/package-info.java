/**
 * Lake's test kit, for your own tests: local stand-ins for AWS ({@link dev.lake.testing.S3ProxyServer} for S3,
 * {@link dev.lake.testing.Dynalite} for DynamoDB, {@link dev.lake.testing.Kinesalite} for Kinesis), a Lambda
 * {@link dev.lake.testing.LocalContext}, an in-memory {@link dev.lake.testing.InMemorySource} and
 * {@link dev.lake.testing.InMemorySink}, and the contract tests a connector's test extends
 * ({@link dev.lake.testing.SinkContract}, {@link dev.lake.testing.ObjectStoreContract}). None of it belongs in a
 * production jar: declare the artifact with test scope.
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>dev.lake</groupId>
 *   <artifactId>lake-testing</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * <p>A test of a pipeline, then a sink's test that inherits the sink contract:
 *
 * <pre>{@code
 * InMemorySink<Sale> sink = InMemorySink.create();
 * Pipeline.from(InMemorySource.of("sales", List.of(sale1, sale2))).to(sink).run();
 * assertThat(sink.rows()).containsExactly(sale1, sale2);
 *
 * class MySinkContractTest extends SinkContract<Sale> {
 *   protected Sink<Sale> sink() { return new MySink(folder); }
 *   protected Sale row(int n) { return new Sale("s" + n, n); }
 *   protected long visibleRows() { return MySink.count(folder); }
 * }
 * }</pre>
 *
 * <p>The AWS SDK clients of the stand-ins (DynamoDB, Kinesis) and the Lambda runtime interface are optional
 * dependencies: a project testing that code has them already. The Node.js stand-ins need Node.js and the npm package
 * installed (see {@link dev.lake.testing.Dynalite}).
 */
package dev.lake.testing;
