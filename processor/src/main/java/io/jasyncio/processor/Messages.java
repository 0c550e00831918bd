package io.jasyncio.processor;

import java.io.IOException;

/**
 * Every diagnostic the processor prints, one factory each: a {@link Message} that carries its own
 * tag and its text. The text is one sentence in javac's voice: what is wrong in the user's terms,
 * a semicolon, then the fix. Tests check the tags, so the wording can improve freely.
 */
public final class Messages {
  private Messages() {}

  private static final String RETURN_TYPE = "ReturnType";
  private static final String AWAIT_OUTSIDE_ASYNC = "AwaitOutsideAsync";
  private static final String AWAIT_IN_LAMBDA = "AwaitInLambda";
  private static final String AWAIT_IN_LOCAL_CLASS = "AwaitInLocalClass";
  private static final String AWAIT_IN_SYNCHRONIZED = "AwaitInSynchronized";
  private static final String SYNCHRONIZED_METHOD = "SynchronizedMethod";
  private static final String AWAIT_REFERENCE = "AwaitReference";
  private static final String SUSPENSION_ARGUMENT = "SuspensionArgument";
  private static final String YIELD_STATEMENT = "YieldStatement";
  private static final String YIELD_OUTSIDE_ASYNC = "YieldOutsideAsync";
  private static final String AWAIT_POSITION = "AwaitPosition";
  private static final String PRIVATE_MEMBER = "PrivateMember";
  private static final String FINAL_METHOD = "FinalMethod";
  private static final String PRIVATE_ASYNC = "PrivateAsync";
  private static final String NO_BODY = "NoBody";
  private static final String ENCLOSING_CLASS = "EnclosingClass";
  private static final String SUPER = "Super";
  private static final String NON_DENOTABLE = "NonDenotableType";
  private static final String RETURN_NULL = "ReturnNull";
  private static final String LOCAL_CLASS_ACROSS_AWAIT = "LocalClassAcrossAwait";
  private static final String TEMPLATE_CALL = "TemplateCall";
  private static final String GENERATOR_MIX = "GeneratorMix";
  private static final String CLASSPATH = "Classpath";
  private static final String COMPILER = "Compiler";
  private static final String END_POSITIONS = "EndPositions";
  private static final String WRITE = "Write";
  private static final String NAME_CLASH = "NameClash";
  private static final String INTERNAL = "Internal";

  // GeneratorMix: a generator's and a coroutine's ways of suspending and finishing, mixed.

  public static Message awaitInGenerator(String method) {
    return new Message(GENERATOR_MIX, "await cannot suspend " + method + ", which returns"
        + " Generator<T> and is driven by next(), not by an event loop; compute the value before,"
        + " or make an @Async method return Coroutine<T> and await it there");
  }

  public static Message yieldInCoroutine(String method) {
    return new Message(GENERATOR_MIX, "Generator.yield cannot suspend " + method + ", which"
        + " returns Coroutine<T>; declare it Generator<T> (or AsyncGenerator<T> to await too) to"
        + " yield values, or await instead");
  }

  public static Message returnInAsyncGenerator(String method) {
    return new Message(GENERATOR_MIX, method + " returns AsyncGenerator<T>, which finishes with"
        + " return null; only; yield the values with Generator.yield(...) instead");
  }

  public static Message doneInGenerator(String method) {
    return new Message(GENERATOR_MIX, method + " returns Generator<T>, which finishes with return"
        + " null; (or return other; to yield what another generator yields), not with"
        + " done(...)");
  }

  // ReturnType

  public static Message returnType(String method, String type) {
    return new Message(RETURN_TYPE, "@Async method " + method + " returns " + type
        + "; declare it Coroutine<T> and end it with return done(...);, or Generator<T> or"
        + " AsyncGenerator<T> and end it with return null;");
  }

  // AwaitOutsideAsync

  public static Message awaitOutsideAsync(String where) {
    return new Message(AWAIT_OUTSIDE_ASYNC, "await cannot suspend " + where
        + ", which is not an @Async method; mark the method @Async and return Coroutine<T>,"
        + " or move the await into one");
  }

  public static Message awaitInInitializer(String what) {
    return new Message(AWAIT_OUTSIDE_ASYNC, "await cannot run in " + what
        + "; move it into an @Async method and await that method's coroutine");
  }

