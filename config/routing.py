"""Every WebSocket route of the project, gathered from the apps' routing modules."""

from cop.activities.routing import websocket_urlpatterns as activities_routes
from cop.routing import websocket_urlpatterns as cop_routes
from forum.routing import websocket_urlpatterns as forum_routes

websocket_urlpatterns = [*cop_routes, *activities_routes, *forum_routes]
