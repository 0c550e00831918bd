package io.jasyncio.internal.process;

import java.io.ObjectInputFilter;
import java.util.List;
import java.util.Set;

/**
 * The deserialization filter of a pool and its workers: it rejects the known gadget classes (the
 * classes that published deserialization exploits chain together) and graphs beyond sane limits,
 * then defers to the JVM-wide filter ({@code -Djdk.serialFilter}) if one is set, and admits the
 * rest, since a task may carry any serializable class of the application.
 *
 * <p>Workers read nothing but their own pool's pipe and listen on no port, so the filter is a
 * second wall, not the first: it keeps a worker from running a gadget chain even if something
 * else on the class path (commons-collections, Groovy, Spring, ...) makes one possible.
 *
 * <p>One instance per stream: it remembers why it rejected, for an exception that says so.
 */
public final class GadgetFilter implements ObjectInputFilter {
  /** Deepest object nesting accepted. */
  static final long MAX_DEPTH = 2_000;
  /** Most object references in one payload. */
  static final long MAX_REFERENCES = 50_000_000;
  /** Longest array accepted. */
  static final long MAX_ARRAY_LENGTH = 1 << 28;

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

  private final ObjectInputFilter global = ObjectInputFilter.Config.getSerialFilter();
  private String rejection;

  /** A filter for one stream. */
  public GadgetFilter() {}

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
      if (isDenied(element.getName())) {
        return reject(element.getName() + " is a known deserialization gadget");
      }
    }
    if (info.depth() > MAX_DEPTH) {
      return reject("objects nested deeper than " + MAX_DEPTH);
    }
    if (info.references() > MAX_REFERENCES) {
      return reject("more than " + MAX_REFERENCES + " object references");
    }
    if (info.arrayLength() > MAX_ARRAY_LENGTH) {
      return reject("an array of " + info.arrayLength() + " elements");
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
}
