from django.urls import path

from .consumers import ActivitiesConsumer

websocket_urlpatterns = [
    path("ws/activities/", ActivitiesConsumer.as_asgi()),
]
