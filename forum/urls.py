from django.urls import path

from .views import flags, moderation, notifications, posting, reading

urlpatterns = [
    path("forum/", reading.index, name="forum"),
    path("forum/c/<slug:slug>/", reading.category, name="forum_category"),
    path("forum/c/<slug:slug>/new/", posting.new_topic, name="forum_new_topic"),
    path("forum/t/<int:topic_id>/", reading.topic, name="forum_topic"),
    path("forum/t/<int:topic_id>/unread/", reading.topic_unread, name="forum_topic_unread"),
    path("forum/t/<int:topic_id>/reply/", posting.reply, name="forum_reply"),
    path(
        "forum/t/<int:topic_id>/moderate/", moderation.moderate_topic, name="forum_moderate_topic"
    ),
    path("forum/p/<int:post_id>/", reading.post_permalink, name="forum_post"),
    path("forum/p/<int:post_id>/fragment/", reading.post_fragment, name="forum_post_fragment"),
    path("forum/p/<int:post_id>/edit/", posting.edit_post, name="forum_edit"),
    path("forum/p/<int:post_id>/history/", reading.post_history, name="forum_history"),
    path("forum/p/<int:post_id>/delete/", posting.delete_post, name="forum_delete"),
    path("forum/p/<int:post_id>/flag/", flags.flag_post, name="forum_flag"),
    path("forum/p/<int:post_id>/moderate/", moderation.moderate_post, name="forum_moderate_post"),
    path("forum/follow/<str:kind>/<str:key>/", notifications.subscribe, name="forum_subscribe"),
    path("forum/moderation/", moderation.queue, name="forum_queue"),
    path("forum/moderation/log/", moderation.moderation_log, name="forum_log"),
    path("forum/moderation/words/", moderation.watched_words, name="forum_words"),
    path(
        "forum/moderation/members/<int:user_id>/", moderation.suspend_member, name="forum_suspend"
    ),
    path("forum/notifications/", notifications.notifications, name="forum_notifications"),
]
