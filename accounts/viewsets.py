"""Wagtail admin user management for our user model (no first/last name, a profile)."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as BaseUserViewSet

from .forms import PROFILE_FIELDS, DisplayNameMixin


class AdminUserCreationForm(DisplayNameMixin, UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        fields = ["email", *PROFILE_FIELDS, "is_superuser", "groups"]


class AdminUserEditForm(DisplayNameMixin, UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        fields = ["email", *PROFILE_FIELDS, "is_active", "is_superuser", "groups"]


class UserViewSet(BaseUserViewSet):
    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
