package io.jasyncio;

import java.util.Map;

/**
 * What an event loop calls with an error it cannot raise to anyone: asyncio's exception handler,
 * {@code handler(loop, context)}, set with {@link EventLoop#setExceptionHandler}.
 *
 * <p>The context uses asyncio's keys, so handlers port as they are:
 *
 * <table>
 *   <caption>Context keys</caption>
 *   <tr><th>key</th><th>value</th></tr>
 *   <tr><td>{@code "message"}</td><td>always: a {@code String} saying what happened</td></tr>
 *   <tr><td>{@code "exception"}</td><td>the {@code Throwable}, if there is one</td></tr>
 *   <tr><td>{@code "future"}</td><td>the {@link AsyncFuture}; for a never-retrieved exception
 *       its {@code String} repr, since the future itself was collected</td></tr>
 *   <tr><td>{@code "task"}</td><td>the {@link Task}</td></tr>
 *   <tr><td>{@code "handle"}</td><td>the {@link Handle} whose callback failed</td></tr>
 *   <tr><td>{@code "context"}</td><td>the context a failing handler was given (the default
 *       handler then reports the handler's own exception)</td></tr>
 *   <tr><td>{@code "protocol"}, {@code "transport"}, {@code "socket"}, {@code "asyncgen"},
 *       {@code "source_traceback"}</td><td>asyncio's keys, reserved; the runtime sets none of
 *       them today</td></tr>
 * </table>
 *
 * <p>The handler runs on the loop's thread, except for two reports that come from elsewhere:
 * a never-retrieved exception is reported where the garbage collector found the failed future
 * (the runtime's reporter thread, or a thread calling {@code NeverAwaitedWatch.collect()}), and
 * a failed {@link RemoteExecutor#execute} task where its future completed. A handler should be
 * quick and thread-safe; what it throws is reported through
 * {@link EventLoop#defaultExceptionHandler}, and the loop goes on.
 */
@FunctionalInterface
public interface ExceptionHandler {
  /** Handles one report; {@code context} holds the keys listed above. */
  void handle(EventLoop loop, Map<String, Object> context);
}
