package dev.lake.cli;

import static dev.lake.cli.TestLakes.lake;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lake.Lake;
import dev.lake.io.ObjectStores;
import dev.lake.sink.s3.S3ObjectStore;
import java.net.URI;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The commands on an s3:// root: the test lake's matches and team_points ({@link TestLakes#matches}) written to an
 * in-process S3 server (s3proxy).
 */
class S3LakeCliTest {
  static final String ACCESS_KEY = "AKIALAKECLITEST00001";
  static final String SECRET_KEY = "cliSecret/NotReal+0123456789";
  static final String ROOT = "s3://xg-cli/lake";
  static S3Proxy proxy;
  static String endpoint;

  @BeforeAll
  static void start() throws Exception {
    proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .endpoint(URI.create("http://127.0.0.1:0")).ignoreUnknownHeaders(true).build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.sleep(10);
    }
    endpoint = "http://127.0.0.1:" + proxy.getPort();
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
    System.setProperty("aws.region", "us-east-1");
    try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build()) {
      s3.createBucket(b -> b.bucket("xg-cli"));
    }
    ObjectStores.register(URI.create("s3://xg-cli"),
        S3ObjectStore.builder().endpointOverride(URI.create(endpoint)).pathStyle(true).build());
    TestLakes.matches(Lake.at(ROOT));
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.stop();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    System.clearProperty("aws.region");
  }

  @Test
  void lsAndQuery_s3Root_sameAnswersAsTheManifests() {
    long rows = Lake.at(ROOT).latest("matches").orElseThrow().rows();

    String ls = lake("ls", ROOT, "--s3-endpoint", endpoint).ok().out();
    assertThat(LsCommandTest.line(ls, " matches ")).contains(String.format(" %,d ", rows));
    assertThat(ls).contains("Lake s3://xg-cli/lake/: 2 datasets");

    String query = lake("query", "--lake", ROOT, "--s3-endpoint", endpoint,
        "SELECT count(*) AS n FROM matches").ok().out();
    assertThat(query).containsPattern("(?m)^\\s*" + rows + "$");
  }

  @Test
  void ls_emptyS3Prefix_namesTheFix() {
    TestLakes.Result r = lake("ls", "s3://xg-cli/nothing-here", "--s3-endpoint", endpoint);

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("No lake at s3://xg-cli/nothing-here/: nothing under s3://xg-cli/nothing-here/_lake/");
  }
}