  // AwaitInLambda, AwaitInLocalClass, AwaitInSynchronized: an await that cannot suspend by nature.

  /** {@code what} suspends: {@code await} or {@code Generator.yield}. */
  public static Message awaitInLambda(String what, String method) {
    return new Message(AWAIT_IN_LAMBDA, what + " cannot suspend " + method
        + " from inside a lambda; move it out of the lambda, or into an @Async method"
        + (what.equals("await") ? " you await" : " of its own"));
  }

  public static Message awaitInLocalClass(String what, String method) {
    return new Message(AWAIT_IN_LOCAL_CLASS, what + " cannot suspend " + method
        + " from inside a local or anonymous class; move it out of the class,"
        + " or into an @Async method" + (what.equals("await") ? " you await" : " of its own"));
  }

  public static Message awaitInSynchronized(String what, String method) {
    return new Message(AWAIT_IN_SYNCHRONIZED, what + " cannot suspend " + method
        + " inside synchronized, because the monitor would stay held while other tasks run;"
        + " move the " + what + " out of the synchronized block");
  }

  // AwaitReference

  public static Message awaitReference() {
    return new Message(AWAIT_REFERENCE, "await cannot be used as a method reference; call"
        + " await(...) directly in an @Async method");
  }

  // AwaitPosition: an await where this version cannot suspend yet.

  public static Message awaitPosition() {
    return new Message(AWAIT_POSITION, "await in this position is not supported yet; give it a"
        + " statement of its own, as in var v = await(...);, then use v");
  }

  public static Message yieldPosition() {
    return new Message(AWAIT_POSITION, "Generator.yield in this position is not supported yet;"
        + " give it a statement of its own, as in Generator.yield(x); or"
        + " var sent = Generator.yield(x);, then use sent");
  }

  // SuspensionArgument: await() or aiter() without its one argument, any of them with more.

  public static Message suspensionArgument(String call) {
    return new Message(SUSPENSION_ARGUMENT, call.equals("Generator.yield")
        ? "Generator.yield takes the value to yield, or nothing to yield null; write"
            + " Generator.yield(x)"
        : call + " takes exactly one argument, " + (call.equals("await")
            ? "the awaitable to wait for; write await(x)"
            : "the async generator to iterate; write aiter(gen)"));
  }

  // YieldStatement: Java's yield statement where a generator's yield was meant.

  public static Message yieldStatement() {
    return new Message(YIELD_STATEMENT, "yield(...) here is Java's yield statement, which only"
        + " gives a switch expression its value; call Generator.yield(...) to yield a value from a"
        + " generator");
  }

  // YieldOutsideAsync

  public static Message yieldOutsideAsync(String where) {
    return new Message(YIELD_OUTSIDE_ASYNC, "Generator.yield cannot suspend " + where
        + ", which is not an @Async method; mark the method @Async and return Generator<T>,"
        + " or move the yield into one");
  }

  public static Message aiterPosition() {
    return new Message(AWAIT_POSITION, "aiter(...) marks async iteration and can only be the"
        + " iterable of an enhanced for, as in for (T v : aiter(gen)) { ... }; to take one value,"
        + " await(gen.next())");
  }

  public static Message capturedAndAssigned(String local) {
    return new Message(AWAIT_POSITION, local + " is assigned in an expression that awaits, and a"
        + " lambda or class in it reads " + local + "; assign " + local + " in a statement of its"
        + " own before it");
  }

  public static Message awaitInConstruct(String construct) {
    return new Message(AWAIT_POSITION, "await inside " + construct + " is not supported yet;"
        + " move the await out of " + construct + ", for example into an @Async method you await"
        + " before it");
  }

  public static Message awaitInSwitchExpression() {
    return new Message(AWAIT_POSITION, "await inside a block arm or an old-style case of a switch"
        + " expression is supported only where the switch expression initializes a local, is"
        + " assigned to a variable, or is the value of return done(...); give it such a place, as"
        + " in var v = switch (...) { ... };");
  }

  public static Message tailAwaitInConstruct(String construct) {
    return new Message(AWAIT_POSITION, "returning a coroutine from inside " + construct + " is"
        + " not supported yet; move the return out of " + construct);
  }

  public static Message assignmentTarget() {
    return new Message(AWAIT_POSITION, "await can only be assigned to a local variable or a field"
        + " of this class (count or this.count) here; assign it to a local first, as in"
        + " var v = await(...);, then copy it");
  }

