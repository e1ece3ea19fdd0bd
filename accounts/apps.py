from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig as BaseWagtailUsersAppConfig


class AccountsConfig(AppConfig):
    """The custom user model, profile, roles, allauth adapters and forms."""

    default = True  # this module holds two configs: INSTALLED_APPS' "accounts" means this one
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import receivers  # noqa: F401, PLC0415 - connecting receivers is ready()'s job


class WagtailUsersAppConfig(BaseWagtailUsersAppConfig):
    """wagtail.users with forms for our user model (one name field, the profile)."""

    user_viewset = "accounts.viewsets.UserViewSet"
