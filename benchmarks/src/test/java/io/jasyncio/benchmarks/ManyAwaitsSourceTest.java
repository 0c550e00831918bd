package io.jasyncio.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManyAwaitsSourceTest {
  @Test
  void theGeneratedMethodCompilesWithTheProcessorAndReturnsItsTotal(@TempDir Path out)
      throws Exception {
    ManyAwaitsSource source = new ManyAwaitsSource(20);
    new InProcessJavac().compile(ManyAwaitsSource.className(), source.text(), out,
        InProcessJavac.Mode.FULL);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
        getClass().getClassLoader())) {
      Class<?> machine = loader.loadClass(ManyAwaitsSource.asyncClassName());
      Coroutine<?> many = (Coroutine<?>) machine.getMethod(ManyAwaitsSource.METHOD, int.class)
          .invoke(null, source.statements());
      assertThat(Asyncio.run(many)).isEqualTo(source.expectedTotal());
    }
  }

  /**
   * The real size: one resume() holding every state passes the JVM's 64 KB limit at about 700
   * awaits of this mix, so the machine runs its states in several methods, one range each.
   */
  @Test
  void aThousandAwaitsCompileToClassFilesAndReturnTheirTotal(@TempDir Path out)
      throws Exception {
    ManyAwaitsSource source = new ManyAwaitsSource(1_000);
    new InProcessJavac().compile(ManyAwaitsSource.className(), source.text(), out,
        InProcessJavac.Mode.FULL);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
        getClass().getClassLoader())) {
      Class<?> machine = loader.loadClass(ManyAwaitsSource.asyncClassName() + "$ManyMachine");
      assertThat(java.util.Arrays.stream(machine.getDeclaredMethods())
          .filter(m -> m.getName().startsWith("resumeStates"))).hasSizeGreaterThan(10);
      Coroutine<?> many = (Coroutine<?>) loader.loadClass(ManyAwaitsSource.asyncClassName())
          .getMethod(ManyAwaitsSource.METHOD, int.class).invoke(null, source.statements());
      assertThat(Asyncio.run(many)).isEqualTo(source.expectedTotal());
    }
  }

  @Test
  void everyShapeIsWrittenAndTheAwaitsAreCountedExactly() {
    String text = new ManyAwaitsSource(11).text();
    assertThat(text.split("await\\(", -1)).hasSize(12);
    assertThat(text).contains("int x0 = await(f(0));", "if (n > 1) {", "while (i2 < 2) {",
        "} catch (IllegalStateException e) {", "total += await(f(4)) + await(g(4));");
  }

  @Test
  void aLastExpressionStatementWithOneAwaitLeftHasOne() {
    ManyAwaitsSource source = new ManyAwaitsSource(5); // shapes 0-3 take 4, shape 4 gets 1
    assertThat(source.text()).contains("total += await(f(4));");
    assertThat(source.expectedTotal()).isEqualTo(0 + 1 + 2 * 2 + 2 * 3 + 4);
  }

  @Test
  void fewerThanOneAwaitIsAnError() {
    assertThatThrownBy(() -> new ManyAwaitsSource(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
