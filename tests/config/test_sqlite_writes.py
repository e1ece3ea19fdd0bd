"""The embedded default (SQLite) takes concurrent writes without "database is locked"."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Eight threads, each twenty transactions that read then write (what a request does: look
# a row up, then save), all at once on one file. Without WAL, a busy timeout and BEGIN
# IMMEDIATE, two readers that both want to write deadlock and SQLite fails one at once.
SCRIPT = """
import json, sys, threading, time
import django
django.setup()
from django.db import connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, thread INTEGER, n INTEGER)")
connection.close()
start = threading.Barrier(8)
errors = []

def write(thread):
    start.wait()
    try:
        for n in range(20):
            try:
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute("SELECT count(*) FROM note WHERE thread = %s", [thread])
                    cursor.fetchone()
                    time.sleep(0.002)
                    cursor.execute("INSERT INTO note (thread, n) VALUES (%s, %s)", [thread, n])
            except Exception as error:
                errors.append(str(error))
    finally:
        connection.close()

threads = [threading.Thread(target=write, args=(t,)) for t in range(8)]
for t in threads: t.start()
for t in threads: t.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM note")
    rows = cursor.fetchone()[0]
    cursor.execute("PRAGMA journal_mode")
    mode = cursor.fetchone()[0]
print(json.dumps({"rows": rows, "errors": sorted(set(errors)), "journal_mode": mode}))
"""


def test_eight_threads_writing_at_once_on_the_embedded_sqlite_all_succeed(tmp_path):
    # The project's own settings, with the SQLite file moved to a temporary directory.
    (tmp_path / "sqlite_settings.py").write_text(
        "from config.settings import *  # noqa: F403\n"
        f"DATABASES['default']['NAME'] = {str(tmp_path / 'db.sqlite3')!r}\n"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="sqlite_settings",
        PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]),
        DJANGO_DEBUG="1",
    )

    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )

    assert json.loads(result.stdout.splitlines()[-1]) == {
        "rows": 160,
        "errors": [],
        "journal_mode": "wal",
    }
