package io.jasyncio.processor.diagnostics;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * A processor, run before jasyncio's, that makes javac forget the end positions of every source
 * it processes, as javac itself does when it runs with no processor and no {@code -Xjcov}: each
 * unit's end-position table answers {@code NOPOS} for every tree.
 *
 * <p>javac keeps end positions whenever it runs annotation processors, so this is the only way
 * to see what jasyncio does without them. It reaches into javac's internal tree classes by
 * reflection, so the javac running it needs
 * {@code -J--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED}.
 */
public final class ForgetEndPositions extends AbstractProcessor {

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Trees trees = Trees.instance(processingEnv);
    for (Element root : round.getRootElements()) {
      TreePath path = trees.getPath(root);
      if (path != null) {
        forget(path.getCompilationUnit());
      }
    }
    return false;
  }

  private static void forget(CompilationUnitTree unit) {
    try {
      Field table = unit.getClass().getField("endPositions");
      Class<?> type = table.getType(); // com.sun.tools.javac.tree.EndPosTable
      table.set(unit, Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
          (proxy, method, args) -> method.getReturnType() == int.class ? -1 : null));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("javac's trees changed: cannot forget end positions", e);
    }
  }
}