  // NonDenotableType, LocalClassAcrossAwait: a local whose type cannot live across an await.

  public static Message localClassType(String local, String type) {
    return new Message(NON_DENOTABLE, "local " + local + " has the type of local class " + type
        + ", which cannot live across an await; declare " + type + " as a nested class instead");
  }

  public static Message nonDenotable(String local, String type) {
    return new Message(NON_DENOTABLE, "the type of local " + local + " (" + type + ") cannot be"
        + " written in Java, so it cannot live across an await; declare " + local + " with an"
        + " explicit type");
  }

  public static Message localClassAcrossAwait(String name, String type) {
    return new Message(LOCAL_CLASS_ACROSS_AWAIT, "local class " + name + " is used after an"
        + " await, where the generated state machine cannot see its declaration; declare " + name
        + " as a nested class of " + type);
  }

  // TemplateCall

  public static Message templateCall(String template, String generated) {
    return new Message(TEMPLATE_CALL, template + " is an @Async template and does not run by"
        + " itself; call " + generated + " instead");
  }

  /** {@code user} calls {@code method}, an instance {@code @Async} method it inherits. */
  public static Message inheritedTemplate(String user, String method, String declaring,
      String generated) {
    return new Message(TEMPLATE_CALL, method + " is an @Async method of " + declaring + ", and "
        + user + " inherits only its template, which does not run by itself; call it on an "
        + generated + ", or declare the @Async method in " + user);
  }

  public static Message receiverReference(String method) {
    return new Message(TEMPLATE_CALL, "a bound reference to " + method + " would run its"
        + " @Async template, since the generated method takes the instance as an argument;"
        + " write a lambda, as in x -> obj." + method.replace("()", "") + "(x), which is"
        + " rewritten like any call");
  }

  public static Message templateReference(String template, String generated) {
    return new Message(TEMPLATE_CALL, template + " refers to an @Async template, which does not"
        + " run by itself; refer to " + generated + " instead");
  }

  // ReturnNull, Super, PrivateMember: statements the generated class cannot run as written.

  public static Message returnNull() {
    return new Message(RETURN_NULL, "return null; finishes nothing in a coroutine, which is not a"
        + " generator; write return done(null);");
  }

  public static Message superUse() {
    return new Message(SUPER, "super cannot be used in an @Async body, because the generated"
        + " class overrides this method; call it through a method of the class that is not"
        + " @Async");
  }

  public static Message privateMember(String generated, String kind, String name) {
    return new Message(PRIVATE_MEMBER, generated + " cannot reach private " + kind + " " + name
        + "; make it package-private");
  }

  // The private members the generated class reaches through handles, used where a handle cannot.

  public static Message privateOfAwaited(String kind, String name) {
    return new Message(PRIVATE_MEMBER, "private " + kind + " " + name + " of a value an await"
        + " gives is reached through a handle, which needs the value first; put the value in a"
        + " local first, as in var v = await(...);");
  }

  public static Message privateOfUntyped(String name) {
    return new Message(PRIVATE_MEMBER, "private field " + name + " is reached through a handle"
        + " on its class, which the processor cannot tell for this value; put the value in a"
        + " local declared with its class first");
  }

  public static Message receiverCallAwaitingArguments(String call, String generated) {
    return new Message(TEMPLATE_CALL, call + " becomes " + generated + ", which takes the"
        + " computed instance as its first argument and cannot evaluate it before the arguments"
        + " that await in Java's order; put the instance in a local first");
  }

  public static Message privateCallAwaitingArguments(String name) {
    return new Message(PRIVATE_MEMBER, "private method " + name + " is called on a computed"
        + " value with arguments that await, which its handle cannot take in Java's order; put"
        + " the value in a local first");
  }

  public static Message privateUpdate(String name) {
    return new Message(PRIVATE_MEMBER, "private field " + name + " of an object other than this"
        + " or a local is updated through a handle that would read the object twice; put the"
        + " object in a local first");
  }

  public static Message privateAssignedInExpression(String name) {
    return new Message(PRIVATE_MEMBER, "an assignment to private field " + name + " whose value"
        + " awaits must be a statement of its own; assign a local first, as in var v ="
        + " await(...);, then " + name + " = v;");
  }

