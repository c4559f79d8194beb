// The script of the Glue job (job type Spark, language Scala, class GlueApp): Glue runs a Scala script, which
// hands over to the Java job in the jar given with --extra-jars.
object GlueApp {
  def main(args: Array[String]): Unit = dev.lake.examples.spark.SparkJob.main(args)
}
