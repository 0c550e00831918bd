package io.jasyncio.tools;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Shows the tasks of the event loops of another running JVM, as {@code python -m asyncio ps PID}
 * and {@code pstree PID} do for a Python process:
 *
 * <pre>
 * java -cp jasyncio-runtime.jar io.jasyncio.tools.AsyncioTool ps PID
 * java -cp jasyncio-runtime.jar io.jasyncio.tools.AsyncioTool pstree PID
 * </pre>
 *
 * <p>It attaches to the JVM with the JDK's attach API (module {@code jdk.attach}; only this class
 * needs it, and only when it runs), starts that JVM's local management agent, connects to it over
 * JMX and calls {@code ps} or {@code pstree} on each {@code io.jasyncio:type=EventLoop} MBean (see
 * {@link io.jasyncio.EventLoopMXBean}), printing one loop after the other. Attaching works for a
 * JVM of the same user, on the same machine.
 *
 * <p>Exit status: 0 when it printed the loops; 1 when it could not attach or connect, the JVM runs
 * no jasyncio event loop, or (pstree) tasks await each other in a circle; 2 for a wrong command
 * line.
 */
public final class AsyncioTool {
  private static final String USAGE =
      "usage: java -cp jasyncio-runtime.jar io.jasyncio.tools.AsyncioTool ps|pstree PID";

  private AsyncioTool() {}

  /** Runs the tool: {@code ps PID} or {@code pstree PID}; exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the tool, printing on {@code out} and {@code err}; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2 || !(args[0].equals("ps") || args[0].equals("pstree"))
        || !args[1].matches("\\d+")) {
      err.println(USAGE);
      return 2;
    }
    String operation = args[0];
    String pid = args[1];
    String address;
    try {
      VirtualMachine vm = VirtualMachine.attach(pid);
      try {
        address = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
    } catch (AttachNotSupportedException | IOException | RuntimeException e) {
      err.println("Error attaching to process " + pid + ": " + e.getMessage());
      return 1;
    }
    try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
      MBeanServerConnection server = connector.getMBeanServerConnection();
      Set<ObjectName> loops = new TreeSet<>(server.queryNames(
          new ObjectName("io.jasyncio:type=EventLoop,*"), null));
      if (loops.isEmpty()) {
        err.println("No jasyncio event loop runs in process " + pid + ".");
        return 1;
      }
      List<String> answers = new ArrayList<>();
      for (ObjectName loop : loops) {
        answers.add((String) server.invoke(loop, operation, new Object[0], new String[0]));
      }
      out.println(String.join("\n\n", answers));
      return 0;
    } catch (RuntimeMBeanException e) {
      // pstree refuses a graph with a circle: its message says which tasks.
      err.println(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
      return 1;
    } catch (IOException | JMException e) {
      err.println("Error reading the event loops of process " + pid + ": " + e);
      return 1;
    }
  }
}
