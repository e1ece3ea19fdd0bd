from django.urls import path

from .consumers import SpaceConsumer

websocket_urlpatterns = [
    path("ws/spaces/<slug:slug>/", SpaceConsumer.as_asgi()),
]
