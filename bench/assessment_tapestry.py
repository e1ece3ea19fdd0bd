"""Time the regional tapestry with 500, then 5,000 assessed organizations in one run, and
print how much slower the larger is (the ratio of the medians: 1.0 is "does not grow").

    .venv/bin/python bench/assessment_tapestry.py [--sizes 500,5000] [--requests 20]

It migrates a fresh database (an isolated SQLite file, or DATABASE_URL if set) with DEBUG
off, brings the bench organizations to each size in turn (bulk-created: the twelve
countries, the eight types and the three classifications in turn, three in four
published, seven feature scores each; then ANALYZE), and requests each page --requests times in this
one process with Django's test client (no HTTP, no wrk: the server's own time, which is
what the number of organizations could change). For each page it prints the median and
the 90th percentile, the SQL queries and their time (one request, measured apart), the
body's size, and the ratios between the sizes, as Markdown for docs/benchmarks.md.
"""

import argparse
import os
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime

from common import bench_env, manage

BENCH_NAME = "Bench organization"
PAGES = [
    ("tapestry", "/assessment/tapestry/"),
    ("tapestry, filtered", "/assessment/tapestry/?country=TH&feature=2"),
    ("tapestry, far page", "/assessment/tapestry/?page=last"),
    ("CSV export, Thailand", "/assessment/tapestry.csv?country=TH"),
    ("CSV export, everything", "/assessment/tapestry.csv"),
]


def bring_organizations_to(count):
    """Replace the bench organizations by `count` new ones (as the module says)."""
    from django.db import connection, transaction
    from django.db.models import OuterRef, Subquery

    from accounts.constants import PROGRAMME_COUNTRIES
    from cop.assessment.classification import Classification
    from cop.assessment.constants import OrgType
    from cop.assessment.models import Assessment, FeatureScore, Organization
    from cop.assessment.scoring import band

    countries = [c.value for c in PROGRAMME_COUNTRIES]
    types, classes = list(OrgType.values), list(Classification.values)
    with transaction.atomic():
        Organization.objects.filter(name__startswith=BENCH_NAME).delete()
        orgs = Organization.objects.bulk_create(
            Organization(
                name=f"{BENCH_NAME} {n:05d}",
                country=countries[n % len(countries)],
                org_type=types[n % len(types)],
                publish_results=n % 4 != 1,
                year_founded=1990 + n % 30,
                members_count=10 + n,
            )
            for n in range(count)
        )
        assessments = Assessment.objects.bulk_create(
            Assessment(
                organization=org,
                submitted_at=datetime(2026, 11, 2, 3, 0, tzinfo=UTC),
                classification=classes[n % len(classes)],
                conditions_met=[],
            )
            for n, org in enumerate(orgs)
        )
        Organization.objects.filter(name__startswith=BENCH_NAME).update(
            latest_assessment=Subquery(
                Assessment.objects.filter(organization=OuterRef("pk")).values("pk")[:1]
            )
        )
        scores = [(0, 25, 80), (100, 50, 75, 25)]
        FeatureScore.objects.bulk_create(
            FeatureScore(assessment=a, feature=f, score=s, band=band(s))
            for n, a in enumerate(assessments)
            for f in range(1, 8)
            for s in [scores[0][n % 3] if f == 5 else scores[1][(n + f) % 4]]
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would soon make them
    return Organization.objects.assessed().count()


def measure(path, requests):
    """(median ms, p90 ms, queries, SQL ms, body bytes, status) of `path`."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    limit_key = "ratelimit:assessment:tapestry-export:ip:127.0.0.1"
    cache.delete(limit_key)
    client.get(path)  # warm-up
    timings = []
    for _ in range(requests):
        cache.delete(limit_key)  # the export's rate limit is not what is measured
        start = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
    cache.delete(limit_key)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    timings.sort()
    p90 = timings[min(len(timings) - 1, round(0.9 * (len(timings) - 1)))]
    return (
        statistics.median(timings),
        p90,
        len(queries),
        sql_ms,
        len(response.content),
        response.status_code,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,5000", help="organizations, comma-separated")
    parser.add_argument("--requests", type=int, default=20, help="timed requests a page")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    workdir = tempfile.mkdtemp(prefix="sse-bench-")
    env = bench_env(workdir)
    try:
        manage(env, "migrate", "--noinput", "-v0")
        os.environ.update(env)
        import django

        django.setup()
        results = {}
        for size in sizes:
            assessed = bring_organizations_to(size)
            results[size] = (assessed, [measure(path, args.requests) for _label, path in PAGES])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report(env, args, sizes, results)


def report(env, args, sizes, results):
    first, last = sizes[0], sizes[-1]
    database = env["DATABASE_URL"].split(":")[0]
    print(
        f"\nOne process, Django's test client, DEBUG off, database {database}, "
        f"{args.requests} requests a page after a warm-up; assessed organizations: "
        + ", ".join(f"{results[size][0]:,}" for size in sizes)
        + "\n"
    )
    head = " | ".join(f"{size:,}: median, p90" for size in sizes)
    print(f"| page | path | {head} | median {last:,} ÷ {first:,} | queries | SQL ms | body |")
    print("|---|---|" + "---:|" * (len(sizes) + 4))
    for n, (label, path) in enumerate(PAGES):
        cells = []
        for size in sizes:
            median, p90, *_rest = results[size][1][n]
            cells.append(f"{median:.0f} ms, {p90:.0f} ms")
        small, large = results[first][1][n], results[last][1][n]
        queries = " / ".join(str(results[size][1][n][2]) for size in sizes)
        sql = " / ".join(f"{results[size][1][n][3]:.1f}" for size in sizes)
        body = " / ".join(f"{results[size][1][n][4] / 1000:.1f} KB" for size in sizes)
        statuses = {results[size][1][n][5] for size in sizes}
        note = "" if statuses == {200} else f" (status {sorted(statuses)})"
        print(
            f"| {label}{note} | `{path}` | {' | '.join(cells)} | {large[0] / small[0]:.2f} | "
            f"{queries} | {sql} | {body} |"
        )


if __name__ == "__main__":
    main()
