"""The staff logins (Wagtail's /admin/login/, Django's /django-admin/login/) go through
the member login: one form, with allauth's rate limits (ACCOUNT_RATE_LIMITS) and
enumeration protection, instead of two unlimited password forms beside it."""

from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache


def _next(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _staff_login(request, *, home, has_access):
    target = _next(request, reverse(home))
    if request.user.is_authenticated:
        if has_access(request):
            return redirect(target)
        # Sending a signed-in member on to the login would bounce them back here forever.
        raise PermissionDenied
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")


@never_cache
def wagtail_login(request):
    """Wagtail's login: anonymous visitors sign in at /accounts/login/ and come back."""
    return _staff_login(
        request,
        home="wagtailadmin_home",
        has_access=lambda request: request.user.has_perm("wagtailadmin.access_admin"),
    )


@never_cache
def django_admin_login(request):
    """Django admin's login, the same way."""
    return _staff_login(request, home="admin:index", has_access=admin.site.has_permission)
