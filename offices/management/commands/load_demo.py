from django.core.management.base import BaseCommand

from offices.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo offices, people, files and users (safe to run again)."

    def handle(self, *args, **options):
        logins = load_demo()
        self.stdout.write(
            self.style.SUCCESS("Demo data loaded. Log in at http://127.0.0.1:8000/accounts/login/ with:")
        )
        for username, description in logins:
            self.stdout.write(f"  {username:<14} / {DEMO_PASSWORD}   ({description})")
