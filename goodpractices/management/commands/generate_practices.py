"""Generate realistic practices in four languages (benchmarks, query-count tests, demos)."""

from django.core.management.base import BaseCommand

from goodpractices.generator import generate_practices


class Command(BaseCommand):
    help = "Replace the generated good practices (slug gen-*) with COUNT new published ones."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=2024, help="same seed, same practices")

    def handle(self, *args, count, seed, **options):
        total = generate_practices(count, seed=seed)
        self.stdout.write(f"Generated {count} practices; the library holds {total}.")
