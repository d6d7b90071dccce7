from django.core.management.base import BaseCommand

from minutes.demo import load_minutes_demo
from offices.demo import DEMO_PASSWORD, load_demo
from offices.models import Office


class Command(BaseCommand):
    help = "Load the demo offices, people, files, users and distribution groups (safe to run again)."

    def handle(self, *args, **options):
        logins = load_demo()
        load_minutes_demo({office.name: office for office in Office.objects.all()})
        self.stdout.write(
            self.style.SUCCESS("Demo data loaded. Log in at http://127.0.0.1:8000/accounts/login/ with:")
        )
        for username, description in logins:
            self.stdout.write(f"  {username:<14} / {DEMO_PASSWORD}   ({description})")
