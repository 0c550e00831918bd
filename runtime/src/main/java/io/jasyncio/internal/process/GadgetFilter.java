package io.jasyncio.internal.process;

import java.io.ObjectInputFilter;
import java.util.List;
import java.util.Set;

/**
 * The deserialization filter of a pool and its workers: it rejects the known gadget classes (the
 * classes that published deserialization exploits chain together) and payloads beyond the
 * {@link Limits}, then defers to the JVM-wide filter ({@code -Djdk.serialFilter}) if one is set,
 * and admits the rest, since a task may carry any serializable class of the application.
 *
 * <p>Workers read nothing but their own pool's channel, so the filter is a second wall, not the
 * first: it keeps a worker from running a gadget chain even if something else on the class path
 * (commons-collections, Groovy, Spring, ...) makes one possible, and it keeps a broken or hostile
 * worker from making the pool allocate, recurse or hash without bound.
 *
 * <p>One instance per payload: it knows the payload's length, when reading it began, and
 * remembers why it rejected, for an exception that says so.
 */
public final class GadgetFilter implements ObjectInputFilter {
  /**
   * Elements an array may have per byte left in the payload, plus a slack: an element takes at
   * least one byte of stream, but {@code HashMap} and {@code HashSet} size their tables at up to
   * four times their entries, and the stream reads ahead a block of up to 1 KiB.
   */
  private static final long ELEMENTS_PER_BYTE_LEFT = 4;
  private static final long ELEMENT_SLACK = 1024;

  /** Packages (with their subpackages) whose classes are gadgets or gadget entry points. */
  private static final List<String> DENIED_PACKAGES = List.of(
      "org.apache.commons.collections.functors.",
      "org.apache.commons.collections4.functors.",
      "org.codehaus.groovy.runtime.",
      "groovy.lang.",
      "org.springframework.beans.factory.support.",
      "org.springframework.core.SerializableTypeWrapper",
      "org.springframework.aop.framework.",
      "org.springframework.transaction.jta.",
      "com.sun.org.apache.xalan.internal.xsltc.trax.",
      "org.apache.xalan.xsltc.trax.",
      "com.mchange.v2.c3p0.",
      "bsh.",
      "org.python.core.",
      "org.mozilla.javascript.",
      "clojure.",
      "com.sun.syndication.feed.impl.",
      "com.rometools.rome.feed.impl.",
      "org.hibernate.tuple.component.",
      "org.hibernate.engine.spi.",
      "org.jboss.interceptor.",
      "org.jboss.weld.interceptor.",
      "org.apache.myfaces.el.",
      "org.apache.myfaces.view.facelets.el.",
      "net.sf.json.",
      "com.vaadin.data.util.",
      "org.apache.wicket.util.upload.",
      "org.apache.commons.fileupload.disk.",
      "org.apache.commons.configuration.",
      "org.apache.commons.configuration2.",
      "com.sun.jndi.",
      "sun.rmi.",
      "javax.management.remote.rmi.",
      "com.alibaba.fastjson.",
      "com.mysql.cj.jdbc.");

  /** Single classes that are gadgets or start known chains. */
  private static final Set<String> DENIED_CLASSES = Set.of(
      "org.apache.commons.beanutils.BeanComparator",
      "org.apache.commons.collections.keyvalue.TiedMapEntry",
      "org.apache.commons.collections4.keyvalue.TiedMapEntry",
      "org.apache.commons.collections.map.LazyMap",
      "org.apache.commons.collections4.map.LazyMap",
      "com.sun.rowset.JdbcRowSetImpl",
      "javax.management.BadAttributeValueExpException",
      "javax.management.openmbean.CompositeDataInvocationHandler",
      "java.rmi.server.UnicastRemoteObject",
      "java.rmi.server.RemoteObjectInvocationHandler",
      "java.rmi.server.RemoteObject",
      "javax.naming.Reference",
      "javax.script.ScriptEngineManager",
      "org.apache.click.control.Column$ColumnComparator",
      "com.sun.corba.se.spi.orbutil.proxy.CompositeInvocationHandlerImpl");

  /** {@link #isDenied} of each class, asked once per class rather than once per object. */
  private static final ClassValue<Boolean> DENIED = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return isDenied(type.getName());
    }
  };

  private final ObjectInputFilter global = ObjectInputFilter.Config.getSerialFilter();
  private final Limits limits;
  private final long payloadBytes;
  private final long started = System.nanoTime();
  private String rejection;

  /** A filter for one payload of {@code payloadBytes} bytes, whose reading starts now. */
  public GadgetFilter(Limits limits, long payloadBytes) {
    this.limits = limits;
    this.payloadBytes = payloadBytes;
  }

  /** Whether {@code className} (an element class, not an array) is on the deny list. */
  public static boolean isDenied(String className) {
    if (DENIED_CLASSES.contains(className)) {
      return true;
    }
    for (String prefix : DENIED_PACKAGES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Status checkInput(FilterInfo info) {
    Class<?> type = info.serialClass();
    if (type != null) {
      Class<?> element = type;
      while (element.isArray()) {
        element = element.getComponentType();
      }
      if (DENIED.get(element)) {
        return reject(element.getName() + " is a known deserialization gadget");
      }
    }
    if (info.depth() > limits.maxDepth()) {
      return reject("objects nested deeper than " + limits.maxDepth() + " levels",
          Limits.MAX_DEPTH);
    }
    if (info.references() > limits.maxReferences()) {
      return reject("more than " + limits.maxReferences() + " objects and references",
          Limits.MAX_REFERENCES);
    }
    long length = info.arrayLength();
    if (length >= 0) {
      long bytes = length * elementBytes(type);
      if (bytes > limits.maxArrayBytes()) {
        return reject("an array of " + length + " elements (" + bytes + " bytes), more than "
            + limits.maxArrayBytes() + " bytes", Limits.MAX_ARRAY_BYTES);
      }
      long left = Math.max(0, payloadBytes - info.streamBytes());
      if (length > left * ELEMENTS_PER_BYTE_LEFT + ELEMENT_SLACK) {
        return reject("an array of " + length + " elements with only " + left
            + " bytes of payload left to fill it: a corrupt or forged stream");
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    if (seconds >= limits.maxReadSeconds()) {
      // Checked at every object, so a graph built to make hashing explode stops within a few
      // multiples of the limit: each level of it costs about as much as all the deeper ones.
      return reject("deserializing took more than " + limits.maxReadSeconds() + " s",
          Limits.MAX_READ_SECONDS);
    }
    if (global != null) {
      Status status = global.checkInput(info);
      if (status == Status.REJECTED) {
        return reject((type == null ? "the payload" : type.getName())
            + " is rejected by the JVM-wide filter jdk.serialFilter");
      }
    }
    return Status.ALLOWED;
  }

  /** Why the last rejection happened, or null if nothing was rejected. */
  public String rejection() {
    return rejection;
  }

  private Status reject(String why) {
    rejection = why;
    return Status.REJECTED;
  }

  private Status reject(String why, String property) {
    return reject(why + "; the system property " + property + " raises the limit");
  }

  /** The bytes one element of {@code arrayType} takes: a primitive's size, or a reference's. */
  private static long elementBytes(Class<?> arrayType) {
    Class<?> element = arrayType == null ? null : arrayType.getComponentType();
    if (element == null || !element.isPrimitive()) {
      return 8;
    }
    if (element == byte.class || element == boolean.class) {
      return 1;
    }
    if (element == char.class || element == short.class) {
      return 2;
    }
    return element == int.class || element == float.class ? 4 : 8;
  }
}
