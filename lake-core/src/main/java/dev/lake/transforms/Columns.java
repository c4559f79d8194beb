package dev.lake.transforms;

import static dev.lake.internal.values.Nullability.isNullable;
import static dev.lake.internal.values.Nullability.nonNull;
import static dev.lake.internal.values.Nullability.nullable;

import dev.lake.exceptions.SchemaException;
import dev.lake.internal.format.RecordRows;
import dev.lake.internal.values.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Column transforms over generic rows: select, rename, cast, flatten, and deduplication. Rows that are Java records
 * are turned into generic rows first. Output schemas are computed once per input schema.
 *
 * <pre>{@code
 * pipeline.apply(Columns.select("invoice_no", "quantity"))
 *         .apply(Columns.rename("quantity", "qty"))
 *         .apply(Columns.cast("qty", Schema.create(Schema.Type.LONG)));
 * }</pre>
 */
public final class Columns {
  private Columns() {}

  /** Keeps only the named fields, in that order. A missing field rejects the row, naming the fields there are. */
  public static Step<Object, GenericRecord> select(String... fields) {
    List<String> names = List.copyOf(Arrays.asList(fields));
    return reshaping("select", in -> {
      List<Schema.Field> out = new ArrayList<>();
      for (String n : names) {
        out.add(copy(field(in, n), n));
      }
      return out;
    });
  }

  /** Renames one field; the others keep their names and order. */
  public static Step<Object, GenericRecord> rename(String from, String to) {
    return reshaping("rename-" + from, in -> {
      field(in, from);
      List<Schema.Field> out = new ArrayList<>();
      for (Schema.Field f : in.getFields()) {
        out.add(copy(f, f.name().equals(from) ? to : f.name()));
      }
      return out;
    });
  }

  /** Casts one field to {@code type} (made nullable when the field was nullable). */
  public static Step<Object, GenericRecord> cast(String name, Schema type) {
    Function<Schema, Schema> outSchema = memo(in -> {
      field(in, name);
      List<Schema.Field> out = new ArrayList<>();
      for (Schema.Field f : in.getFields()) {
        if (f.name().equals(name)) {
          Schema t = isNullable(f.schema()) && !isNullable(type) ? nullable(type) : type;
          out.add(new Schema.Field(f.name(), t, f.doc(), isNullable(t) ? Schema.Field.NULL_DEFAULT_VALUE : null));
        } else {
          out.add(copy(f, f.name()));
        }
      }
      return record(in, out);
    });
    return Step.of("cast-" + name, (row, emit) -> {
      GenericRecord in = generic(row);
      Schema target = outSchema.apply(in.getSchema());
      GenericData.Record out = new GenericData.Record(target);
      for (Schema.Field f : target.getFields()) {
        Object v = in.get(f.name());
        if (f.name().equals(name)) {
          try {
            v = Values.cast(v, f.schema());
          } catch (IllegalArgumentException e) {
            throw new SchemaException("Field " + name + ": " + e.getMessage());
          }
        }
        out.put(f.pos(), v);
      }
      emit.accept(out);
    });
  }

  /** Flattens nested records into top-level fields named {@code parent<separator>child}. */
  public static Step<Object, GenericRecord> flatten(String separator) {
    Function<Schema, Schema> outSchema = memo(in -> {
      List<Schema.Field> out = new ArrayList<>();
      flattenFields(in, "", separator, false, out);
      return record(in, out);
    });
    return Step.of("flatten", (row, emit) -> {
      GenericRecord in = generic(row);
      Schema target = outSchema.apply(in.getSchema());
      GenericData.Record out = new GenericData.Record(target);
      int[] pos = {0};
      flattenValues(in, out, pos);
      emit.accept(out);
    });
  }

  /** Keeps the first row seen per key; the key set is shared by all workers of a run. */
  public static <T> Step<T, T> deduplicate(String stepName, SerializableFunction<? super T, ?> key) {
    return new Step<>() {
      private final Set<Object> seen = ConcurrentHashMap.newKeySet();

      @Override
      public String name() {
        return stepName;
      }

      @Override
      public void apply(T row, java.util.function.Consumer<? super T> out) {
        if (seen.add(key.apply(row))) {
          out.accept(row);
        }
      }

      @Override
      public boolean stateful() {
        return true;
      }
    };
  }

