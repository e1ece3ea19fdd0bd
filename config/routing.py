"""Every WebSocket route of the project, gathered from the apps' routing modules."""

from cop.routing import websocket_urlpatterns as cop_routes

websocket_urlpatterns = [*cop_routes]
