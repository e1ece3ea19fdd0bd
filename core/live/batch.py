"""Work that many connections of one process ask for at once, done together.

A `Batcher` collects what the connections `submit()` while the previous batch is being
handled, then hands the whole lot to ONE call of `handle(items)` in the live database
threads (core.live.db): a chat message from each of 20 people who typed at the same
moment costs one transaction, not 20, and the event loop is not left waiting for a
database thread per message. Nothing waits for a batch to fill: the first item goes
at once, and a batch is only what arrived while the one before it was stored.

`handle(items)` returns `(outcomes, events)`: one outcome per item, in order (an
exception instance is raised in that item's `submit()`, anything else is returned),
and channel-layer events [(group, message), ...] to send once every outcome has been
handed back. If `handle` raises, every item of the batch gets that exception (nothing of
the batch was done: `handle` commits all of it or none). The events of one batch are
sent in order, and those of a batch only after those of the batch before (a client
counting `seq` sees no jump between two batches), while the next batch is already
being stored.
"""

import asyncio
import logging

from channels.layers import get_channel_layer

from .support import UNAVAILABLE, db, spawn

logger = logging.getLogger(__name__)


class Batcher:
    def __init__(self, handle, max_items=100):
        self.handle = handle
        self.max_items = max_items
        self._loop = None

    def _reset(self, loop):
        # State per event loop: a test (or a server) that starts a new loop starts afresh.
        self._loop = loop
        self._queue = []
        self._draining = False
        self._publishing = None  # the task sending the previous batch's events
        self._call = db(self.handle)

    async def submit(self, item):
        """The outcome of `item` once its batch is committed (or its exception)."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._reset(loop)
        future = loop.create_future()
        self._queue.append((item, future))
        if not self._draining:
            self._draining = True
            spawn(self._drain())
        return await future

    async def _drain(self):
        try:
            while self._queue:
                batch = self._queue[: self.max_items]
                del self._queue[: self.max_items]
                try:
                    outcomes, events = await self._call([item for item, _ in batch])
                except Exception as error:  # nothing of this batch was stored
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(error)
                    continue
                for (_, future), outcome in zip(batch, outcomes, strict=True):
                    if future.done():  # its connection went away meanwhile
                        continue
                    if isinstance(outcome, BaseException):
                        future.set_exception(outcome)
                    else:
                        future.set_result(outcome)
                if events:
                    self._publishing = spawn(self._publish(self._publishing, events))
        finally:
            self._draining = False

    async def _publish(self, previous, events):
        if previous is not None:
            await asyncio.wait([previous])
        layer = get_channel_layer()
        for group, message in events:
            try:
                await layer.group_send(group, message)
            except UNAVAILABLE as error:
                # Stored and acked already: the others notice the gap in `seq` with the
                # next message and fetch it over HTTP (or catch up when they reconnect).
                logger.warning("live batch: group_send failed: %r", error)

    def pending(self):
        """Items submitted and not yet handed back (tests, the benchmarks)."""
        return len(self._queue) if self._loop is asyncio.get_running_loop() else 0
