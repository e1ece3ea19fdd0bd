import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog, set_language
from django.views.static import serve as static_serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import staff_login
from accounts import views as accounts_views
from core import pagerouting
from home import members as home_members
from home import views as home_views
from search import views as search_views

# Not translated: machine endpoints and the admins (their own language is the editor's).
urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("livez", home_views.livez, name="livez"),
    path("i18n/setlang/", set_language, name="set_language"),
    # Before the admins' own: their logins go through allauth's, with its rate limits.
    path("admin/login/", staff_login.wagtail_login, name="staff_login"),
    path("django-admin/login/", staff_login.django_admin_login, name="django_admin_login"),
    # Wagtail's own password reset would be an unlimited form beside allauth's: use allauth's.
    re_path(r"^admin/password_reset/", RedirectView.as_view(pattern_name="account_reset_password")),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
]

# English unprefixed, every other language under /<lang>/.
urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("search/", search_views.search, name="search"),
    path("languages/", accounts_views.languages_page, name="languages"),
    path("members/<str:handle>/", home_members.member_page, name="member"),
    path("", include("courses.urls")),
    path("", include("cop.urls")),
    path("", include("forum.urls")),
    # Wagtail's catch-all comes last: /, /courses/, /countries/<slug>/ ... served by
    # core.pagerouting (one query for the whole path); Wagtail's other URLs as they are.
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, pagerouting.serve, name="wagtail_serve"),
    prefix_default_language=False,
)

if settings.DEBUG or settings.EMBEDDED:
    # Uploaded images served by Django itself where no web server stands in front of it:
    # the development profile, and the embedded default that `make run` serves with DEBUG
    # off. In production the reverse proxy serves MEDIA_ROOT (README, deployment). Never
    # documents/: Wagtail's document view serves those, checking their privacy.
    urlpatterns = [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?!documents/)(?P<path>.*)$",
            static_serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
        *urlpatterns,
    ]
