"""Every WebSocket route of the project, gathered from the apps' routing modules."""

websocket_urlpatterns = []
