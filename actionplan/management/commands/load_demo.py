from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from actionplan.demo import load_demo_plans
from minutes.demo import load_demo_minutes, load_minutes_demo
from offices.demo import DEMO_PASSWORD, load_demo
from offices.models import Office


class Command(BaseCommand):
    help = (
        "Load the demo offices, people, files, users, distribution groups, minutes and action plans "
        "(safe to run again)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo users even with DEBUG off (their password is published).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                _(
                    "Refusing to load the demo data: DEBUG is off, so this looks like a production "
                    "server, and every demo user's password is published in the README. Use --force "
                    "only on a training or test server that no one else can reach."
                )
            )
        logins = load_demo()
        load_minutes_demo({office.name: office for office in Office.objects.all()})
        load_demo_minutes()
        load_demo_plans()
        self.stdout.write(
            self.style.SUCCESS("Demo data loaded. Log in at http://127.0.0.1:8000/accounts/login/ with:")
        )
        for username, description in logins:
            self.stdout.write(f"  {username:<14} / {DEMO_PASSWORD}   ({description})")
