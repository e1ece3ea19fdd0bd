"""What the request guard (config.middleware.check_request_text) costs on an ordinary
form, as a ratio to Django parsing the same form (request.POST), measured in one run.

    .venv/bin/python bench/request_guard.py [--requests 2000]

A 40-field form with a 4,000-character Thai body; the guard must stay a small fraction of
the parsing Django does whatever the guard does. Results go in docs/benchmarks.md.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.test import RequestFactory

    from config.middleware import check_request_text

    fields = {f"field{i}": f"value {i}" for i in range(40)} | {"body": "สหกรณ์ " * 570}
    factory = RequestFactory()
    requests = [factory.post("/spaces/thailand/post/?page=2", fields) for _ in range(args.requests)]

    started = time.perf_counter()
    for request in requests:
        request.POST  # noqa: B018 - Django's parsing, the reference
    parsing = time.perf_counter() - started

    started = time.perf_counter()
    for request in requests:
        check_request_text(request)
    guard = time.perf_counter() - started

    n = len(requests)
    each = {"parsing": parsing / n * 1e6, "guard": guard / n * 1e6}
    print(f"{n} requests: parsing {each['parsing']:.0f} µs each, the guard {each['guard']:.0f} µs")
    print(f"guard ÷ parsing: {guard / parsing:.2f}")


if __name__ == "__main__":
    main()
