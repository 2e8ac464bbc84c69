"""`python -m benchmarks`: build a throwaway demo site and measure its public pages.

The database is a fresh SQLite file in a temporary folder, so no real data is touched. Set
BENCH_RUNS to change how many requests are timed per page (default 50).
"""

import os
import sys
import tempfile

DEFAULT_RUNS = 50


def main():
    runs = int(os.environ.get("BENCH_RUNS", DEFAULT_RUNS))
    with tempfile.TemporaryDirectory(prefix="ortsdialog-bench-") as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
        os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
        import django

        django.setup()
        from django.db import connections

        from .measure import build_demo, measure_all, print_table

        try:
            print("Building the demo site in a throwaway database…", file=sys.stderr)
            build_demo()
            print(f"Timing {runs} requests per page…", file=sys.stderr)
            print_table(measure_all(runs), runs)
        finally:
            connections.close_all()


if __name__ == "__main__":
    main()
