"""Running calls at the same moment, for tests of what two people (or workers) doing one
thing at once must end in."""

import threading

from django.db import connections


def race(*calls, timeout=60):
    """Run `calls` at the same moment, one thread each (each thread has its own database
    connection, closed at the end) -> what each returned, or the exception it raised."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # the outcome is what the test reads
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck"
    return results
