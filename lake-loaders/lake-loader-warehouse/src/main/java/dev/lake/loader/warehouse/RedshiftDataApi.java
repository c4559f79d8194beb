package dev.lake.loader.warehouse;

import dev.lake.exceptions.SinkException;
import dev.lake.exceptions.ValidationException;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import dev.lake.iam.Permission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.redshiftdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;
import software.amazon.awssdk.services.redshiftdata.model.SqlParameter;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

/**
 * Runs SQL on Redshift through the Redshift Data API: no JDBC driver, no connection pool, so it suits Lambda.
 * Statements are submitted ({@code ExecuteStatement} / {@code BatchExecuteStatement}), then polled with
 * {@code DescribeStatement} (backing off from {@code pollInterval} to {@code maxPollInterval}) until FINISHED,
 * FAILED or ABORTED; a FAILED statement throws a {@link SinkException} carrying Redshift's error message. Results
 * come from {@code GetStatementResult}, page by page.
 *
 * <pre>{@code
 * // given: String roleArn
 * RedshiftDataApi api = RedshiftDataApi.builder()
 *     .client(RedshiftDataClient.create())
 *     .workgroupName("analytics")            // Serverless; or .clusterIdentifier("c1").dbUser("loader")
 *     .database("dev")
 *     .build();
 * api.execute("ANALYZE \"public\".\"sales\"");
 * WarehouseLoad.of(lake, "sales").into(api).table("public.sales").iamRole(roleArn).run();
 * }</pre>
 */
public final class RedshiftDataApi implements dev.lake.iam.DeclaresPermissions {
  /** BatchExecuteStatement takes at most this many statements; longer transactions use a session. */
  static final int MAX_BATCH = 40;
  /** The condition key that names the IAM user id that ran a statement. */
  static final String STATEMENT_OWNER = "redshift-data:statement-owner-iam-userid";
  private static final java.util.regex.Pattern ROLE = java.util.regex.Pattern.compile("IAM_ROLE '(?:[^']|'')*'");

  private final RedshiftDataClient client;
  private final String clusterIdentifier;
  private final String workgroupName;
  private final String database;
  private final String dbUser;
  private final String secretArn;
  private final Duration pollInterval;
  private final Duration maxPollInterval;
  private final Duration timeout;

