from django.contrib import admin

from .models import Assessment, Invitation, Membership, Organization


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "org_type", "formality", "source", "publish_results"]
    list_filter = ["country", "org_type", "source", "publish_results", "share_with_country"]
    search_fields = ["name"]
    raw_id_fields = ["recorded_by"]
    inlines = [MembershipInline]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["organization", "started_at", "submitted_at", "classification"]
    list_filter = ["classification"]
    raw_id_fields = ["organization", "created_by", "submitted_by"]
    readonly_fields = ["conditions_met"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "created_at", "expires_at", "accepted_at"]
    raw_id_fields = ["organization", "invited_by", "accepted_by"]
    exclude = ["token"]
