"""Profile one page in-process against the benchmark database, without gunicorn.

    .venv/bin/python bench/profile_page.py /en/programmes/bench-0/ [--requests 50] [--html out.html]

Same settings and data as ``bench/run.py`` (run that once first to seed the database). Prints
the median time of the requests (and its ratio to /healthz in-process), the page size, the
number of queries, then a pyinstrument profile of as many more requests
(``pip install pyinstrument``; without it, cProfile).
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import production_environment  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--html", help="write the pyinstrument profile as HTML here")
    args = parser.parse_args()

    import os

    os.environ.update(production_environment())
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(5):
        response = client.get(args.path)
    if response.status_code != 200:
        sys.exit(f"GET {args.path} answered {response.status_code}")
    # Django's query log is reset when a request starts, so count through a wrapper.
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)
    ):
        client.get(args.path)

    def median_ms(path: str) -> float:
        durations = []
        for _ in range(args.requests):
            started = time.perf_counter()
            client.get(path)
            durations.append(time.perf_counter() - started)
        return statistics.median(durations) * 1000

    # Interleaved with /healthz, so a busy machine slows both alike.
    page, baseline = [], []
    for _ in range(3):
        page.append(median_ms(args.path))
        baseline.append(median_ms("/healthz"))
    page_ms, baseline_ms = statistics.median(page), statistics.median(baseline)

    try:
        from pyinstrument import Profiler
    except ImportError:
        Profiler = None
    import cProfile
    import pstats

    profiler = Profiler(interval=0.0005) if Profiler else cProfile.Profile()
    profiler.start() if Profiler else profiler.enable()
    for _ in range(args.requests):
        client.get(args.path)
    profiler.stop() if Profiler else profiler.disable()

    print(
        f"{args.path}: median {page_ms:.2f} ms ({page_ms / baseline_ms:.1f} × /healthz "
        f"{baseline_ms:.2f} ms in-process), {len(response.content) / 1024:.1f} KB, "
        f"{len(queries)} queries"
    )
    if Profiler:
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        if args.html:
            Path(args.html).write_text(profiler.output_html())
    else:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
