"""The bare Channels group broadcast that bench/ws_space.py --compare measures ours against.

    uvicorn bench.ws_bare:application      (the benchmark starts it; not for production)

One AsyncWebsocketConsumer at /ws/bare/: it joins the group "bare" on connect and, for
each text frame it receives, group_send's that frame's text unchanged to the group, then
acks the sender ({"type": "ack", "client_id": ...}). No authentication, no database, no
validation. It runs on the project's settings (so the same channel layer: Redis, with
the same capacity and expiry) under the same uvicorn options as the project. Like our
consumer it skips Channels' per-event database-connection clean-up (it has no database:
a stock consumer would pay for it on every delivery and be slower, flattering us). HTTP
goes to the project (the benchmark waits for /healthz).
"""

import json
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.core.asgi import get_asgi_application  # noqa: E402
from django.urls import path  # noqa: E402

GROUP = "bare"


class BareConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        await self.accept()
        await self.channel_layer.group_add(GROUP, self.channel_name)

    async def disconnect(self, code):
        await self.channel_layer.group_discard(GROUP, self.channel_name)

    async def dispatch(self, message):
        # No database: no per-event connection clean-up (see the module docstring).
        await getattr(self, message["type"].replace(".", "_"))(message)

    async def receive(self, text_data=None, bytes_data=None):
        frame = json.loads(text_data)
        if frame.get("type") == "ping":
            await self.send(text_data=json.dumps({"type": "pong"}))
            return
        await self.channel_layer.group_send(GROUP, {"type": "bare.frame", "text": text_data})
        await self.send(text_data=json.dumps({"type": "ack", "client_id": frame.get("client_id")}))

    async def bare_frame(self, event):
        await self.send(text_data=event["text"])


application = ProtocolTypeRouter(
    {
        "http": get_asgi_application(),
        "websocket": URLRouter([path("ws/bare/", BareConsumer.as_asgi())]),
    }
)
