package io.jasyncio.processor;

/**
 * Every message the processor prints: one sentence, what is wrong in the user's terms, a
 * semicolon, then the fix. Tests check the tags, so the wording can improve freely.
 */
public final class Messages {
  private Messages() {}

  public static final String RETURN_TYPE = "ReturnType";
  public static final String AWAIT_OUTSIDE_ASYNC = "AwaitOutsideAsync";
  public static final String AWAIT_IN_LAMBDA = "AwaitInLambda";
  public static final String AWAIT_IN_LOCAL_CLASS = "AwaitInLocalClass";
  public static final String AWAIT_IN_SYNCHRONIZED = "AwaitInSynchronized";
  public static final String AWAIT_REFERENCE = "AwaitReference";
  public static final String AWAIT_POSITION = "AwaitPosition";
  public static final String PRIVATE_MEMBER = "PrivateMember";
  public static final String FINAL_CLASS = "FinalClass";
  public static final String PRIVATE_ASYNC = "PrivateAsync";
  public static final String NO_BODY = "NoBody";
  public static final String ENCLOSING_CLASS = "EnclosingClass";
  public static final String SUPER = "Super";
  public static final String NON_DENOTABLE = "NonDenotableType";
  public static final String RETURN_NULL = "ReturnNull";
  public static final String LOCAL_CLASS_ACROSS_AWAIT = "LocalClassAcrossAwait";
  public static final String TEMPLATE_CALL = "TemplateCall";
  public static final String INTERNAL = "Internal";
  public static final String GENERATOR_MIX = "GeneratorMix";

  public static String awaitInGenerator(String method) {
    return "await cannot suspend " + method + ", which returns Generator<T> and is driven by"
        + " next(), not by an event loop; compute the value before, or make an @Async method"
        + " return Coroutine<T> and await it there";
  }

  public static String yieldInCoroutine(String method) {
    return "Generator.yield cannot suspend " + method + ", which returns Coroutine<T>;"
        + " declare it Generator<T> (or AsyncGenerator<T> to await too) to yield values,"
        + " or await instead";
  }

  public static String returnInAsyncGenerator(String method) {
    return method + " returns AsyncGenerator<T>, which finishes with return null; only;"
        + " yield the values with Generator.yield(...) instead";
  }

  public static String aiterPosition() {
    return "aiter(...) marks async iteration and can only be the iterable of an enhanced for,"
        + " as in for (T v : aiter(gen)) { ... }; to take one value, await(gen.next())";
  }

  public static String doneInGenerator(String method) {
    return method + " returns Generator<T>, which finishes with return null; (or return other;"
        + " to yield what another generator yields), not with done(...)";
  }

  public static String returnType(String method, String type) {
    return "@Async method " + method + " returns " + type
        + "; declare it Coroutine<T> and end it with return done(...);, or Generator<T> or"
        + " AsyncGenerator<T> and end it with return null;";
  }

  public static String awaitOutsideAsync(String where) {
    return "await cannot suspend " + where
        + ", which is not an @Async method; mark the method @Async and return Coroutine<T>,"
        + " or move the await into one";
  }

  public static String awaitInInitializer(String what) {
    return "await cannot run in " + what
        + "; move it into an @Async method and await that method's coroutine";
  }

  public static String awaitInLambda(String method) {
    return "await cannot suspend " + method
        + " from inside a lambda; move it out of the lambda, or into an @Async method you await";
  }

  public static String awaitInLocalClass(String method) {
    return "await cannot suspend " + method
        + " from inside a local or anonymous class; move it out of the class,"
        + " or into an @Async method you await";
  }

  public static String awaitInSynchronized(String method) {
    return "await cannot suspend " + method
        + " inside synchronized, because the monitor would stay held while other tasks run;"
        + " move the await out of the synchronized block";
  }

