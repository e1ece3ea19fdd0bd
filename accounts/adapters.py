from urllib.parse import urlsplit

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import perform_login
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext

from .languages import email_language
from .services import on_email_verified


def _signs_in_here(request, email_address):
    """Whether confirming `email_address` should sign its owner in on this request, where
    allauth will not: allauth signs a member in only in the browser (the session) that
    signed up, within ACCOUNT_LOGIN_TIMEOUT. Elsewhere (the link opened on a phone, or
    the next day) we do it too, but only for an account that has never signed in: the
    link then stops working (allauth's keys open an unverified address only), so it is
    one first sign-in, as a password-reset link is, and never a way back into an account
    in use."""
    if not app_settings.LOGIN_ON_EMAIL_CONFIRMATION or request.user.is_authenticated:
        return False
    user = email_address.user
    if not user.is_active or user.last_login is not None:
        return False
    # Imported here, as allauth does: allauth.account.stages and its internals import
    # each other, and loading it first (at this module's import) breaks that cycle.
    from allauth.account.stages import (  # noqa: PLC0415 - see above
        EmailVerificationStage,
        LoginStageController,
    )

    pending = LoginStageController.enter(request, EmailVerificationStage.key)
    return not (pending and pending.login.user and pending.login.user.pk == user.pk)


# The links of allauth's e-mails (confirmation, password reset, "you already have an
# account", "no account at this address"), by their names in the templates' context.
EMAIL_LINKS = ("activate_url", "password_reset_url", "signup_url")


class EmailSite:
    """The site as allauth's e-mails name it (`current_site`): its own name, not the
    host a request came in by."""

    def __init__(self):
        self.name = gettext("SSE Asia")
        self.domain = urlsplit(settings.SITE_URL).netloc

    def __str__(self):
        return self.name


def on_site(url):
    """`url` (absolute, on the host the request came in by) on SITE_URL instead."""
    parts = urlsplit(url)
    return settings.SITE_URL + parts._replace(scheme="", netloc="").geturl()


def _recipient_language(email, values):
    """The profile language of whom an allauth e-mail goes to: the context's user, else the
    account with that address; "" (the site's) for an address without an account."""
    user = values.get("user")
    if user is None or not getattr(user, "pk", None):
        user = get_user_model().objects.filter(email__iexact=email).only("language").first()
    return getattr(user, "language", "") if user is not None else ""


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """allauth's e-mails carry the site's name, and their links go to SITE_URL, the
        address the site is served on, as every other e-mail of the site does (forum
        notices, workshops, follow-up, invitations; sent by tasks, without a request):
        never to a Host header, which a proxy may rewrite or a client choose."""
        context = {**context, "current_site": EmailSite(), "site_url": f"{settings.SITE_URL}/"}
        for name in EMAIL_LINKS:
            if name in context:
                context[name] = on_site(context[name])
        # In the recipient's language (their profile's), not the page's that sent it; links
        # made before this point are in the page's, which the member was reading.
        with translation.override(email_language(_recipient_language(email, context))):
            super().send_mail(template_prefix, email, context)

    def confirm_email(self, request, email_address):
        verified = super().confirm_email(request, email_address)
        if verified:
            on_email_verified(email_address.user)
            if _signs_in_here(request, email_address):
                # allauth's own login (its stages, signals and messages), then where a
                # login goes: the dashboard.
                raise ImmediateHttpResponse(
                    perform_login(
                        request,
                        email_address.user,
                        email_verification=app_settings.EMAIL_VERIFICATION,
                        signup=True,
                        email=email_address.email,
                    )
                )
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
