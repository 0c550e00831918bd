package io.jasyncio.processor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The template line of each line of rendered text, with replacements laid over it. */
class SourceTextTest {
  private static final String CODE = String.join("\n",
      "class Demo {",
      "  void m(int x) {",
      "    if (x > 0) {",
      "      x++;",
      "      foo(x,",
      "          x);",
      "    }",
      "  }",
      "}",
      "");

  private SourceText source;
  private IfTree ifTree;

  @BeforeEach
  void parse() throws IOException {
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Demo.java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return CODE;
      }
    };
    JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler()
        .getTask(null, null, null, null, null, List.of(file));
    CompilationUnitTree unit = task.parse().iterator().next();
    source = new SourceText(unit, Trees.instance(task).getSourcePositions());
    MethodTree m = (MethodTree) ((ClassTree) unit.getTypeDecls().get(0)).getMembers().get(0);
    ifTree = (IfTree) m.getBody().getStatements().get(0);
  }

  @Test
  void eachLineOfAStatementComesFromItsOwnLine() {
    SourceText.Rendered rendered = source.renderedStatement(ifTree);

    assertThat(rendered.text())
        .isEqualTo("if (x > 0) {\n  x++;\n  foo(x,\n      x);\n}");
    assertThat(rendered.lines()).containsExactly(3, 4, 5, 6, 7);
  }

  @Test
  void aReplacementOfAsManyLinesKeepsTheLinesOfTheTextItReplaced() {
    ExpressionStatementTree call = statement(1);
    source.replace(call, () -> "bar(" + source.render(call.getExpression()) + ");");

    SourceText.Rendered rendered = source.renderedStatement(ifTree);

    assertThat(rendered.text()).isEqualTo("if (x > 0) {\n  x++;\n  bar(foo(x,\n      x));\n}");
    assertThat(rendered.lines()).containsExactly(3, 4, 5, 6, 7);
  }

  @Test
  void theLinesOfAReplacementOfOtherLinesComeFromWhereItStarts() {
    source.replace(statement(0), "x++;\n      x++;");

    SourceText.Rendered rendered = source.renderedStatement(ifTree);

    assertThat(rendered.text()).isEqualTo("if (x > 0) {\n  x++;\n  x++;\n  foo(x,\n      x);\n}");
    assertThat(rendered.lines()).containsExactly(3, 4, 4, 5, 6, 7);
  }

  @Test
  void aRangeStartsAtTheLineOfItsFirstCharacter() {
    ExpressionStatementTree call = statement(1);

    SourceText.Rendered rendered = source.renderedRange(source.start(call.getExpression()),
        source.end(call.getExpression()));

    assertThat(rendered.text()).isEqualTo("foo(x,\n          x)");
    assertThat(rendered.lines()).containsExactly(5, 6);
  }

  private ExpressionStatementTree statement(int i) {
    return (ExpressionStatementTree) ((BlockTree) ifTree.getThenStatement()).getStatements()
        .get(i);
  }
}
