/**
 * AWS Lambda adapters: a handler is a few lines around a {@link dev.lake.lambda.ScheduledRunner},
 * {@link dev.lake.lambda.S3EventRunner}, {@link dev.lake.lambda.KinesisEventRunner} (partial batch responses) or an
 * {@link dev.lake.lambda.IngestEndpoint} (API Gateway). Build the clients, sinks and sources once, in static fields,
 * so that warm invocations reuse them; each run is bounded by the invocation's {@link dev.lake.lambda.LambdaBudget}.
 *
 * <pre>{@code
 * private static final IngestEndpoint<Sale> ENDPOINT = IngestEndpoint.of(Sale.class).to(kinesisSink);
 * public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
 *   return ENDPOINT.handle(request, context);
 * }
 * }</pre>
 */
package dev.lake.lambda;
