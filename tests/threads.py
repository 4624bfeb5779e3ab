"""Running one piece of code in several threads at once, each with its own database
connection, for the tests that prove a rule holds under concurrent requests."""

import threading

from django.db import connections


def race(target, threads=8):
    """Start ``target`` in ``threads`` threads released together; returns (results, errors)."""
    barrier = threading.Barrier(threads)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(target())
        except Exception as error:  # noqa: BLE001 - collected for the caller's assertions
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return results, errors
