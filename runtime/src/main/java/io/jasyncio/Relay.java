package io.jasyncio;

/**
 * A done-callback through which a future's outcome goes on to another future or task: gather's
 * callback on each child, shield's copy to its outer future, a {@link TaskGroup}'s callback on
 * each of its tasks. The call graph follows it to tell who awaits a future, as asyncio 3.14
 * records {@code _asyncio_awaited_by} in those places; it is read only then, never on the hot
 * path.
 */
interface Relay {
  /** The future, or the task, that the outcome goes on to. */
  AsyncFuture<?> relayTarget();
}
