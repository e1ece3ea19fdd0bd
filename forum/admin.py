"""Site administrators set up categories here; moderation itself happens in the forum's
own pages (/forum/moderation/), where every action is logged."""

from django.contrib import admin

from .models import Category, ModerationLog, WatchedWord


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "country", "read_access", "post_access", "position"]
    list_filter = ["kind", "read_access", "post_access"]
    list_editable = ["position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["topic_count", "post_count", "last_posted_at"]


@admin.register(WatchedWord)
class WatchedWordAdmin(admin.ModelAdmin):
    list_display = ["word", "action", "created_by", "created_at"]
    list_filter = ["action"]
    readonly_fields = ["created_by", "created_at"]


@admin.register(ModerationLog)
class ModerationLogAdmin(admin.ModelAdmin):
    """Read-only: the log is a record, not something to edit."""

    list_display = ["created_at", "actor", "action", "category", "target_user", "reason"]
    list_filter = ["action", "category"]
    search_fields = ["reason", "actor__name", "target_user__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
