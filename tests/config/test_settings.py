"""Configuration from the environment, checked in fresh processes (settings load once)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from config.settings import parse_email_url

BASE_DIR = Path(__file__).resolve().parents[2]
REAL_KEY = "k" * 20 + "-not-the-default-but-a-long-random-production-key-0123456789"
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": REAL_KEY,
    "DJANGO_ALLOWED_HOSTS": "sse.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://sse.example.org",
    "DATABASE_URL": "postgres://sse:secret@db.internal:5432/sse",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "EMAIL_URL": "smtp://mailer:p%40ss@smtp.example.org:587",
    "SITE_URL": "https://sse.example.org",
}
CONFIG_VARIABLES = [*PRODUCTION, "EMAIL_HOST", "MEDIA_ROOT"]

DUMP = """
import json
from django.conf import settings
print(json.dumps({
    "debug": settings.DEBUG,
    "db": settings.DATABASES["default"]["ENGINE"],
    "db_name": str(settings.DATABASES["default"]["NAME"]),
    "db_pool": settings.DATABASES["default"].get("OPTIONS", {}).get("pool"),
    "cache": settings.CACHES["default"]["BACKEND"],
    "layer": settings.CHANNEL_LAYERS["default"]["BACKEND"],
    "layer_hosts": settings.CHANNEL_LAYERS["default"].get("CONFIG", {}).get("hosts"),
    "email": settings.EMAIL_BACKEND,
    "email_host": getattr(settings, "EMAIL_HOST", ""),
    "email_password": getattr(settings, "EMAIL_HOST_PASSWORD", ""),
    "secure_cookies": settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE,
    "any_secure_cookie": settings.SESSION_COOKIE_SECURE or settings.CSRF_COOKIE_SECURE
    or settings.LANGUAGE_COOKIE_SECURE,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "hsts": settings.SECURE_HSTS_SECONDS,
    "proxy_ssl_header": settings.SECURE_PROXY_SSL_HEADER,
    "hosts": settings.ALLOWED_HOSTS,
    "site_url": settings.SITE_URL,
    "middleware": settings.MIDDLEWARE,
}))
"""


def run(code_or_args, env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
    env.update(env_overrides, DJANGO_SETTINGS_MODULE="config.settings")
    args = code_or_args if isinstance(code_or_args, list) else ["-c", code_or_args]
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settings_with(env):
    result = run(f"import django; django.setup()\n{DUMP}", env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_embedded_default_needs_nothing_installed():
    conf = settings_with({})

    assert conf["debug"] is True
    assert conf["db"] == "django.db.backends.sqlite3"
    assert conf["db_name"].endswith("db.sqlite3")
    assert conf["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert conf["layer"] == "channels.layers.InMemoryChannelLayer"
    assert conf["email"] == "django.core.mail.backends.console.EmailBackend"


def test_production_settings_come_from_the_environment():
    conf = settings_with(PRODUCTION)

    assert conf["debug"] is False
    assert conf["db"] == "django.db.backends.postgresql"
    assert conf["cache"] == "config.cache.DegradingRedisCache"
    assert conf["layer"] == "channels_redis.core.RedisChannelLayer"
    # redis-py 8's default socket timeout would kill idle consumers (channels_redis#422).
    assert conf["layer_hosts"] == [
        {
            "address": "redis://cache.internal:6379/0",
            "socket_timeout": None,
            "max_connections": 1000,
        }
    ]
    assert conf["db_pool"]["max_size"] == 10
    assert conf["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (conf["email_host"], conf["email_password"]) == ("smtp.example.org", "p@ss")
    assert conf["secure_cookies"] is True
    assert conf["ssl_redirect"] is True
    assert conf["hsts"] == 60 * 60 * 24 * 365
    assert conf["hosts"] == ["sse.example.org"]


@pytest.mark.parametrize(
    "key", ["", "django-insecure-sse-asia-development-key-never-use-in-production", "short"]
)
def test_refuses_to_start_without_a_real_secret_key_when_debug_is_off(key):
    result = run("import django; django.setup()", {**PRODUCTION, "DJANGO_SECRET_KEY": key})

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_deploy_check_is_clean_in_production():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "DEBUG"], PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_email_url_parsing():
    assert parse_email_url("smtps://user:pw@mail.example.org") == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 465,
        "EMAIL_HOST_USER": "user",
        "EMAIL_HOST_PASSWORD": "pw",
        "EMAIL_USE_SSL": True,
        "EMAIL_USE_TLS": False,
    }


# `make run`: the embedded default in the production profile, on this machine's plain HTTP.
MAKE_RUN = {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": REAL_KEY, "SITE_URL": "http://127.0.0.1:9000"}


def test_make_runs_profile_serves_plain_http_on_this_machine():
    conf = settings_with(MAKE_RUN)

    assert conf["debug"] is False
    assert conf["db"] == "django.db.backends.sqlite3"
    # Over http://, a Secure cookie would not come back: no login, no form would work.
    assert conf["any_secure_cookie"] is False
    assert conf["ssl_redirect"] is False
    assert conf["hsts"] == 0
    assert conf["proxy_ssl_header"] is None
    assert conf["hosts"] == ["127.0.0.1", "localhost", "[::1]"]


def test_the_embedded_default_behind_tls_is_secure_again():
    conf = settings_with({**MAKE_RUN, "SITE_URL": "https://sse.example.org"})

    assert conf["secure_cookies"] is True
    assert conf["ssl_redirect"] is True
    assert "sse.example.org" in conf["hosts"]


def test_a_real_database_is_served_over_https_whatever_site_url_says():
    conf = settings_with({**PRODUCTION, "SITE_URL": "http://sse.example.org"})

    assert conf["secure_cookies"] is True
    assert conf["ssl_redirect"] is True


@pytest.mark.parametrize("value", [None, ""])
def test_site_url_defaults_to_the_development_address(value):
    conf = settings_with({} if value is None else {"SITE_URL": value})

    assert conf["site_url"] == "http://127.0.0.1:8000"


def test_static_files_are_answered_before_django_and_pages_compressed_first_thing():
    """config/static.py serves static files before Django: no middleware of Django's
    serves them (tests/config/test_static.py)."""
    middleware = settings_with({})["middleware"]

    assert not [name for name in middleware if "whitenoise" in name or "servestatic" in name]
    assert middleware[:2] == [
        "django.middleware.security.SecurityMiddleware",
        "config.middleware.TextGZipMiddleware",
    ]


SERVE_MEDIA = """
import django, pathlib, sys
django.setup()
from django.test import Client
from django.urls import Resolver404, resolve
root = pathlib.Path(sys.argv[1])
(root / "images").mkdir()
(root / "images" / "co-op.png").write_bytes(b"a picture")
image = Client(HTTP_HOST="127.0.0.1").get("/media/images/co-op.png")
print(image.status_code, b"".join(image.streaming_content).decode())
try:
    print(resolve("/media/documents/minutes.pdf").view_name)
except Resolver404:
    print("not found")
"""


def test_make_run_serves_uploaded_images_but_never_documents_as_files(tmp_path):
    result = run(["-c", SERVE_MEDIA, str(tmp_path)], {**MAKE_RUN, "MEDIA_ROOT": str(tmp_path)})

    assert result.returncode == 0, result.stderr
    image, document = result.stdout.splitlines()[-2:]
    assert image == "200 a picture"
    # A document's file goes through Wagtail's document view, which checks its privacy.
    assert document == "not found"
