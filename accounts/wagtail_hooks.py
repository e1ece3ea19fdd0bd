"""The scopes of roles in the Wagtail admin (Settings > Role scopes), for administrators.

The Django admin grants them too, inline on the user. Either way the model permissions
on accounts.RoleScope decide who may (superusers have them all); a member's profile never
shows them.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import RoleScope


class GrantMixin:
    def save_instance(self):
        """Record who granted the scope, and when."""
        self.form.instance.granted_by = self.request.user
        self.form.instance.granted_at = timezone.now()
        return super().save_instance()


class GrantScopeView(GrantMixin, CreateView):
    pass


class EditScopeView(GrantMixin, EditView):
    pass


class RoleScopeViewSet(ModelViewSet):
    model = RoleScope
    icon = "key"
    menu_label = _("Role scopes")
    add_to_settings_menu = True
    copy_view_enabled = False
    form_fields = ["user", "role", "country"]
    list_display = ["user", "role", "country", "granted_by", "granted_at"]
    list_filter = ["role", "country"]
    search_fields = ["user__name", "user__email"]
    add_view_class = GrantScopeView
    edit_view_class = EditScopeView


@hooks.register("register_admin_viewset")
def register_role_scopes():
    return RoleScopeViewSet("role_scopes")
