from django.core.management.base import BaseCommand

from followup.services import sync_occurrences


class Command(BaseCommand):
    help = (
        "Make the follow-up items of every issued minutes' decisions and every action plan's indicators "
        "(safe to run again: nothing is made twice)."
    )

    def handle(self, *args, **options):
        counts = sync_occurrences()
        self.stdout.write(
            self.style.SUCCESS(
                f"{counts['meetings']} issued minutes, {counts['plans']} plans: {counts['created']} new items."
            )
        )