  public static String synchronizedMethod(String method) {
    return "@Async method " + method + " cannot be synchronized, because its body runs later,"
        + " step by step on the event loop; remove synchronized, and use an asyncio Lock if"
        + " tasks must take turns";
  }

  public static String typeNotKnown(String local) {
    return "the type of local " + local + " is not known while jasyncio runs (it names a class"
        + " that is not generated yet); declare " + local + " with an explicit type";
  }

  public static String localClassAcrossAwait(String name, String type) {
    return "local class " + name + " is used after an await, where the generated state machine"
        + " cannot see its declaration; declare " + name + " as a nested class of " + type;
  }

  public static String localClassType(String local, String type) {
    return "local " + local + " has the type of local class " + type + ", which cannot live"
        + " across an await; declare " + type + " as a nested class instead";
  }

  public static String templateCall(String template, String generated) {
    return template + " is an @Async template and does not run by itself; call " + generated
        + " instead";
  }

  public static String awaitReference() {
    return "await cannot be used as a method reference; call await(...) directly in an @Async"
        + " method";
  }

  public static String awaitPosition() {
    return "await in this position is not supported yet; give it a statement of its own,"
        + " as in var v = await(...);, then use v";
  }

  public static String capturedAndAssigned(String local) {
    return local + " is assigned in an expression that awaits, and a lambda or class in it"
        + " reads " + local + "; assign " + local + " in a statement of its own before it";
  }

  public static String compoundTarget() {
    return "a compound assignment that awaits can only update a local or a field of this class"
        + " (count or this.count) here; compute the value first, as in var v = await(...);,"
        + " then update the target";
  }

  public static String awaitInConstruct(String construct) {
    return "await inside " + construct + " is not supported yet; move the await out of "
        + construct + ", for example into an @Async method you await before it";
  }

  public static String awaitInSwitchExpression() {
    return "await inside a switch expression is supported only where the switch expression"
        + " initializes a local, is assigned to a variable, or is the value of return done(...);"
        + " give it such a place, as in var v = switch (...) { ... };";
  }

  public static String tailAwaitInConstruct(String construct) {
    return "returning a coroutine from inside " + construct + " is not supported yet;"
        + " move the return out of " + construct;
  }

  public static String returnNull() {
    return "return null; finishes nothing in a coroutine, which is not a generator;"
        + " write return done(null);";
  }

  public static String assignmentTarget() {
    return "await can only be assigned to a local variable or a field of this class (count or"
        + " this.count) here; assign it to a local first, as in var v = await(...);, then copy it";
  }

  public static String privateMember(String generated, String kind, String name) {
    return generated + " cannot reach private " + kind + " " + name
        + "; make it package-private";
  }

  public static String finalClass(String type, String generated) {
    return "class " + type + " is final, so " + generated
        + " cannot extend it to override its @Async instance methods; remove final,"
        + " or make those methods static";
  }

  public static String finalMethod(String method, String generated) {
    return "@Async method " + method + " is final, so " + generated
        + " cannot override it with the rewritten one; remove final";
  }

  public static String privateAsync(String method, String generated) {
    return "@Async method " + method + " is private, so callers cannot reach " + generated
        + "; make it package-private";
  }

  public static String noBody(String method) {
    return "@Async method " + method + " has no body to rewrite; give it one, or remove @Async";
  }

  public static String enclosingClass(String type, String why, String fix) {
    return "@Async methods of " + type + " cannot be rewritten, because " + why + "; " + fix;
  }

  public static String superUse() {
    return "super cannot be used in an @Async body, because the generated class overrides this"
        + " method; call it through a method of the class that is not @Async";
  }

  public static String nonDenotable(String local, String type) {
    return "the type of local " + local + " (" + type + ") cannot be written in Java, so it cannot"
        + " live across an await; declare " + local + " with an explicit type";
  }

  public static String internal(String method, Throwable error) {
    return "internal error while rewriting " + method + ": " + error
        + "; please report it with this method's source";
  }
}