  private RedshiftDataApi(Builder b) {
    this.client = b.client;
    this.clusterIdentifier = b.clusterIdentifier;
    this.workgroupName = b.workgroupName;
    this.database = b.database;
    this.dbUser = b.dbUser;
    this.secretArn = b.secretArn;
    this.pollInterval = b.pollInterval;
    this.maxPollInterval = b.maxPollInterval;
    this.timeout = b.timeout;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Runs one statement and waits for it; returns the statement id. */
  public String execute(String sql) {
    return waitFor(submit(sql, List.of(), null, false).id(), sql).id();
  }

  /**
   * Runs statements in one transaction: a {@code BatchExecuteStatement} for up to 40, else one session
   * ({@code BEGIN}, each statement, {@code COMMIT}; the session is rolled back when one fails).
   */
  public void executeTransaction(List<String> sqls) {
    if (sqls.isEmpty()) {
      return;
    }
    if (sqls.size() <= MAX_BATCH) {
      String id = call(() -> client.batchExecuteStatement(batch(sqls)).id(), "BatchExecuteStatement");
      waitFor(id, sqls.get(0) + (sqls.size() > 1 ? " … (" + sqls.size() + " statements)" : ""));
      return;
    }
    ExecuteStatementResponse begin = submit("BEGIN", List.of(), null, true);
    String session = waitFor(begin.id(), "BEGIN").sessionId();
    session = session != null ? session : begin.sessionId();
    try {
      for (String sql : sqls) {
        waitFor(submit(sql, List.of(), session, true).id(), sql);
      }
      waitFor(submit("COMMIT", List.of(), session, false).id(), "COMMIT");
    } catch (RuntimeException e) {
      try {
        waitFor(submit("ROLLBACK", List.of(), session, false).id(), "ROLLBACK");
      } catch (RuntimeException r) {
        e.addSuppressed(r); // the session's transaction is rolled back when the session ends anyway
      }
      throw e;
    }
  }

  /**
   * Runs a query with named parameters ({@code :name} in the SQL) and returns every row, each value as text (null
   * for SQL NULL).
   */
  public List<List<String>> query(String sql, Map<String, String> parameters) {
    return query(sql, parameters, null);
  }

  /** A query, in {@code session} (null: none). */
  List<List<String>> query(String sql, Map<String, String> parameters, String session) {
    List<SqlParameter> params = new ArrayList<>();
    parameters.forEach((k, v) -> params.add(SqlParameter.builder().name(k).value(v).build()));
    DescribeStatementResponse done = waitFor(submit(sql, params, session, session != null).id(), sql);
    List<List<String>> rows = new ArrayList<>();
    if (!Boolean.TRUE.equals(done.hasResultSet())) {
      return rows;
    }
    String token = null;
    do {
      String next = token;
      GetStatementResultResponse page = call(() -> client.getStatementResult(r -> r.id(done.id()).nextToken(next)),
          "GetStatementResult");
      for (List<Field> record : page.records()) {
        List<String> row = new ArrayList<>(record.size());
        record.forEach(f -> row.add(text(f)));
        rows.add(row);
      }
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return rows;
  }

  /** The columns of a table from information_schema (empty when it does not exist), in {@code session}. */
  List<Evolution.Existing> describe(String schema, String table, String session) {
    List<Evolution.Existing> out = new ArrayList<>();
    String sql = JdbcLoader.DESCRIBE.replace("table_schema = ?", "table_schema = :schema")
        .replace("table_name = ?", "table_name = :table");
    for (List<String> r : query(sql, Map.of("schema", schema, "table", table), session)) {
      out.add(new Evolution.Existing(r.get(0), r.get(1), "YES".equalsIgnoreCase(r.get(2)),
          r.get(3) == null ? null : Integer.valueOf(r.get(3)), r.get(4) == null ? null : Integer.valueOf(r.get(4))));
    }
    return out;
  }

  private static String text(Field f) {
    if (Boolean.TRUE.equals(f.isNull())) {
      return null;
    } else if (f.stringValue() != null) {
      return f.stringValue();
    } else if (f.longValue() != null) {
      return f.longValue().toString();
    } else if (f.doubleValue() != null) {
      return f.doubleValue().toString();
    } else if (f.booleanValue() != null) {
      return f.booleanValue().toString();
    }
    return null;
  }

  /** Submits one statement, in {@code session} (null: a new one, kept alive when {@code keep}). */
  ExecuteStatementResponse submit(String sql, List<SqlParameter> params, String session, boolean keep) {
    ExecuteStatementRequest.Builder b = ExecuteStatementRequest.builder().sql(sql);
    if (session != null) {
      b.sessionId(session);
    } else {
      b.database(database).clusterIdentifier(clusterIdentifier).workgroupName(workgroupName).dbUser(dbUser)
          .secretArn(secretArn);
    }
    if (keep) {
      b.sessionKeepAliveSeconds(300);
    }
    if (!params.isEmpty()) {
      b.parameters(params);
    }
    return call(() -> client.executeStatement(b.build()), "ExecuteStatement");
  }

  private BatchExecuteStatementRequest batch(List<String> sqls) {
    return BatchExecuteStatementRequest.builder().sqls(sqls).database(database)
        .clusterIdentifier(clusterIdentifier).workgroupName(workgroupName).dbUser(dbUser).secretArn(secretArn).build();
  }

  /** Polls until the statement ends; FAILED and ABORTED throw with Redshift's error and the statement's start. */
  DescribeStatementResponse waitFor(String id, String sql) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long sleep = pollInterval.toMillis();
    int polls = 0;
    while (true) {
      DescribeStatementResponse d = call(() -> client.describeStatement(r -> r.id(id)), "DescribeStatement");
      polls++;
      StatusString status = d.status();
      if (status == StatusString.FINISHED) {
        return d;
      }
      if (status == StatusString.FAILED || status == StatusString.ABORTED) {
        throw new SinkException("redshift", "Redshift statement " + id + " " + d.statusAsString() + ": "
            + (d.error() == null ? "(no error message)" : d.error()) + " — in: " + abbreviate(sql), null, false,
            polls);
      }
      if (System.nanoTime() > deadline) {
        throw new SinkException("redshift", "Redshift statement " + id + " still " + d.statusAsString() + " after "
            + timeout + " (" + abbreviate(sql) + "): raise timeout(…) or check the cluster's queue", null, true,
            polls);
      }
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SinkException("redshift", "Interrupted while waiting for statement " + id, e);
      }
      sleep = Math.min(sleep * 2, maxPollInterval.toMillis());
    }
  }

