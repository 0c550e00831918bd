package io.jasyncio.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method to be rewritten into a state machine: Python's {@code async def}.
 *
 * <p>The method's declared return type says what it becomes: {@code Coroutine<T>} may
 * {@code await(...)}. For a class {@code Foo} the jasyncio processor writes {@code AsyncFoo} in the
 * same package; call the rewritten method there ({@code AsyncFoo.m(...)} for a static method,
 * {@code new AsyncFoo(...).m(...)} for an instance method). The method as written is a template:
 * running it directly fails at its first {@code await} with an exception naming the generated
 * method to call instead.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Async {}
