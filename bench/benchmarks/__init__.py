"""One module per group of benchmarks; each defines ``benchmarks(data) -> list[Benchmark]``."""
