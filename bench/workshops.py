"""Benchmark the workshop pages over HTTP with wrk, with 500 workshops in the database:
requests/s and latency p50/p99 of /workshops/ and a workshop's page, each also as a ratio
to the home page measured in the same run (so machines and runs compare).

    .venv/bin/python bench/workshops.py [--server uvicorn|daphne] [--workers 2]
        [--seconds 10] [--connections 16] [--workshops 500]

As bench/http_pages.py (whose helpers it uses): it serves the seeded demo (an isolated
SQLite copy, or DATABASE_URL if set) with DEBUG off on 127.0.0.1, adds --workshops bench
workshops (`add_workshops`: published, upcoming, two sessions, two languages, a few
registrations each; idempotent), logs the demo learner in for the pages that need it,
runs wrk against each page for a bounded time, prints Markdown tables for
docs/benchmarks.md and stops the servers. Needs wrk (apt-get install wrk).
"""

import argparse
import json
import subprocess

from common import PYTHON, ROOT
from http_pages import (
    load_arguments,
    measure,
    page_costs,
    print_ratios,
    seeded_site,
    session_cookie,
)

BENCH_TITLE = "Bench workshop"

# Run in a subprocess with the bench environment: brings the bench workshops to `count`.
ADD_WORKSHOPS = """
import django, json, sys
django.setup()
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from courses.workshops.constants import Kind, Mode, RegistrationStatus, Status
from courses.workshops.models import Registration, Session, Workshop, WorkshopLanguage

count, title = int(sys.argv[1]), sys.argv[2]
now = timezone.now()
people = list(get_user_model().objects.order_by("pk")[:5])
trainer = get_user_model().objects.get(email="trainer@example.org")
countries = ["KH", "KG", "LA", "MN", "TH", "VN", "CN", "ID", "JP", "MY", "PH", "KR", ""]
kinds, modes = list(Kind.values), list(Mode.values)
with transaction.atomic():
    have = Workshop.objects.filter(title__startswith=title).count()
    if have != count:
        Workshop.objects.filter(title__startswith=title).delete()
        workshops = Workshop.objects.bulk_create(
            Workshop(
                title=f"{title} {n}", description="A bench workshop.",
                description_html="<p>A bench workshop.</p>", kind=kinds[n % len(kinds)],
                country=countries[n % len(countries)], time_zone="Asia/Bangkok",
                mode=modes[n % len(modes)], venue="Bangkok", capacity=20 + n % 30,
                status=Status.PUBLISHED, published_at=now, created_by=trainer,
            )
            for n in range(count)
        )
        Workshop.trainers.through.objects.bulk_create(
            Workshop.trainers.through(workshop=w, user=trainer) for w in workshops
        )
        sessions, languages, registrations = [], [], []
        for n, w in enumerate(workshops):
            start = now + timedelta(days=1 + n % 180, hours=n % 8)
            for day in range(2):
                begin = start + timedelta(days=day)
                sessions.append(Session(workshop=w, starts_at=begin,
                                        ends_at=begin + timedelta(hours=3)))
            languages += [WorkshopLanguage(workshop=w, language=c) for c in ("en", "th")]
            registrations += [
                Registration(workshop=w, user=p, status=RegistrationStatus.CONFIRMED,
                             constituency=p.constituency, country=p.country)
                for p in people[: n % 6]
            ]
        Session.objects.bulk_create(sessions)
        WorkshopLanguage.objects.bulk_create(languages)
        Registration.objects.bulk_create(registrations)
first = Workshop.objects.filter(title__startswith=title).order_by("pk").first()
print(json.dumps([Workshop.objects.count(), first.pk]))
"""


def add_workshops(env, count):
    """Bring the bench workshops to `count`; (workshops in all, one bench workshop's id)."""
    out = subprocess.run(
        [PYTHON, "-c", ADD_WORKSHOPS, str(count), BENCH_TITLE],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    load_arguments(parser)
    parser.add_argument("--workshops", type=int, default=500)
    args = parser.parse_args()
    workdir, env = seeded_site()
    total, workshop_id = add_workshops(env, args.workshops)
    cookie = session_cookie(env, "learner@example.org")
    detail = f"/workshops/{workshop_id}/"
    targets = [
        ("home page (reference)", "/", False),
        ("workshops, upcoming", "/workshops/", False),
        ("workshops, filtered", "/workshops/?country=TH&mode=online", False),
        ("workshops, page 10", "/workshops/?page=10", False),
        ("workshop detail", detail, False),
        ("workshop detail (logged in)", detail, True),
    ]
    costs = page_costs(env, targets, "learner@example.org")
    rows = measure(env, targets, cookie, args, workdir)

    print_ratios(args, env, f"{total} workshops", rows, targets, costs)


if __name__ == "__main__":
    main()
