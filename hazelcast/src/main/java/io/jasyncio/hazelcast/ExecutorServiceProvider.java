package io.jasyncio.hazelcast;

import com.hazelcast.core.IExecutorService;
import io.jasyncio.RemoteExecutor;
import java.util.concurrent.Executor;

/**
 * Lets {@code runInExecutor} take a Hazelcast {@code IExecutorService} as it is: the function
 * and its argument go to a data member through {@link ClusterPool#on(IExecutorService)}, instead
 * of a {@code Runnable} that Hazelcast could not serialize. Found by the runtime through
 * {@code META-INF/services}; nothing calls it directly.
 */
public final class ExecutorServiceProvider implements RemoteExecutor.Provider {
  /** The instance {@link java.util.ServiceLoader} makes. */
  public ExecutorServiceProvider() {}

  @Override
  public RemoteExecutor adapt(Executor executor) {
    return executor instanceof IExecutorService cluster ? ClusterPool.on(cluster) : null;
  }
}
