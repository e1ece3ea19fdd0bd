"""Degrade, don't fail: with Redis down, pages render and rate limits hold per worker;
when Redis comes back the worker uses it again by itself."""

import http.cookiejar
import json
import logging
import re
import signal
import time
import urllib.request
from urllib.parse import urlencode

import pytest
import redis
from django.contrib.auth.hashers import make_password
from django.db import connection

from config import cache as degrading
from config.cache import DegradingRedisCache
from tests.accounts.factories import UserFactory
from tests.conftest import need
from tests.courses.factories import catalogue
from tests.home.processes import (
    free_port,
    get,
    redis_server_installed,
    start_redis,
    start_worker,
    stop,
)

REDIS_PORT = 6391
DEAD_REDIS = "redis://127.0.0.1:6395/0"  # nothing listens there


def test_a_cache_on_a_dead_redis_answers_from_memory_and_logs_the_outage_once(caplog):
    cache = DegradingRedisCache(DEAD_REDIS, {"KEY_PREFIX": "t"})

    with caplog.at_level(logging.ERROR, logger="config.cache"):
        started = time.monotonic()
        cache.set("greeting", "sabaidee", 60)
        first = time.monotonic() - started
        values = [cache.get("greeting") for _ in range(50)]
        cache.add("count", 0, 60)
        counts = [cache.incr("count") for _ in range(3)]

    assert values == ["sabaidee"] * 50
    assert counts == [1, 2, 3]
    assert [r.getMessage().split(" (")[0] for r in caplog.records] == [
        f"cache: Redis at {DEAD_REDIS} does not answer"
    ]
    assert first < 1.0  # a refused connection, once; then memory until the retry


def test_a_dead_redis_is_tried_again_only_every_few_seconds(monkeypatch):
    cache = DegradingRedisCache("redis://127.0.0.1:6394/0", {})
    tries = []
    real_get = degrading.RedisCache.get

    def counted_get(self, *args, **kwargs):
        tries.append(time.monotonic())
        return real_get(self, *args, **kwargs)

    monkeypatch.setattr(degrading.RedisCache, "get", counted_get)
    for _ in range(100):
        cache.get("anything")

    assert len(tries) == 1


def test_the_cache_uses_redis_again_once_it_answers(monkeypatch):
    need(redis_server_installed(), "redis-server is not installed")
    monkeypatch.setattr(degrading, "RETRY_SECONDS", 0.5)
    port = REDIS_PORT + 1
    location = f"redis://127.0.0.1:{port}/0"
    cache = DegradingRedisCache(location, {})
    cache.set("during", "memory", 60)  # Redis not started yet: kept in memory
    server = start_redis(port)
    try:
        time.sleep(0.6)
        cache.set("after", "redis", 60)

        stored = redis.Redis(port=port).keys("*")
        assert stored == [b":1:after"]
        assert cache.get("after") == "redis"
        assert cache.get("during") is None  # memory is not copied back
    finally:
        stop(server)


# --- A real worker, its Redis killed and restarted -------------------------------------


class Browser:
    """urllib with cookies: what a visitor's browser keeps between requests."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            urllib.request.HTTPRedirectHandler(),
        )

    def get(self, path):
        return get(self.base + path, self.opener)

    def log_in(self, email, password):
        status, body, _ = self.get("/accounts/login/")
        assert status == 200, "the login page did not render"
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        data = {"csrfmiddlewaretoken": token, "login": email, "password": password}
        return get(self.base + "/accounts/login/", self.opener, urlencode(data).encode())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_database")
def test_pages_render_with_redis_down_and_the_worker_recovers_when_it_is_back():
    need(redis_server_installed(), "redis-server is not installed")
    need(connection.vendor == "postgresql", "a worker process needs a shared database server")
    catalogue()  # under the home page: the worker serves "/" and "/courses/"
    learner = UserFactory(email="learner@example.org")
    # The worker checks passwords with Django's hashers; this test process hashes with MD5.
    learner.password = make_password("demo-pass-2026", hasher="pbkdf2_sha256")
    learner.save(update_fields=["password"])
    server = start_redis(REDIS_PORT)
    port = free_port()
    worker = start_worker(port, f"redis://127.0.0.1:{REDIS_PORT}/0")
    base = f"http://127.0.0.1:{port}"
    try:
        assert get(base + "/healthz")[0] == 200
        stop(server, signal.SIGKILL)

        pages = {path: get(base + path) for path in ("/", "/courses/", "/forum/")}
        browser = Browser(base)
        login_page = browser.get("/accounts/login/")
        wrong = browser.log_in("learner@example.org", "not-the-password")
        right = browser.log_in("learner@example.org", "demo-pass-2026")
        signed_in = browser.get("/accounts/profile/")
        health = get(base + "/healthz")

        assert {path: status for path, (status, _, _) in pages.items()} == {
            "/": 200,
            "/courses/": 200,
            "/forum/": 200,
        }
        assert login_page[0] == 200
        assert wrong[0] == 200
        assert "The email address and/or password you specified are not correct." in wrong[1]
        assert right[0] == 200  # redirected home, signed in
        assert signed_in[0] == 200
        assert "Log out" in signed_in[1]
        assert health[0] == 503
        assert json.loads(health[1])["checks"] == {"database": "ok", "channel_layer": "down"}
        assert health[2] < 2.5
        print(
            "with Redis down (s):",
            {path: round(t, 3) for path, (_, _, t) in pages.items()},
            "login page",
            round(login_page[2], 3),
            "login",
            round(right[2], 3),
            "healthz",
            round(health[2], 3),
        )

        server = start_redis(REDIS_PORT)
        restarted = time.monotonic()
        while get(base + "/healthz")[0] != 200:
            assert time.monotonic() - restarted < 10, "healthz did not recover"
            time.sleep(0.2)
        healthy_after = time.monotonic() - restarted
        # The cache goes back to Redis too: a failed login's rate-limit count lands there.
        while not redis.Redis(port=REDIS_PORT).keys("*"):
            assert time.monotonic() - restarted < 15, "the cache did not go back to Redis"
            Browser(base).log_in("nobody@example.org", "x")
            time.sleep(0.5)
        print(
            "after the restart (s): healthz 200 in",
            round(healthy_after, 2),
            "cache on Redis in",
            round(time.monotonic() - restarted, 2),
        )
    finally:
        stop(worker)
        stop(server)
