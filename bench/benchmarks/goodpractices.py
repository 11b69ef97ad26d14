"""The good-practice library at 10,000 practices: list, faceted list, searches.

Targets from issue 12: the list at most 10× /healthz, a faceted search at most 15×. Run on
PostgreSQL (full-text search with its GIN index); on SQLite the search is a plain word match.
"""

from urllib.parse import urlencode

from bench.runner import Benchmark
from bench.seed import SeedData

PRACTICES = 10_000


def ensure_practices() -> None:
    from goodpractices.generator import PREFIX, generate_practices
    from goodpractices.models import GoodPractice

    if GoodPractice.objects.filter(slug__startswith=PREFIX).count() != PRACTICES:
        generate_practices(PRACTICES)


def benchmarks(data: SeedData) -> list[Benchmark]:
    ensure_practices()
    faceted = urlencode({"theme": "care", "country": "IT"})
    search = urlencode({"q": "cooperativa sociale"})
    faceted_search = urlencode({"q": "cooperative sociali", "theme": "care", "territory": "urban"})
    return [
        Benchmark("practices: list (10,000)", "/en/good-practices/", target_ratio=10),
        Benchmark("practices: faceted list", f"/en/good-practices/?{faceted}", target_ratio=15),
        Benchmark("practices: search (Italian)", f"/it/good-practices/?{search}", target_ratio=15),
        Benchmark(
            "practices: faceted search", f"/it/good-practices/?{faceted_search}", target_ratio=15
        ),
        Benchmark("practices: page", "/en/good-practices/gen-00042/", target_ratio=10),
    ]
