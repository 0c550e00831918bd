package io.jasyncio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of {@code python -m asyncio ps PID} (Python 3.14) for a {@link LoopSnapshot}: one row
 * per pending task and task awaiting it (one row for a task nobody awaits), with the thread id,
 * the task's id and name, its coroutine stack innermost first, and the awaiter's stack, name and
 * id; a method reads {@code Pipeline.stage} (simple class name and method). Columns are as wide as
 * Python's; trailing spaces are left out.
 */
final class TaskTable {
  private static final String ROW = "%-10s %-20s %-20s %-50s %-50s %-15s %-15s";

  private TaskTable() {}

  /** The table, header and rule included, one line per row. */
  static String format(LoopSnapshot snapshot) {
    List<String> lines = new ArrayList<>();
    lines.add(row("tid", "task id", "task name", "coroutine stack", "awaiter chain",
        "awaiter name", "awaiter id"));
    lines.add("-".repeat(180));
    Map<String, LoopSnapshot.TaskInfo> byId = new HashMap<>();
    for (LoopSnapshot.TaskInfo t : snapshot.tasks()) {
      byId.put(t.id(), t);
    }
    String tid = String.valueOf(snapshot.threadId());
    for (LoopSnapshot.TaskInfo t : snapshot.tasks()) {
      String stack = chain(t.stack());
      if (t.awaiters().isEmpty()) {
        lines.add(row(tid, t.id(), t.name(), stack, "", "", "0x0"));
        continue;
      }
      for (String awaiterId : t.awaiters()) {
        LoopSnapshot.TaskInfo awaiter = byId.get(awaiterId);
        lines.add(row(tid, t.id(), t.name(), stack,
            awaiter == null ? "" : chain(awaiter.stack()),
            awaiter == null ? "Unknown" : awaiter.name(), awaiterId));
      }
    }
    return String.join("\n", lines);
  }

  /** {@code Pipeline.stage -> Pipeline.main}. */
  private static String chain(List<FrameCallGraphEntry> stack) {
    List<String> names = new ArrayList<>(stack.size());
    for (FrameCallGraphEntry e : stack) {
      names.add(function(e.frame()));
    }
    return String.join(" -> ", names);
  }

  /** The simple class name and method of {@code f}: {@code Pipeline.stage}. */
  static String function(StackTraceElement f) {
    String cls = f.getClassName();
    return cls.substring(cls.lastIndexOf('.') + 1) + "." + f.getMethodName();
  }

  private static String row(String... cells) {
    return String.format(ROW, (Object[]) cells).stripTrailing();
  }
}
