"""core.ratelimit: one atomic counter a window, shared by every worker through the cache."""

import threading
import time

from django.core.cache import cache

from core import ratelimit


def test_exactly_the_limit_passes_when_twenty_threads_hit_at_once():
    # Twenty threads are twenty workers: each has its own cache client (Redis with
    # REDIS_URL), and all count under one key at the same moment.
    start = threading.Barrier(20)
    refused = []

    def act():
        start.wait()
        refused.append(ratelimit.hit("race:anong", 10, 60))

    threads = [threading.Thread(target=act) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(refused) == [False] * 10 + [True] * 10


def test_the_limit_refuses_the_next_action_until_the_window_ends():
    passed = [not ratelimit.hit("window:bolor", 3, 1) for _ in range(4)]
    time.sleep(1.1)
    again = not ratelimit.hit("window:bolor", 3, 1)

    assert passed == [True, True, True, False]
    assert again is True


def test_keys_are_counted_apart():
    for _ in range(2):
        ratelimit.hit("apart:chenda", 2, 60)

    assert ratelimit.hit("apart:chenda", 2, 60) is True
    assert ratelimit.hit("apart:dara", 2, 60) is False


def test_a_counter_left_from_the_old_list_format_does_not_break_the_limit():
    cache.set("old:eka", [time.time()], 60)  # what the sliding window stored under the key

    assert ratelimit.hit("old:eka", 2, 60) is False
