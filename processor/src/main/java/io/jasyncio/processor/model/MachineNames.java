package io.jasyncio.processor.model;

import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import io.jasyncio.processor.scan.BodyScan;
import io.jasyncio.processor.scan.MethodKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.type.DeclaredType;

/**
 * The names the modeler gives out: the fields the lowering adds to the machine (a try
 * statement's pending exit, a loop's iterator, the returned value...), the dispatch loop's label,
 * the fields of hoisted locals, and names for locals the lowering declares. Each is a name no code
 * of the method uses, so no local of the template hides it.
 */
final class MachineNames extends MethodFacts {

  static final TypeName CASES = com.palantir.javapoet.ParameterizedTypeName.get(
      com.palantir.javapoet.ClassName.get(java.util.function.ToIntFunction.class),
      com.palantir.javapoet.ClassName.OBJECT);
  static final TypeName ASYNC_ITERATOR =
      com.palantir.javapoet.ParameterizedTypeName.get(
          com.palantir.javapoet.ClassName.get("io.jasyncio", "AsyncGenerator"),
          com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class));
  static final TypeName ITERATOR = com.palantir.javapoet.ParameterizedTypeName.get(
      com.palantir.javapoet.ClassName.get(java.util.Iterator.class),
      com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class));

  final LocalFieldNames fieldNames = new LocalFieldNames();
  /** Pending-exit fields of split try statements with finally blocks, by statement. */
  final Map<Tree, ExitFields> exits = new java.util.LinkedHashMap<>();
  private final Set<ExitFields> jumpedThrough = new HashSet<>();
  /** The field a return value waits in while finally blocks run, once one needs it. */
  String returned;
  /** The dispatch loop's label, chosen once. */
  String dispatchLabel;
  /** The field a caught exception waits in, once a split try statement needs it. */
  String caught;
  /** The iterator fields of split enhanced for loops, by loop. */
  final Map<Tree, String> iterators = new java.util.LinkedHashMap<>();
  /** The body's text, for choosing names it does not use. */
  String bodyText;
  /** The words of {@link #bodyText}: its maximal runs of word characters, read once. */
  private Set<String> bodyWords;
  /** For each base of {@link #uniqueName}, the first number not yet known to be taken. */
  private final Map<String, Integer> nextNumbers = new HashMap<>();
  /** Names {@link #uniqueName} has given out. */
  final Set<String> given = new HashSet<>();
  /** The generator fields of split {@code for (T v : aiter(gen))} loops, by loop. */
  final Map<Tree, String> asyncIterators = new java.util.LinkedHashMap<>();
  /** Names of locals the lowering declares (a switch selector's awaitable), by owner. */
  private final Map<Tree, String> freshNames = new java.util.IdentityHashMap<>();
  /** The field keeping the case chooser of a switch whose selector awaits, once needed. */
  String cases;
  /** The field a coroutine returned inside a synchronized block waits in, once needed. */
  String tail;
  final NameAllocator names = new NameAllocator();

  /** The fields where a try statement's pending exit waits while its finally block runs. */
  record ExitFields(String kind, String thrown, String target) {}

  MachineNames(MethodFacts facts) {
    super(facts);
    for (String reserved : machineFields) {
      names.newName(reserved, "reserved:" + reserved);
    }
  }

  /** The field holding the generator of {@code for (T v : aiter(gen))}. */
  String asyncIteratorField(EnhancedForLoopTree loop) {
    return asyncIterators.computeIfAbsent(loop, l -> fieldName(
        loop.getVariable().getName().toString() + "Source", loop));
  }

  /** The pending-exit fields of a try statement or one of its resources, allocated once. */
  ExitFields exitFields(Tree t) {
    return exits.computeIfAbsent(t, k -> {
      int n = exits.size() + 1;
      return new ExitFields(fieldName("exit" + n, "exit" + n),
          fieldName("exitThrown" + n, "exitThrown" + n),
          fieldName("exitTarget" + n, "exitTarget" + n));
    });
  }

  /** Records that a jump leaves through the try statement of {@code f}, whose target it holds. */
  void jumpTargetUsed(ExitFields f) {
    jumpedThrough.add(f);
  }

  /** The field a return value waits in while finally blocks run. */
  String returnedField() {
    if (returned == null) {
      returned = fieldName("returned", "returned");
    }
    return returned;
  }

  /** The label of the machine's dispatch loop, which no label of the template uses. */
  String dispatchLabel() {
    if (dispatchLabel == null) {
      Set<String> labels = new HashSet<>();
      new com.sun.source.util.TreeScanner<Void, Void>() {
        @Override
        public Void visitLabeledStatement(com.sun.source.tree.LabeledStatementTree l, Void p) {
          labels.add(l.getLabel().toString());
          return super.visitLabeledStatement(l, p);
        }
      }.scan(tree.getBody(), null);
      dispatchLabel = "dispatch";
      for (int n = 2; labels.contains(dispatchLabel); n++) {
        dispatchLabel = "dispatch" + n;
      }
    }
    return dispatchLabel;
  }

  /** The field a caught exception waits in until its catch clause runs. */
  String caughtField() {
    if (caught == null) {
      caught = fieldName("caught", "caught");
    }
    return caught;
  }

  /** The field that keeps an enhanced for loop's iterator across suspensions. */
  String iteratorField(EnhancedForLoopTree loop) {
    return iterators.computeIfAbsent(loop, l -> {
      ExpressionTree e = loop.getExpression();
      String base = e instanceof IdentifierTree id ? id.getName().toString()
          : loop.getVariable().getName().toString();
      return fieldName(base + "Iterator", loop);
    });
  }

  /** The field keeping the case chooser of a switch whose selector awaits. */
  String casesField() {
    if (cases == null) {
      cases = fieldName("cases", "cases");
    }
    return cases;
  }

  /**
   * The field {@code return other;} inside a synchronized block leaves {@code other} in, to be
   * awaited once the block has been left.
   */
  String tailField() {
    if (tail == null) {
      tail = fieldName("tail", "tail");
    }
    return tail;
  }

  /** A name no code of the method uses, for a local the lowering declares for {@code owner}. */
  String freshName(String base, Tree owner) {
    return freshNames.computeIfAbsent(owner, o -> fieldName(base, o));
  }

  /**
   * The name of a field the lowering adds to the machine: {@code base}, or base2, base3...
   * when the body uses the name, since a local of that name would hide the field.
   */
  String fieldName(String base, Object tag) {
    String fresh = base;
    for (int n = 2; taken(fresh); n++) {
      fresh = base + n;
    }
    given.add(fresh);
    return names.newName(fresh, tag);
  }

  /** A name no code of the method uses and the lowering has not given out: base1, base2... */
  String uniqueName(String base) {
    // A name once taken stays taken (the body is fixed, names given are never taken back), so
    // the search for a base resumes where the last one ended rather than at base1 again.
    for (int n = nextNumbers.getOrDefault(base, 1); ; n++) {
      String fresh = base + n;
      if (!taken(fresh)) {
        given.add(fresh);
        nextNumbers.put(base, n + 1);
        return fresh;
      }
    }
  }

  /** The body's text, read once. */
  String bodyText() {
    if (bodyText == null) {
      bodyText = source.render(tree.getBody());
    }
    return bodyText;
  }

  /** Whether {@code name} is a word of the body, a machine member, or already given out. */
  boolean taken(String name) {
    return isWordOfBody(name) || machineFields.contains(name) || fieldNames.contains(name)
        || given.contains(name);
  }

  /**
   * Whether {@code name} stands in the body as a whole word ({@code \bname\b}). A name made
   * of word characters does exactly when it is one of the body's maximal runs of them, so the
   * body is split into words once instead of searched once per name asked about.
   */
  private boolean isWordOfBody(String name) {
    if (!ASCII_WORD.matcher(name).matches()) {
      return java.util.regex.Pattern.compile("\\b" + name + "\\b").matcher(bodyText()).find();
    }
    if (bodyWords == null) {
      bodyWords = wordsOf(bodyText());
    }
    return bodyWords.contains(name);
  }

  private static final java.util.regex.Pattern ASCII_WORD =
      java.util.regex.Pattern.compile("[a-zA-Z0-9_]+");

  /** The maximal runs of characters that {@code \b} counts as word characters. */
  private static Set<String> wordsOf(String text) {
    Set<String> words = new HashSet<>();
    int start = -1;
    for (int i = 0; i <= text.length(); ) {
      int c = i < text.length() ? text.codePointAt(i) : ' ';
      // java.util.regex's \b on JDK 17: a letter, a digit, '_' or a non-spacing mark.
      boolean word = Character.isLetterOrDigit(c) || c == '_'
          || Character.getType(c) == Character.NON_SPACING_MARK;
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        words.add(text.substring(start, i));
        start = -1;
      }
      i += i < text.length() ? Character.charCount(c) : 1;
    }
    return words;
  }

  /**
   * The fields the lowering added to the machine: where a caught exception, a try statement's
   * pending exit, a return value, a case chooser or a loop's iterator waits across states.
   */
  List<MethodModel.Field> syntheticFields() {
    List<MethodModel.Field> out = new ArrayList<>();
    if (caught != null) {
      out.add(new MethodModel.Field(caught, caught, TypeName.get(Throwable.class), false,
          "An exception on its way to the catch clause that handles it."));
    }
    for (Map.Entry<Tree, ExitFields> e : exits.entrySet()) {
      String where = fileName + ":" + source.line(e.getKey());
      ExitFields f = e.getValue();
      out.add(new MethodModel.Field(f.kind(), f.kind(), TypeName.INT, false,
          "How the try block at " + where + " was left: an EXIT_* code for its finally"
              + " block."));
      out.add(new MethodModel.Field(f.thrown(), f.thrown(), TypeName.get(Throwable.class),
          false, "The exception that left the try block at " + where + "."));
      if (jumpedThrough.contains(f)) {
        out.add(new MethodModel.Field(f.target(), f.target(), TypeName.INT, false,
            "The state a jump out of the try block at " + where + " goes to."));
      }
    }
    if (returned != null) {
      DeclaredType rt = (DeclaredType) method.getReturnType();
      out.add(new MethodModel.Field(returned, returned,
          kind == MethodKind.GENERATOR ? TypeName.get(rt)
              : kind == MethodKind.ASYNC_GENERATOR ? com.palantir.javapoet.ClassName.OBJECT
              : TypeName.get(rt.getTypeArguments().get(0)), false,
          "A return value waiting while finally blocks run."));
    }
    if (tail != null) {
      out.add(new MethodModel.Field(tail, tail, TypeName.get(method.getReturnType()), false,
          "A coroutine returned inside a synchronized block, awaited once it is left."));
    }
    if (cases != null) {
      out.add(new MethodModel.Field(cases, cases, CASES, false,
          "Chooses the case of a switch whose selector awaits, once the value is there."));
    }
    for (Map.Entry<Tree, String> it : asyncIterators.entrySet()) {
      out.add(new MethodModel.Field(it.getValue(), it.getValue(), ASYNC_ITERATOR, false,
          "The async generator the for loop at " + fileName + ":"
              + source.line(it.getKey()) + " awaits."));
    }
    for (Map.Entry<Tree, String> it : iterators.entrySet()) {
      out.add(new MethodModel.Field(it.getValue(), it.getValue(), ITERATOR, false,
          "Where the for loop at " + fileName + ":" + source.line(it.getKey())
              + " is in its elements."));
    }
    return out;
  }
}
