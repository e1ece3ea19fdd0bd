from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .forms import PROFILE_FIELDS, AdminUserAddForm, AdminUserChangeForm
from .models import RoleScope, User


class RoleScopeInline(admin.TabularInline):
    """The countries where the member exercises a scoped role; only administrators grant
    them (the member's own profile country grants nothing)."""

    model = RoleScope
    fk_name = "user"
    extra = 0
    fields = ["role", "country", "granted_by", "granted_at"]
    readonly_fields = ["granted_by", "granted_at"]
    verbose_name = _("scope of a role")
    verbose_name_plural = _("Scopes of roles (a national focal point's countries)")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = AdminUserChangeForm  # the rules for names (accounts.validators)
    add_form = AdminUserAddForm
    inlines = [RoleScopeInline]
    ordering = ["email"]
    list_display = ["email", "name", "country", "constituency", "is_staff", "is_active"]
    list_filter = ["country", "constituency", "gender", "is_staff", "is_active", "groups"]
    search_fields = ["email", "name", "organization"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Profile"),
            {"fields": PROFILE_FIELDS},
        ),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "name", "password1", "password2"]}),
    ]

    def save_formset(self, request, form, formset, change):
        """Record who granted each new or changed scope, and when."""
        if formset.model is RoleScope:
            for scope in formset.save(commit=False):
                scope.granted_by = request.user
                scope.granted_at = timezone.now()
                scope.save()
            for scope in formset.deleted_objects:
                scope.delete()
            return
        super().save_formset(request, form, formset, change)
