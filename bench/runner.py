"""What a benchmark is and how one is measured: the median of sequential requests."""

import http.client
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Server:
    host: str
    port: int

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(self.host, self.port, timeout=30)


@dataclass
class Benchmark:
    """A named measurement. By default: GET ``path`` again and again on one keep-alive
    connection. A benchmark with another shape (concurrent POSTs, say) passes ``measure``,
    which returns the duration of each request in seconds."""

    name: str
    path: str = ""
    measure: Callable[["Server", int, int], list[float]] | None = None
    expected_status: int = 200
    # Highest acceptable ratio of the median to /healthz's (the issue sets one per benchmark).
    target_ratio: float = 10

    def run(self, server: Server, *, requests: int, warmup: int) -> list[float]:
        if self.measure is not None:
            return self.measure(server, requests, warmup)
        return sequential_gets(
            server, self.path, requests=requests, warmup=warmup, status=self.expected_status
        )


def sequential_gets(
    server: Server, path: str, *, requests: int, warmup: int, status: int = 200
) -> list[float]:
    connection = server.connection()
    durations = []
    try:
        for number in range(warmup + requests):
            started = time.perf_counter()
            connection.request("GET", path, headers={"Host": server.host})
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