  /** The statement for an error message: at most 200 characters, and never the COPY's IAM role. */
  static String abbreviate(String sql) {
    String s = ROLE.matcher(sql).replaceAll("IAM_ROLE '***'");
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  private static <T> T call(java.util.function.Supplier<T> call, String operation) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw new SinkException("redshift", "Redshift Data API " + operation + " failed: " + e.getMessage(), e,
          e.retryable(), 1);
    }
  }

  /**
   * What the loader's role needs to run statements through this executor, on exact ARNs in the client's region:
   * <ul>
   *   <li>{@code redshift-data:ExecuteStatement} and {@code redshift-data:BatchExecuteStatement} on the cluster
   *   ({@code arn:aws:redshift:<region>:<account>:cluster:<id>}) or the Serverless workgroup (its ARN, which IAM
   *   writes with the workgroup's id: pass that ARN to {@link Builder#workgroupName}, as the Data API accepts it;
   *   a bare name leaves the policy incomplete, listed in {@link IamPolicy#undeclared()});</li>
   *   <li>{@code redshift-data:DescribeStatement} and {@code redshift-data:GetStatementResult} on {@code *} (the
   *   actions have no resource type) under the condition {@code redshift-data:statement-owner-iam-userid} equals
   *   {@code ${aws:userid}}: the role reads only the statements it ran itself, as AWS's managed policy for the
   *   Data API grants them;</li>
   *   <li>the credentials: with {@link Builder#secretArn} {@code secretsmanager:GetSecretValue} on that secret; with
   *   {@link Builder#dbUser} {@code redshift:GetClusterCredentials} on the user ({@code dbuser:<cluster>/<user>})
   *   and the database ({@code dbname:<cluster>/<database>}); a cluster without either logs in as the caller's IAM
   *   identity, {@code redshift:GetClusterCredentialsWithIAM} on the database; a workgroup without a secret,
   *   {@code redshift-serverless:GetCredentials} on the workgroup.</li>
   * </ul>
   *
   * <pre>{@code
   * IamPolicy p = api.permissions(IamScope.of("eu-west-1", "123456789012"));
   * }</pre>
   */
  @Override
  public IamPolicy permissions(IamScope scope) {
    return permissions(scope, true);
  }

  /** The grants, with {@code BatchExecuteStatement} only when {@code batches} (a load runs in a session). */
  IamPolicy permissions(IamScope scope, boolean batches) {
    IamScope s = scope.withRegion(clientRegion());
    List<Permission> grants = new ArrayList<>();
    grants.add(Permission.allow(List.of("redshift-data:DescribeStatement", "redshift-data:GetStatementResult"), "*")
        .when("StringEquals", STATEMENT_OWNER, "${aws:userid}"));
    String target;
    if (clusterIdentifier != null) {
      target = s.arn("redshift", "cluster:" + clusterIdentifier);
    } else if (workgroupName.startsWith("arn:")) {
      target = workgroupName;
    } else {
      return IamPolicy.of(grants).and(IamPolicy.undeclared("Redshift Serverless workgroup " + workgroupName
          + " (IAM names a workgroup by its id: pass its ARN, arn:aws:redshift-serverless:<region>:<account>:"
          + "workgroup/<id>, to workgroupName(..))"));
    }
    grants.add(Permission.allow(batches ? List.of("redshift-data:BatchExecuteStatement",
        "redshift-data:ExecuteStatement") : List.of("redshift-data:ExecuteStatement"), target));
    if (secretArn != null) {
      grants.add(Permission.allow(List.of("secretsmanager:GetSecretValue"), secretArn));
    } else if (clusterIdentifier == null) {
      grants.add(Permission.allow(List.of("redshift-serverless:GetCredentials"), target));
    } else if (dbUser != null) {
      grants.add(Permission.allow(List.of("redshift:GetClusterCredentials"),
          s.arn("redshift", "dbuser:" + clusterIdentifier + "/" + dbUser),
          s.arn("redshift", "dbname:" + clusterIdentifier + "/" + database)));
    } else {
      grants.add(Permission.allow(List.of("redshift:GetClusterCredentialsWithIAM"),
          s.arn("redshift", "dbname:" + clusterIdentifier + "/" + database)));
    }
    return IamPolicy.of(grants);
  }

  private String clientRegion() {
    var region = client.serviceClientConfiguration().region();
    return region == null ? null : region.id();
  }

  @Override
  public String toString() {
    return "RedshiftDataApi(" + (workgroupName != null ? "workgroup " + workgroupName : "cluster "
        + clusterIdentifier) + ", database " + database + ")";
  }

  /**
   * Builds a {@link RedshiftDataApi}: a client, a database, and a cluster or Serverless workgroup.
   *
   * <pre>{@code
   * // given: RedshiftDataClient client
   * RedshiftDataApi.builder().client(client).clusterIdentifier("c1").database("dev").dbUser("loader").build();
   * }</pre>
   */
  public static final class Builder {
    private RedshiftDataClient client;
    private String clusterIdentifier;
    private String workgroupName;
    private String database;
    private String dbUser;
    private String secretArn;
    private Duration pollInterval = Duration.ofMillis(100);
    private Duration maxPollInterval = Duration.ofSeconds(2);
    private Duration timeout = Duration.ofMinutes(30);

    private Builder() {}

    /** The caller's client: used as it is, never closed. */
    public Builder client(RedshiftDataClient value) {
      this.client = value;
      return this;
    }

    /** A provisioned cluster (with {@link #dbUser} or {@link #secretArn}). */
    public Builder clusterIdentifier(String value) {
      this.clusterIdentifier = value;
      return this;
    }

    /** A Redshift Serverless workgroup. */
    public Builder workgroupName(String value) {
      this.workgroupName = value;
      return this;
    }

    /** The database. */
    public Builder database(String value) {
      this.database = value;
      return this;
    }

    /** Temporary credentials for this database user (provisioned clusters). */
    public Builder dbUser(String value) {
      this.dbUser = value;
      return this;
    }

    /** A Secrets Manager secret with the database credentials. */
    public Builder secretArn(String value) {
      this.secretArn = value;
      return this;
    }

    /** The first wait between DescribeStatement polls (default 100 ms); it doubles up to the maximum. */
    public Builder pollInterval(Duration value) {
      this.pollInterval = value;
      return this;
    }

    /** The longest wait between polls (default 2 s). */
    public Builder maxPollInterval(Duration value) {
      this.maxPollInterval = value;
      return this;
    }

    /** How long one statement may run before giving up (default 30 minutes). */
    public Builder timeout(Duration value) {
      this.timeout = value;
      return this;
    }

    /** Validates and builds. */
    public RedshiftDataApi build() {
      ValidationException.check(client != null, "RedshiftDataApi needs a client: call .client(RedshiftDataClient)");
      ValidationException.check(database != null, "RedshiftDataApi needs a database: call .database(\"dev\")");
      ValidationException.check(clusterIdentifier != null ^ workgroupName != null,
          "RedshiftDataApi needs exactly one of .clusterIdentifier(…) or .workgroupName(…)");
      ValidationException.check(!pollInterval.isNegative() && maxPollInterval.compareTo(pollInterval) >= 0,
          "maxPollInterval (%s) must be at least pollInterval (%s)", maxPollInterval, pollInterval);
      return new RedshiftDataApi(this);
    }
  }
}