  private static Step<Object, GenericRecord> reshaping(String name,
      SerializableFunction<Schema, List<Schema.Field>> fields) {
    Function<Schema, Schema> outSchema = memo(in -> record(in, fields.apply(in)));
    return Step.of(name, (row, emit) -> {
      GenericRecord in = generic(row);
      Schema target = outSchema.apply(in.getSchema());
      GenericData.Record out = new GenericData.Record(target);
      List<Schema.Field> inFields = in.getSchema().getFields();
      List<Schema.Field> outFields = target.getFields();
      for (int i = 0; i < outFields.size(); i++) {
        // the original name is kept as an alias by copy(), so renamed fields are found too
        Schema.Field f = outFields.get(i);
        String source = f.aliases().isEmpty() ? f.name() : f.aliases().iterator().next();
        out.put(i, in.get(source));
      }
      emit.accept(out);
    });
  }

  private static void flattenFields(Schema record, String prefix, String sep, boolean nullableParent,
      List<Schema.Field> out) {
    for (Schema.Field f : record.getFields()) {
      Schema s = nonNull(f.schema());
      boolean nullable = nullableParent || isNullable(f.schema());
      if (s.getType() == Schema.Type.RECORD) {
        flattenFields(s, prefix + f.name() + sep, sep, nullable, out);
      } else {
        Schema t = nullable && !isNullable(f.schema()) ? nullable(f.schema()) : f.schema();
        out.add(new Schema.Field(prefix + f.name(), t, f.doc(), isNullable(t) ? Schema.Field.NULL_DEFAULT_VALUE : null));
      }
    }
  }

  private static void flattenValues(GenericRecord in, GenericData.Record out, int[] pos) {
    for (Schema.Field f : in.getSchema().getFields()) {
      Schema s = nonNull(f.schema());
      Object v = in.get(f.pos());
      if (s.getType() == Schema.Type.RECORD) {
        if (v == null) {
          pos[0] += countLeaves(s);
        } else {
          flattenValues(generic(v), out, pos);
        }
      } else {
        out.put(pos[0]++, v);
      }
    }
  }

  private static int countLeaves(Schema record) {
    int n = 0;
    for (Schema.Field f : record.getFields()) {
      Schema s = nonNull(f.schema());
      n += s.getType() == Schema.Type.RECORD ? countLeaves(s) : 1;
    }
    return n;
  }

  /** A row as a generic row: a GenericRecord as it is, a Java record converted by the record model. */
  private static GenericRecord generic(Object row) {
    if (row == null) {
      throw new NullPointerException("row");
    }
    return row instanceof GenericRecord g ? g : RecordRows.installed().toGeneric(row);
  }

  private static Schema.Field field(Schema in, String name) {
    Schema.Field f = in.getField(name);
    if (f == null) {
      List<String> names = in.getFields().stream().map(Schema.Field::name).toList();
      throw new SchemaException("No field '" + name + "' in " + in.getName() + "; fields are " + names);
    }
    return f;
  }

  private static Schema.Field copy(Schema.Field f, String newName) {
    Schema.Field copy = new Schema.Field(newName, f.schema(), f.doc(), f.defaultVal());
    copy.addAlias(f.name());
    return copy;
  }

  private static Schema record(Schema in, List<Schema.Field> fields) {
    return Schema.createRecord(in.getName(), in.getDoc(), in.getNamespace(), false, fields);
  }

  /** Caches the output schema for the last input schema seen (rows of one run nearly always share one). */
  private static Function<Schema, Schema> memo(SerializableFunction<Schema, Schema> fn) {
    return new SchemaMemo(fn);
  }

  private static final class SchemaMemo implements Function<Schema, Schema>, java.io.Serializable {
    private final SerializableFunction<Schema, Schema> fn;
    private final ConcurrentHashMap<Schema, Schema> cache = new ConcurrentHashMap<>();

    SchemaMemo(SerializableFunction<Schema, Schema> fn) {
      this.fn = fn;
    }

    @Override
    public Schema apply(Schema in) {
      return cache.computeIfAbsent(in, fn);
    }
  }
}
