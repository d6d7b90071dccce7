"""`load_demo` creates users whose password is in the README: never on a production server by mistake."""

import pytest
from django.core.management import CommandError, call_command

from offices.models import User


def test_it_refuses_to_load_the_demo_users_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force") as refusal:
        call_command("load_demo")
    assert "পাসওয়ার্ড" in str(refusal.value)  # says why, in the portal's language
    assert not User.objects.exists()


def test_it_loads_them_with_debug_off_when_forced(db, settings, capsys):
    settings.DEBUG = False
    call_command("load_demo", "--force")
    assert User.objects.filter(username="drafter").exists()
    assert "drafter" in capsys.readouterr().out


def test_it_loads_them_in_debug_without_force(db, settings):
    settings.DEBUG = True
    call_command("load_demo")
    assert User.objects.filter(username="drafter").exists()
