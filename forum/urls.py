from django.urls import path

from . import views

urlpatterns = [
    path("forum/", views.index, name="forum"),
    path("forum/c/<slug:slug>/", views.category, name="forum_category"),
    path("forum/c/<slug:slug>/new/", views.new_topic, name="forum_new_topic"),
    path("forum/t/<int:topic_id>/", views.topic, name="forum_topic"),
    path("forum/t/<int:topic_id>/unread/", views.topic_unread, name="forum_topic_unread"),
    path("forum/t/<int:topic_id>/reply/", views.reply, name="forum_reply"),
    path("forum/t/<int:topic_id>/moderate/", views.moderate_topic, name="forum_moderate_topic"),
    path("forum/p/<int:post_id>/", views.post_permalink, name="forum_post"),
    path("forum/p/<int:post_id>/fragment/", views.post_fragment, name="forum_post_fragment"),
    path("forum/p/<int:post_id>/edit/", views.edit_post, name="forum_edit"),
    path("forum/p/<int:post_id>/history/", views.post_history, name="forum_history"),
    path("forum/p/<int:post_id>/delete/", views.delete_post, name="forum_delete"),
    path("forum/p/<int:post_id>/flag/", views.flag_post, name="forum_flag"),
    path("forum/p/<int:post_id>/moderate/", views.moderate_post, name="forum_moderate_post"),
    path("forum/follow/<str:kind>/<str:key>/", views.subscribe, name="forum_subscribe"),
    path("forum/moderation/", views.queue, name="forum_queue"),
    path("forum/moderation/log/", views.moderation_log, name="forum_log"),
    path("forum/moderation/words/", views.watched_words, name="forum_words"),
    path("forum/moderation/members/<int:user_id>/", views.suspend_member, name="forum_suspend"),
    path("forum/notifications/", views.notifications, name="forum_notifications"),
]
