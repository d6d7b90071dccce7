from django.core.management.base import BaseCommand

from minutes.search import search_entries_rebuild


class Command(BaseCommand):
    help = "Write the public search's index again from every published meeting (safe to run any time)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500, help="Meetings per transaction.")

    def handle(self, *args, batch_size, **options):
        def progress(done: int) -> None:
            if options["verbosity"] > 1:
                self.stdout.write(f"  {done} indexed")

        total = search_entries_rebuild(batch_size=batch_size, progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {total} published minutes."))
