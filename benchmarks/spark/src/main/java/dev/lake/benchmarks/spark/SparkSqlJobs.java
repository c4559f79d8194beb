package dev.lake.benchmarks.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.year;

import java.nio.file.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What a Spark user writes for the same two conversions, in Spark SQL's DataFrame API: the Online Retail CSV to
 * Parquet partitioned by year and month, and the Sparkify star schema (the classic Udacity solution's shape:
 * {@code dropDuplicates}, a window for each user's latest level, a left join of plays to songs).
 *
 * <pre>{@code
 * SparkSqlJobs.onlineRetail(spark, "data/online_retail/by-day/*.csv.gz", out);
 * long rows = SparkSqlJobs.rows(spark, out);
 * }</pre>
 */
final class SparkSqlJobs {
  private SparkSqlJobs() {}

  /** Online Retail: every by-day file to Snappy Parquet under {@code out}. */
  static void onlineRetail(SparkSession spark, String csvGlob, Path out) {
    onlineRetailRows(spark, csvGlob).write().mode(SaveMode.Overwrite).option("compression", "snappy")
        .partitionBy("year", "month").parquet(out.toString());
  }

  /** The Online Retail rows as Lake's RetailRow has them: the CSV read with its schema given, cast and renamed. */
  static Dataset<Row> onlineRetailRows(SparkSession spark, String csvGlob) {
    StructType schema = new StructType()
        .add("InvoiceNo", DataTypes.StringType)
        .add("StockCode", DataTypes.StringType)
        .add("Description", DataTypes.StringType)
        .add("Quantity", DataTypes.IntegerType)
        .add("InvoiceDate", DataTypes.TimestampNTZType)
        .add("UnitPrice", DataTypes.createDecimalType(10, 3))
        .add("CustomerID", DataTypes.DoubleType)
        .add("Country", DataTypes.StringType);
    Dataset<Row> sales = spark.read().option("header", "true").option("timestampNTZFormat", "yyyy-MM-dd HH:mm:ss")
        .schema(schema).csv(csvGlob);
    return sales.select(col("InvoiceNo").as("invoice_no"), col("StockCode").as("stock_code"), col("Description")
            .as("description"), col("Quantity").as("quantity"), col("InvoiceDate").as("invoice_date"),
            col("UnitPrice").as("unit_price"), col("CustomerID").cast("bigint").as("customer_id"),
            col("Country").as("country"), year(col("InvoiceDate")).as("year"), month(col("InvoiceDate")).as("month"));
  }

  /** The song files' fields as Lake's {@code Song} record has them (no schema inference over the files). */
  static final StructType SONG_SCHEMA = new StructType()
      .add("num_songs", DataTypes.IntegerType).add("artist_id", DataTypes.StringType)
      .add("artist_latitude", DataTypes.DoubleType).add("artist_longitude", DataTypes.DoubleType)
      .add("artist_location", DataTypes.StringType).add("artist_name", DataTypes.StringType)
      .add("song_id", DataTypes.StringType).add("title", DataTypes.StringType)
      .add("duration", DataTypes.DoubleType).add("year", DataTypes.IntegerType);

  /** The event logs' fields as Lake's {@code LogEvent} record has them. */
  static final StructType LOG_SCHEMA = new StructType()
      .add("artist", DataTypes.StringType).add("auth", DataTypes.StringType)
      .add("firstName", DataTypes.StringType).add("gender", DataTypes.StringType)
      .add("itemInSession", DataTypes.IntegerType).add("lastName", DataTypes.StringType)
      .add("length", DataTypes.DoubleType).add("level", DataTypes.StringType)
      .add("location", DataTypes.StringType).add("method", DataTypes.StringType)
      .add("page", DataTypes.StringType).add("registration", DataTypes.DoubleType)
      .add("sessionId", DataTypes.LongType).add("song", DataTypes.StringType)
      .add("status", DataTypes.IntegerType).add("ts", DataTypes.LongType)
      .add("userAgent", DataTypes.StringType).add("userId", DataTypes.StringType);

  /** Sparkify: the five tables under {@code out}, the JSON read with its schema given. */
  static void sparkify(SparkSession spark, Path data, Path out) {
    Dataset<Row> songs = spark.read().option("multiLine", "true").schema(SONG_SCHEMA)
        .json(data.resolve("sparkify/song_data").toString() + "/*/*/*/*.json");
    songs.select("song_id", "title", "artist_id", "year", "duration").dropDuplicates("song_id")
        .write().mode(SaveMode.Overwrite).partitionBy("year", "artist_id").parquet(out.resolve("songs").toString());
    songs.select(col("artist_id"), col("artist_name").as("name"), col("artist_location").as("location"),
            col("artist_latitude").as("latitude"), col("artist_longitude").as("longitude"))
        .dropDuplicates("artist_id").write().mode(SaveMode.Overwrite).parquet(out.resolve("artists").toString());

    Dataset<Row> plays = spark.read().schema(LOG_SCHEMA).json(data.resolve("sparkify/log_data").toString() + "/*/*/*.json")
        .filter(col("page").equalTo("NextSong"))
        .withColumn("start_time", timestamp_millis(col("ts")));
    plays.withColumn("n", row_number().over(Window.partitionBy("userId").orderBy(col("ts").desc())))
        .filter(col("n").equalTo(1))
        .select(col("userId").cast("bigint").as("user_id"), col("firstName").as("first_name"),
            col("lastName").as("last_name"), col("gender"), col("level"))
        .write().mode(SaveMode.Overwrite).parquet(out.resolve("users").toString());
    Column t = col("start_time");
    plays.select(t).dropDuplicates()
        .select(t, hour(t).as("hour"), dayofmonth(t).as("day"), weekofyear(t).as("week"), month(t).as("month"),
            year(t).as("year"), dayofweek(t).as("weekday"))
        .write().mode(SaveMode.Overwrite).partitionBy("year", "month").parquet(out.resolve("time").toString());
    Dataset<Row> s = songs.select("title", "artist_name", "duration", "song_id", "artist_id");
    plays.join(s, plays.col("song").equalTo(s.col("title")).and(plays.col("artist").equalTo(s.col("artist_name")))
            .and(plays.col("length").equalTo(s.col("duration"))), "left")
        .select(t, col("userId").cast("bigint").as("user_id"), col("level"), col("song_id"), col("artist_id"),
            col("sessionId").as("session_id"), col("location"), col("userAgent").as("user_agent"),
            year(t).as("year"), month(t).as("month"))
        .write().mode(SaveMode.Overwrite).partitionBy("year", "month").parquet(out.resolve("songplays").toString());
  }

  /** Rows in the Parquet files under each of {@code dirs} (after the timed work: Lake's result has its counts). */
  static long rows(SparkSession spark, Path... dirs) {
    long rows = 0;
    for (Path dir : dirs) {
      rows += spark.read().parquet(dir.toString()).count();
    }
    return rows;
  }
}
