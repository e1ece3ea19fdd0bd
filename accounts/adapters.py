from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.utils.http import url_has_allowed_host_and_scheme

from .services import on_email_verified


class AccountAdapter(DefaultAccountAdapter):
    def confirm_email(self, request, email_address):
        verified = super().confirm_email(request, email_address)
        if verified:
            on_email_verified(email_address.user)
        return verified

    def is_safe_url(self, url):
        """allauth's check of the host, and on an HTTPS site never a `next` down to plain
        http://, where the session cookie and the page would travel in clear."""
        if not super().is_safe_url(url):
            return False
        host = urlsplit(url).netloc  # already checked above: only the scheme is left
        return url_has_allowed_host_and_scheme(
            url,
            allowed_hosts={host} if host else set(),
            require_https=context.request.is_secure(),
        )
