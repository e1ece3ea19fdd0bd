"""ASGI entry point: HTTP to the collected static files (config/static.py), then to the
anonymous pages' cache (core.pagecache.CachedPagesFront), then Django;
WebSocket through an exact origin check and session auth to the apps' routes (any other
/ws/ path closes with 4404).

Apps add their WebSocket routes to `websocket_urlpatterns` in their `routing.py`.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

# Django must be set up before anything imports models (consumers, auth middleware).
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddleware, get_user  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.sessions import CookieMiddleware, SessionMiddleware  # noqa: E402
from django.urls import re_path  # noqa: E402

from config.origins import ExactOriginValidator  # noqa: E402
from config.routing import websocket_urlpatterns  # noqa: E402
from config.static import static_files  # noqa: E402
from core.live import NoRouteConsumer, db  # noqa: E402
from core.pagecache import CachedPagesFront  # noqa: E402


class LiveAuthMiddleware(AuthMiddleware):
    """Channels' AuthMiddleware, loading the user on the live connections' own thread
    pool: Channels' one shared database thread would serialise every connect of the
    worker behind each other (a reconnect storm waited seconds for it)."""

    async def resolve_scope(self, scope):
        scope["user"]._wrapped = await db(get_user.func)(scope)


application = ProtocolTypeRouter(
    {
        # Static files first, then anonymous readers' cached pages (core.pagecache), then Django.
        "http": static_files(CachedPagesFront(django_asgi_app)),
        "websocket": ExactOriginValidator(
            CookieMiddleware(
                SessionMiddleware(
                    LiveAuthMiddleware(
                        URLRouter([*websocket_urlpatterns, re_path(r"", NoRouteConsumer.as_asgi())])
                    )
                )
            )
        ),
    }
)
