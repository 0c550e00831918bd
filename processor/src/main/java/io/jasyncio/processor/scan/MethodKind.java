package io.jasyncio.processor.scan;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

/** What an {@code @Async} method returns, which decides what its body may do. */
public enum MethodKind {
  /** {@code Coroutine<T>}: awaits, finishes with {@code return done(...)}. */
  COROUTINE("io.jasyncio.Coroutine", "io.jasyncio.internal.CoroutineMachine"),
  /** {@code Generator<T>}: yields, driven by {@code next()}; finishes with {@code return null;}. */
  GENERATOR("io.jasyncio.Generator", "io.jasyncio.internal.GeneratorMachine"),
  /** {@code AsyncGenerator<T>}: awaits and yields; finishes with {@code return null;}. */
  ASYNC_GENERATOR("io.jasyncio.AsyncGenerator", "io.jasyncio.internal.AsyncGeneratorMachine");

  private final String type;
  private final String machine;

  MethodKind(String type, String machine) {
    this.type = type;
    this.machine = machine;
  }

  /** The qualified name of the machine's superclass. */
  public String machine() {
    return machine;
  }

  /** Whether the body may await (and iterate asynchronously). */
  public boolean awaits() {
    return this != GENERATOR;
  }

  /** Whether the body may {@code Generator.yield}. */
  public boolean yields() {
    return this != COROUTINE;
  }

  /** The kind {@code method}'s declared return type makes it, or null for none of them. */
  public static MethodKind of(ExecutableElement method) {
    if (!(method.getReturnType() instanceof DeclaredType declared)
        || declared.getTypeArguments().size() != 1) {
      return null;
    }
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    for (MethodKind k : values()) {
      if (k.type.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
