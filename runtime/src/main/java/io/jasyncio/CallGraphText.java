package io.jasyncio;

import io.jasyncio.internal.Repr;

/**
 * Renders a {@link FutureCallGraph} as asyncio 3.14's {@code format_call_graph} does, with Java
 * frames: each future on a line ({@code * Task(name='Task-2', id=0x1b2c)} or
 * {@code * Future(id=0x3d4e)}), its call stack under {@code + Call stack:}, one
 * {@code |   File 'Chain.java', line 10, in async demo.Chain.a()} line per frame, innermost
 * first, and the graphs of the tasks awaiting it under {@code + Awaited by:}, four spaces further
 * in. The id is the identity hash code, as in a coroutine's {@code toString()}.
 */
final class CallGraphText {
  private CallGraphText() {}

  /** The lines of {@code graph}, joined with {@code \n}, without a final line break. */
  static String format(FutureCallGraph graph) {
    StringBuilder out = new StringBuilder();
    render(graph, 0, out);
    return out.toString();
  }

  private static void render(FutureCallGraph graph, int level, StringBuilder out) {
    String indent = "    ".repeat(level);
    AsyncFuture<?> future = graph.future();
    String id = "0x" + Integer.toHexString(System.identityHashCode(future));
    if (future instanceof Task<?> task) {
      line(out, indent, "* Task(name=" + Repr.of(task.getName()) + ", id=" + id + ")");
    } else {
      line(out, indent, "* Future(id=" + id + ")");
    }
    if (!graph.callStack().isEmpty()) {
      line(out, indent, "  + Call stack:");
      for (FrameCallGraphEntry entry : graph.callStack()) {
        line(out, indent, "  |   " + frame(entry));
      }
    }
    if (!graph.awaitedBy().isEmpty()) {
      line(out, indent, "  + Awaited by:");
      for (FutureCallGraph awaiter : graph.awaitedBy()) {
        render(awaiter, level + 1, out);
      }
    }
  }

  /** {@code File 'Chain.java', line 10, in async demo.Chain.a()}. */
  static String frame(FrameCallGraphEntry entry) {
    StackTraceElement f = entry.frame();
    String tag = switch (entry.kind()) {
      case COROUTINE -> "async ";
      case ASYNC_GENERATOR -> "async generator ";
      case FUNCTION -> "";
    };
    String file = f.getFileName() == null ? "<unknown>" : f.getFileName();
    return "File " + Repr.of(file) + ", line " + f.getLineNumber() + ", in " + tag
        + f.getClassName() + "." + f.getMethodName() + "()";
  }

  private static void line(StringBuilder out, String indent, String text) {
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append(indent).append(text);
  }
}
