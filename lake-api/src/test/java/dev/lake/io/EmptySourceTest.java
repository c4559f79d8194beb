package dev.lake.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lake.exceptions.ValidationException;
import dev.lake.iam.IamPolicy;
import dev.lake.iam.IamScope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class EmptySourceTest {

  @Test
  void empty_readsNoRowFromItsOneSplit() throws IOException {
    Source<String> none = Source.empty("no-tweets");

    assertThat(none.readAll()).isEmpty();
    assertThat(none.split(SourceContext.standalone())).hasSize(1);
    try (SourceReader<String> reader = none.open(SourceContext.standalone())) {
      assertThat(reader.hasNext()).isFalse();
      assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void empty_hasItsNameAndAStableIdAndNeedsNoPermission() {
    Source<String> none = Source.empty("no-tweets");

    assertThat(none.name()).isEqualTo("no-tweets");
    assertThat(none.id()).isEqualTo("empty:no-tweets").isEqualTo(Source.empty("no-tweets").id());
    assertThat(none.permissions(IamScope.unknown())).isEqualTo(IamPolicy.empty());
  }

  @Test
  void empty_survivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(Source.empty("no-tweets"));
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      Source<?> copy = (Source<?>) in.readObject();
      assertThat(copy.id()).isEqualTo("empty:no-tweets");
      assertThat(copy.readAll()).isEmpty();
    }
  }

  @Test
  void empty_withoutName_namesTheFix() {
    assertThatThrownBy(() -> Source.empty(" ")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("Source.empty(name)").hasMessageContaining("no-tweets");
    assertThatThrownBy(() -> Source.empty(null)).isInstanceOf(ValidationException.class);
  }
}
