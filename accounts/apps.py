from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig as BaseWagtailUsersAppConfig


class AccountsConfig(AppConfig):
    """The custom user model, profile, roles, allauth adapters and forms."""

    name = "accounts"
    verbose_name = _("Accounts")


class WagtailUsersAppConfig(BaseWagtailUsersAppConfig):
    """wagtail.users with forms for our user model (one name field, the profile)."""

    user_viewset = "accounts.viewsets.UserViewSet"
