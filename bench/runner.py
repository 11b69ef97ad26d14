"""What a benchmark is and how one is measured: the median of sequential requests."""

import http.client
import itertools
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field


@dataclass
class Server:
    host: str
    port: int

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(self.host, self.port, timeout=30)


@dataclass
class Benchmark:
    """A named measurement. By default: GET ``path`` again and again on one keep-alive
    connection; with ``paths`` instead, GET each of them once, in turn (pages that must not
    come from a cache), starting again from the first only when all have been. A benchmark
    with another shape (concurrent POSTs, say) passes ``measure``, which returns the duration
    of each request in seconds."""

    name: str
    path: str = ""
    measure: Callable[["Server", int, int], list[float]] | None = None
    expected_status: int = 200
    # Highest acceptable ratio of the median to /healthz's (the issue sets one per benchmark).
    target_ratio: float = 10
    paths: list[str] = field(default_factory=list)
    # Sent with every request, e.g. a cookie a returning visitor has.
    headers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # One iterator for every round: a path measured in one round is not met again.
        self._next_paths: Iterator[str] = itertools.cycle(self.paths or [self.path])

    def run(self, server: Server, *, requests: int, warmup: int) -> list[float]:
        if self.measure is not None:
            return self.measure(server, requests, warmup)
        return sequential_gets(
            server,
            self._next_paths,
            requests=requests,
            warmup=warmup,
            status=self.expected_status,
            headers=self.headers,
        )


def sequential_gets(
    server: Server,
    path: str | Iterator[str],
    *,
    requests: int,
    warmup: int,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> list[float]:
    """Durations of ``requests`` GETs of ``path`` (or of the next paths of an iterator)."""
    paths = itertools.repeat(path) if isinstance(path, str) else path
    connection = server.connection()
    durations = []
    try:
        for number in range(warmup + requests):
            path = next(paths)
            started = time.perf_counter()
            connection.request("GET", path, headers={"Host": server.host, **(headers or {})})
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            if response.status != status:
                raise RuntimeError(f"GET {path} answered {response.status}, expected {status}")
            if number >= warmup:
                durations.append(elapsed)
    finally:
        connection.close()
    return durations


def median_ms(durations: list[float]) -> float:
    return statistics.median(durations) * 1000
