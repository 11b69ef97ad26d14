"""The public pages people open most, measured against the 2,000 seeded sessions."""

from bench.runner import Benchmark
from bench.seed import SeedData


def benchmarks(data: SeedData) -> list[Benchmark]:
    return [
        Benchmark("programme list", "/en/programmes/"),
        Benchmark(
            "session list (French, one month)",
            f"/en/sessions/?language=fr&month={data.busy_month}",
        ),
        Benchmark("programme page", f"/en/programmes/{data.programme_slugs[0]}/"),
    ]
