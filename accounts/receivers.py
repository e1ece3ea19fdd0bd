"""Receivers of the accounts app (connected in AccountsConfig.ready)."""

from allauth.account.signals import user_logged_in
from django.dispatch import receiver

from .languages import switch_to


@receiver(user_logged_in, dispatch_uid="accounts.apply_preferred_language")
def apply_preferred_language(sender, request, response, user, **kwargs):
    """After login the site speaks the member's preferred language (when it has that
    interface): the redirect allauth made (to `next`, or the home page) goes to the same
    page in it, and the language cookie keeps it."""
    switch_to(request, response, user.language)
