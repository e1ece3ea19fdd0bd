"""A protocol client for tests that talk to real server processes: it behaves like the
browser client (static/js/space.js) — catch-up with ?after= on reconnect, resend of every
unacked message with its client_id, ids deduplicated."""

import asyncio
import contextlib
import json
import uuid

import websockets


class LiveClient:
    def __init__(self, name, session_key, urls):
        self.name = name
        self.session_key = session_key
        self.urls = list(urls)  # ws://host:port/ws/spaces/<slug>/ of each worker, in order
        self.current = 0
        self.seen = {}  # message id -> client_id
        self.acked = {}  # client_id -> id
        self.unacked = {}  # client_id -> body, in send order
        self.socket = None
        self.reader = None
        self.reconnects = 0

    @property
    def cursor(self):
        return max(self.seen, default=0)

    async def connect(self, worker=None):
        if worker is not None:
            self.current = worker
        url = self.urls[self.current]
        port = url.split(":")[2].split("/")[0]
        self.socket = await websockets.connect(
            f"{url}?after={self.cursor}",
            additional_headers={
                "Cookie": f"sessionid={self.session_key}",
                "Origin": f"http://127.0.0.1:{port}",
            },
            open_timeout=10,
        )
        self.reader = asyncio.create_task(self._read())
        for client_id, body in list(self.unacked.items()):  # resend, same client_id
            await self.socket.send(
                json.dumps({"type": "message.send", "client_id": client_id, "body": body})
            )

    async def _read(self):
        try:
            async for raw in self.socket:
                frame = json.loads(raw)
                if frame["type"] == "message":
                    self.seen[frame["id"]] = frame["client_id"]
                elif frame["type"] == "ack":
                    self.acked[frame["client_id"]] = frame["id"]
                    self.unacked.pop(frame["client_id"], None)
        except websockets.ConnectionClosed:
            pass

    async def send(self, body):
        client_id = str(uuid.uuid4())
        self.unacked[client_id] = body
        # If the connection is gone it stays unacked, and is resent after the reconnect.
        with contextlib.suppress(websockets.ConnectionClosed):
            await self.socket.send(
                json.dumps({"type": "message.send", "client_id": client_id, "body": body})
            )
        return client_id

    async def fail_over(self):
        """The worker went away: reconnect to the next one, catch up, resend."""
        if self.reader is not None:
            await self.reader
        self.reconnects += 1
        await self.connect((self.current + 1) % len(self.urls))

    async def wait_for(self, condition, timeout=15):
        async with asyncio.timeout(timeout):
            while not condition():
                await asyncio.sleep(0.05)

    async def close(self):
        await self.socket.close()
        if self.reader is not None:
            await self.reader
