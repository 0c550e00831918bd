package io.jasyncio.processor.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.jasyncio.processor.model.MethodModel;
import io.jasyncio.processor.model.Step;
import io.jasyncio.processor.scan.MethodKind;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import org.junit.jupiter.api.Test;

/** The writer's machine for a hand-built model: STYLE.md's sumTwice, as steps. */
class StateMachineWriterTest {
  private static final TypeName LIST_OF_INTEGER = ParameterizedTypeName.get(
      ClassName.get(List.class), ClassName.get(Integer.class));

  @Test
  void eachStepIsWrittenInTheCaseOfItsState() {
    MethodModel model = sumTwice();

    String machine = SourceLines.resolve(new StateMachineWriter("Kitchen").machine(model)
        .toString());

    assertThat(machine).contains(String.join("\n",
        "        case 1: { // Kitchen.java:22, for each",
        "          if (!(xsIterator.hasNext())) {",
        "            state = 3;",
        "            continue dispatch;",
        "          }",
        "          int x = nextInt(xsIterator);",
        "          if (suspendOn(self.twice(x), 2)) {",
        "            return; // Kitchen.java:23 suspends",
        "          }",
        "        }",
        "        case 2: { // Kitchen.java:23, resumed",
        "          int y = awaitedInt();",
        "          total += y;",
        "          state = 1;",
        "          continue dispatch;",
        "        }",
        "        case 3: { // Kitchen.java:22, after for each",
        "          complete(total);",
        "          return;",
        "        }"));
    assertThat(machine).contains("xsIterator = iterate(xs);");
    assertThat(model.toString()).contains("    jump to 3 if not xsIterator.hasNext()\n"
        + "    int x = next int of xsIterator\n"
        + "    suspend on self.twice(x), resume in 2\n");
  }

  /**
   * Its states take 24 lines (4, 10, 6 and 4): past a limit of 14 they run in two methods, and
   * what leaves one returns to the dispatcher in resume().
   */
  @Test
  void statesPastTheLimitRunInOneMethodPerRange() {
    String machine = SourceLines.resolve(new StateMachineWriter("Kitchen", 14)
        .machine(sumTwice()).toString());

    assertThat(machine).contains(String.join("\n",
        "      if (state >= 0 && state <= 1) {",
        "        goesOn = resumeStates0To1();",
        "      } else if (state <= 3) {",
        "        goesOn = resumeStates2To3();",
        "      } else {",
        "        throw new java.lang.IllegalStateException(\"SumTwiceMachine has no state \""
            + " + state);",
        "      }",
        "      if (!goesOn) {",
        "        return; // suspended, yielded or finished",
        "      }"));
    assertThat(machine).contains(String.join("\n",
        "          if (suspendOn(self.twice(x), 2)) {",
        "            return false; // Kitchen.java:23 suspends",
        "          }",
        "        }",
        "        case 2: // the first state of resumeStates2To3()",
        "          state = 2;",
        "          return true;",
        "        default: // a state of another range",
        "          return true;"));
    assertThat(machine).contains(String.join("\n",
        "  private boolean resumeStates2To3() throws java.lang.Throwable {",
        "    dispatch:",
        "    for (;;) {",
        "      switch (state) {",
        "        case 2: { // Kitchen.java:23, resumed",
        "          int y = awaitedInt();",
        "          total += y;",
        "          state = 1;",
        "          continue dispatch;"));
  }

  private static MethodModel sumTwice() {
    List<MethodModel.State> states = List.of(
        new MethodModel.State(0, "Kitchen.java:21", 21, List.of(
            new Step.Code("total = 0;", 21),
            new Step.Assign("xsIterator", new Step.Iterate(new Step.Text("xs")), 22))),
        new MethodModel.State(1, "Kitchen.java:22, for each", 22, List.of(
            new Step.JumpIf(new Step.Text("xsIterator.hasNext()"), false, 3, 22),
            new Step.Assign("int x", new Step.Next("xsIterator", TypeKind.INT), 22),
            new Step.Suspend(new Step.Text("self.twice(x)"), 2, "Kitchen.java:23", 23))),
        new MethodModel.State(2, "Kitchen.java:23, resumed", 23, List.of(
            new Step.Assign("int y", new Step.Resumed(Step.Source.AWAIT, TypeKind.INT), 23),
            new Step.Code("total += y;", 24),
            new Step.Jump(1, 24))),
        new MethodModel.State(3, "Kitchen.java:22, after for each", 22, List.of(
            new Step.Complete(new Step.Text("total"), 26))));
    MethodModel model = new MethodModel("sumTwice", "SumTwiceMachine", true, Set.of(),
        List.of(), ClassName.get(Integer.class),
        ParameterizedTypeName.get(ClassName.get("io.jasyncio", "Coroutine"),
            ClassName.get(Integer.class)),
        List.of(new MethodModel.Field("xs", "xs", LIST_OF_INTEGER, true, "")), false, List.of(),
        List.of(new MethodModel.Field("total", "total", TypeName.INT, false, "live"),
            new MethodModel.Field("xsIterator", "xsIterator", ParameterizedTypeName.get(
                ClassName.get(java.util.Iterator.class), ClassName.get(Integer.class)), false,
                "iterator")),
        states, true, List.of(), false, false, List.of(), "dispatch",
        "Kitchen.java:20", MethodKind.COROUTINE, "demo.Kitchen", "Kitchen.java", "ORIGIN");
    return model;
  }
}
