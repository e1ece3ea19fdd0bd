"""Benchmark the follow-up activities' overview over HTTP with wrk, with 2,000 activities
and 20,000 indicator values in the database: requests/s and latency p50/p99 of
/activities/ (signed in), a filtered page, a far page, the board fragment the live script
fetches, and the CSV export, each also as a ratio to the home page measured in the same
run (so machines and runs compare).

    .venv/bin/python bench/activities.py [--server uvicorn|daphne] [--workers 2]
        [--seconds 10] [--connections 16] [--activities 2000] [--values 10]

As bench/workshops.py (it uses bench/http_pages.py's helpers): it serves the seeded demo
(an isolated SQLite copy, or DATABASE_URL if set) with DEBUG off on 127.0.0.1, adds
--activities bench activities (`add_activities`: the twelve countries and Regional, types
and statuses in turn, every tenth a draft, one indicator each with --values quarterly
values, totals and cells by sex, and an event this month each; bulk-created;
idempotent), logs the demo learner in, runs wrk against each page for a bounded time,
prints Markdown tables for docs/benchmarks.md and stops the servers. Needs wrk
(apt-get install wrk).
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

BENCH_TITLE = "Bench activity"

# Run in a subprocess with the bench environment: brings the bench activities to `count`,
# each with one indicator and `values` quarterly values.
ADD_ACTIVITIES = """
import django, json, sys
django.setup()
from decimal import Decimal
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from accounts.constants import PROGRAMME_COUNTRIES
from cop.activities.constants import Aggregation, EventKind, Kind, Status
from cop.activities.models import Activity, Event, Indicator, IndicatorValue
from cop.activities.periods import recent

count, per, title = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
countries = [*(c.value for c in PROGRAMME_COUNTRIES), ""]
kinds, statuses = list(Kind.values), list(Status.values)
quarters = recent((per + 1) // 2)
with transaction.atomic():
    mine = Activity.objects.filter(title__startswith=title)
    have = IndicatorValue.objects.filter(indicator__activity__in=mine).count()
    if mine.count() != count or have != count * per:
        mine.delete()
        activities = Activity.objects.bulk_create(
            Activity(
                country=countries[n % len(countries)], kind=kinds[n % len(kinds)],
                title=f"{title} {n}", description="A bench activity.",
                description_html="<p>A bench activity.</p>",
                status=statuses[n % len(statuses)], lead_organization="Ministry of Labour",
                constituencies=",government,workers,", is_draft=n % 10 == 4,
            )
            for n in range(count)
        )
        indicators = Indicator.objects.bulk_create(
            Indicator(
                activity=a, name="People trained", unit="people", baseline=Decimal(0),
                target=Decimal(100 + n % 50), by_sex=True,
                aggregation=Aggregation.LATEST if n % 2 else Aggregation.SUM,
            )
            for n, a in enumerate(activities)
        )
        IndicatorValue.objects.bulk_create(
            IndicatorValue(
                indicator=i, year=quarters[v // 2].year, quarter=quarters[v // 2].quarter,
                sex="" if v % 2 == 0 else "woman", value=Decimal(v + n % 7),
            )
            for n, i in enumerate(indicators)
            for v in range(per)
        )
        Event.objects.bulk_create(
            Event(activity=a, country=a.country, kind=EventKind.CREATED, created_at=timezone.now())
            for a in activities
            if not a.is_draft
        )
# The seeded demo activity with the most updates: what an activity page looks like.
demo = (
    Activity.objects.published().exclude(title__startswith=title)
    .annotate(n=Count("updates")).order_by("-n", "id").first()
)
print(json.dumps([Activity.objects.count(), IndicatorValue.objects.count(), demo.pk]))
"""


def add_activities(env, count, values):
    """Bring the bench activities to `count` with `values` values each; (activities in
    all, indicator values in all, the id of the seeded activity with the most updates)."""
    out = subprocess.run(
        [PYTHON, "-c", ADD_ACTIVITIES, str(count), str(values), BENCH_TITLE],
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
    parser.add_argument("--activities", type=int, default=2000)
    parser.add_argument("--values", type=int, default=10, help="indicator values an activity")
    args = parser.parse_args()
    workdir, env = seeded_site()
    activities, values, demo = add_activities(env, args.activities, args.values)
    cookie = session_cookie(env, "learner@example.org")
    targets = [
        ("home page (reference)", "/", False),
        ("overview (logged in)", "/activities/", True),
        ("overview, filtered", "/activities/?country=TH&status=in_progress", True),
        ("overview, page 20", "/activities/?page=20", True),
        ("board fragment", "/activities/?fragment=board", True),
        ("CSV export, Thailand", "/activities/export.csv?country=TH", True),
        ("CSV export, everything", "/activities/export.csv", True),
        ("an activity page (seeded)", f"/activities/{demo}/", True),
        ("its history", f"/activities/{demo}/history/", True),
    ]
    costs = page_costs(env, targets, "learner@example.org")
    rows = measure(env, targets, cookie, args, workdir)

    print_ratios(
        args, env, f"{activities} activities, {values} indicator values", rows, targets, costs
    )


if __name__ == "__main__":
    main()