  public static Message privateTypeArguments(String name) {
    return new Message(PRIVATE_MEMBER, "private method " + name + " is called through an"
        + " accessor, which takes no explicit type arguments; remove them, or make the method"
        + " package-private");
  }

  public static Message privateSubclass(String type, String generated) {
    return new Message(PRIVATE_MEMBER, "an anonymous class extending " + type + " through its"
        + " private constructor cannot be created from " + generated + "; make the constructor"
        + " package-private");
  }

  public static Message privateReference(String name) {
    return new Message(PRIVATE_MEMBER, "a reference to private method " + name + " can only be"
        + " made on this (when the method is not overloaded) or on the class's name; write a"
        + " lambda instead, as in x -> obj." + name.replace("()", "") + "(x)");
  }

  // FinalMethod, SynchronizedMethod, PrivateAsync, NoBody, EnclosingClass: a class or
  // method shape the generated class cannot extend, override or call.

  public static Message finalMethod(String method, String generated) {
    return new Message(FINAL_METHOD, "@Async method " + method + " is final, so " + generated
        + " cannot override it with the rewritten one; remove final");
  }

  public static Message synchronizedMethod(String method) {
    return new Message(SYNCHRONIZED_METHOD, "@Async method " + method + " cannot be synchronized,"
        + " because its body runs later, step by step on the event loop; remove synchronized,"
        + " and use an asyncio Lock if tasks must take turns");
  }

  public static Message privateAsync(String method, String generated) {
    return new Message(PRIVATE_ASYNC, "@Async method " + method + " is private, so callers cannot"
        + " reach " + generated + "; make it package-private");
  }

  public static Message noBody(String method) {
    return new Message(NO_BODY, "@Async method " + method + " has no body to rewrite; give it"
        + " one, or remove @Async");
  }

  /** {@code type} is local or anonymous, or inside such a class. */
  public static Message inLocalClass(String type, String generated) {
    return enclosingClass(type, "a local or anonymous class cannot be named from " + generated,
        "move the method into a top-level or static nested class");
  }

  /** {@code type} is, or is inside, the private class {@code privateClass}. */
  public static Message inPrivateClass(String type, String privateClass, String generated) {
    return enclosingClass(type, "private class " + privateClass + " cannot be reached from "
        + generated, "make it package-private");
  }

  /** {@code type} is, or is inside, the inner (non-static) class {@code inner}. */
  public static Message inInnerClass(String type, String inner, String generated) {
    return enclosingClass(type, "inner class " + inner + " needs an outer instance that "
        + generated + " cannot supply", "make it static");
  }

  public static Message interfaceInstanceMethod(String type) {
    return enclosingClass(type, "an interface's instance methods cannot be overridden by a"
        + " generated class", "make the method static, or move it into a class");
  }

  private static Message enclosingClass(String type, String why, String fix) {
    return new Message(ENCLOSING_CLASS, "@Async methods of " + type + " cannot be rewritten,"
        + " because " + why + "; " + fix);
  }

  // Classpath, Compiler, EndPositions, Write: the build around the processor.

  public static Message classpath(String method) {
    return new Message(CLASSPATH, "jasyncio-runtime is not on the class path, so " + method
        + " cannot be rewritten; add the io.jasyncio:jasyncio-runtime dependency");
  }

  public static Message compiler() {
    return new Message(COMPILER, "jasyncio reads method bodies through javac's Compiler Tree API,"
        + " which this compiler does not offer; compile with javac");
  }

  public static Message endPositions(String type) {
    return new Message(END_POSITIONS, "the trees of " + type + " have no end positions,"
        + " which jasyncio needs to copy statements (javac keeps them whenever processors run, so"
        + " another annotation processor or compiler plugin replaced them); run jasyncio without"
        + " that processor or plugin, or report it");
  }

  /** {@code existing}, a class of the user's, has the name jasyncio writes for {@code type}. */
  public static Message nameClash(String existing, String type) {
    return new Message(NAME_CLASH, "class " + existing + " has the name of the class jasyncio"
        + " generates for the @Async methods of " + type + "; rename " + existing);
  }

  public static Message writeFailed(String generated, IOException error) {
    return new Message(WRITE, "cannot write " + generated + ": " + error
        + "; check that the generated-sources folder is writable");
  }

  // Internal

  public static Message internal(String method, Throwable error) {
    return new Message(INTERNAL, "internal error while rewriting " + method + ": " + error
        + "; please report it with this method's source");
  }
}
