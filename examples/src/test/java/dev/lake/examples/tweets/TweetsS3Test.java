package dev.lake.examples.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.examples.Duck;
import dev.lake.examples.Printed;
import dev.lake.testing.S3ProxyServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The tweets example with its raw zone and its lake both on an in-process S3 server
 * ({@code --data s3://… --lake s3://… --s3-endpoint …}): the same rows as the local run, incrementality by raw
 * object, and the external-table DDL over the dataset's S3 location.
 */
class TweetsS3Test {
  @AutoClose static S3ProxyServer server;
  @AutoClose static S3Client s3;
  static URI endpoint;

  @TempDir
  Path download;

  @BeforeAll
  static void start() throws Exception {
    server = S3ProxyServer.start("AKIALAKEEXAMPLES0002", "examplesSecret/NotReal+9876543210").exportCredentials();
    endpoint = server.endpoint();
    s3 = server.clientBuilder().build();
    s3.createBucket(b -> b.bucket("social"));
    try (Stream<Path> pages = Files.list(TweetsTest.PAGES)) {
      for (Path p : pages.toList()) {
        s3.putObject(b -> b.bucket("social").key("data/twitter_v2/tweets/" + p.getFileName()), RequestBody.fromFile(p));
      }
    }
  }

  private static String run() {
    return Printed.byExample("tweets", "--lake", "s3://social/lake", "--data", "s3://social/data",
        "--s3-endpoint", endpoint.toString());
  }

  @Test
  void tweets_s3RawZoneAndLake_writesTheSameRowsOnceAndPrintsTheDdl() throws Exception {
    TweetFacts facts = TweetFacts.of(TweetsTest.PAGES);

    String first = run();
    String second = run();

    assertThat(first).contains("5 new raw files read, " + facts.textById().size() + " rows written, 0 rejected")
        .contains("CREATE EXTERNAL TABLE \"spectrum\".\"tweets\"")
        .contains("LOCATION 's3://social/lake/processed/tweets/'");
    assertThat(first.lines().filter(l -> l.startsWith("ALTER TABLE")).count()).isEqualTo(facts.perDay().size());
    for (String day : facts.perDay().keySet()) {
      assertThat(first).contains("'s3://social/lake/processed/tweets/date=" + day + "/'");
    }
    assertThat(second).contains("0 new raw files read, 0 rows written");
    assertThat(second.lines().filter(l -> l.startsWith("ALTER TABLE")).count()).isZero();
    List<S3Object> parquet = s3.listObjectsV2Paginator(r -> r.bucket("social").prefix("lake/processed/tweets/"))
        .contents().stream().filter(o -> o.key().endsWith(".parquet")).toList();
    for (S3Object o : parquet) {
      Path local = download.resolve(o.key());
      Files.createDirectories(local.getParent());
      s3.getObject(b -> b.bucket("social").key(o.key()), ResponseTransformer.toFile(local));
    }
    try (Duck duck = new Duck()) {
      assertThat(duck.one("SELECT count(DISTINCT tweet_id) || '/' || count(*) FROM "
          + Duck.parquet(download.resolve("lake/processed/tweets"))))
          .isEqualTo(facts.textById().size() + "/" + facts.textById().size());
    }
  }
}
