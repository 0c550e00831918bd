package io.jasyncio.processor.model;

import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import io.jasyncio.processor.scan.MethodKind;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * One {@code @Async} method as plain data: what the writer needs to emit its factory method and
 * its state machine, with no javac types left in it.
 *
 * @param name the method's name, as in the template
 * @param machine the state machine's class name ({@code NumSumMachine})
 * @param isStatic whether the method is static (else the machine is an inner class)
 * @param visibility the template's access modifiers, copied to the generated method
 * @param typeVariables the method's own type variables
 * @param valueType {@code T} of the declared {@code Coroutine<T>}
 * @param returnType the declared return type
 * @param parameters the parameters, which become fields of the machine
 * @param varargs whether the last parameter is a varargs array
 * @param thrown the declared checked exceptions, copied so callers handle them
 * @param hoisted locals live across an await, which become fields of the machine
 * @param states the states of {@code resume()}, in order
 * @param dispatchLoop whether states jump to each other ({@code continue dispatch;}), so
 *     {@code resume()} needs its dispatch loop and block-scoped cases
 * @param suppressed the warnings the template suppresses (on the method, its classes and its
 *     locals), suppressed on the machine too since its code is the template's
 * @param safeVarargs whether the template is {@code @SafeVarargs}, which the factory repeats
 * @param deprecated whether the template is {@code @Deprecated}, which the factory repeats
 * @param handlers the catch clauses of split try statements, innermost first: an exception
 *     thrown while {@code state} is in a handler's range goes to the first that matches
 * @param dispatchLabel the label of the dispatch loop (dispatch, unless the template uses it)
 * @param source where the template is ({@code Kitchen.java:20})
 * @param kind what the method returns, which decides its machine's superclass
 * @param templateClass the template class's binary name, for the frames of async stack traces
 * @param fileName the template's source file ({@code Kitchen.java})
 * @param originField the machine's static field holding its origin (ORIGIN, unless taken)
 * @param machineTypeVariables type variables the machine adds to the method's: the types of
 *     locals of an intersection type, which no declaration can spell
 */
public record MethodModel(
    String name,
    String machine,
    boolean isStatic,
    Set<Modifier> visibility,
    List<TypeVariableName> typeVariables,
    TypeName valueType,
    TypeName returnType,
    List<Field> parameters,
    boolean varargs,
    List<TypeName> thrown,
    List<Field> hoisted,
    List<State> states,
    boolean dispatchLoop,
    List<String> suppressed,
    boolean safeVarargs,
    boolean deprecated,
    List<Handler> handlers,
    String dispatchLabel,
    String source,
    MethodKind kind,
    String templateClass,
    String fileName,
    String originField,
    List<TypeVariableName> machineTypeVariables) {

  /**
   * A model whose machine declares no type variables but the method's ({@code
   * machineTypeVariables} holds those the machine adds: the types of locals of an intersection
   * type, see {@code IntersectionTypes}).
   */
  public MethodModel(String name, String machine, boolean isStatic, Set<Modifier> visibility,
      List<TypeVariableName> typeVariables, TypeName valueType, TypeName returnType,
      List<Field> parameters, boolean varargs, List<TypeName> thrown, List<Field> hoisted,
      List<State> states, boolean dispatchLoop, List<String> suppressed, boolean safeVarargs,
      boolean deprecated, List<Handler> handlers, String dispatchLabel, String source,
      MethodKind kind, String templateClass, String fileName, String originField) {
    this(name, machine, isStatic, visibility, typeVariables, valueType, returnType, parameters,
        varargs, thrown, hoisted, states, dispatchLoop, suppressed, safeVarargs, deprecated,
        handlers, dispatchLabel, source, kind, templateClass, fileName, originField, List.of());
  }

  /** A field of the machine: a parameter, or a local live across an await. */
  public record Field(String name, String sourceName, TypeName type, boolean isFinal,
      String comment) {}

  /**
   * A catch clause of a split try statement, or the catch-all that runs its finally block: the
   * states it guards, the exception types it takes (none: all), what it records, where it goes.
   */
  public record Handler(int firstState, int lastState, List<String> types, int handlerState,
      List<Step> assignments) {}

  /**
   * One {@code case} of {@code resume()}: the steps run from one resumption to the next, and the
   * source line it starts at (for a state an await resumes, the await's line).
   */
  public record State(int number, String comment, int line, List<Step> steps) {}

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(machine).append(" for ").append(name)
        .append(" (").append(source).append(")\n");
    for (Field f : parameters) {
      out.append("  param ").append(f.type()).append(' ').append(f.name()).append('\n');
    }
    for (Field f : hoisted) {
      out.append("  hoisted ").append(f.type()).append(' ').append(f.name()).append('\n');
    }
    for (State s : states) {
      out.append("  case ").append(s.number()).append(": // ").append(s.comment()).append('\n');
      for (Step step : s.steps()) {
        out.append("    ").append(step.toString().replace("\n", "\n    ")).append('\n');
      }
    }
    return out.toString();
  }
}
