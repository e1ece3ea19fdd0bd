from django.contrib import admin

from .models import Membership, Message, Space, SpaceEvent


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "status", "muted_until"]


class EventInline(admin.TabularInline):
    model = SpaceEvent
    extra = 0


@admin.register(Space)
class SpaceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "country", "join_policy", "last_message_at"]
    list_filter = ["kind", "join_policy"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [EventInline, MembershipInline]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["id", "space", "author", "created_at", "deleted_at"]
    list_filter = ["space"]
    search_fields = ["body", "author__name", "author__email"]
    raw_id_fields = ["author", "deleted_by"]
    readonly_fields = ["client_id", "body_html", "created_at"]
