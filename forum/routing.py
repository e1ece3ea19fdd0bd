from django.urls import path

from . import consumers

websocket_urlpatterns = [
    path("ws/forum/topics/<int:topic_id>/", consumers.TopicConsumer.as_asgi()),
]
