import datetime
import re
from urllib.parse import urlparse

import pytest
import time_machine
from django.http import HttpRequest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from offices.lockout import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "pass-1234"  # what tests.factories.UserFactory sets
LOCKED = "লগ ইন সাময়িকভাবে বন্ধ"


@pytest.fixture(autouse=True)
def _default_lockout(settings):
    """The defaults, whatever the environment running the tests says."""
    settings.AXES_FAILURE_LIMIT = 5
    settings.SOBHA_ADDRESS_FAILURE_LIMIT = 50
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
    settings.SOBHA_TRUSTED_PROXIES = 0


def log_in(client, username, password, ip="10.0.0.1", **extra):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip, **extra
    )


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_it_refuses_the_right_password_after_fifty_wrong_ones(client, alice):
    statuses = [log_in(client, "alice", f"wrong-{n}").status_code for n in range(50)]
    assert statuses == [200] * 4 + [429] * 46  # the fifth failure locks

    response = log_in(client, "alice", PASSWORD)

    page = response.content.decode()
    assert response.status_code == 429
    assert LOCKED in page
    assert "১৫ মিনিট পরে আবার চেষ্টা করুন" in page
    assert '<html lang="bn">' in page  # the portal's own layout, not a bare message
    assert not is_logged_in(client)


def test_it_locks_an_address_out_across_user_names_at_its_own_higher_limit(client, alice):
    for n in range(49):  # a whole office's typos behind one address do not lock it
        log_in(client, f"colleague-{n}", "typo", ip="10.0.0.1")
    assert log_in(client, "alice", PASSWORD, ip="10.0.0.1").status_code == 302
    client.logout()
    log_in(client, "guess-49", "wrong", ip="10.0.0.1")  # the fiftieth

    from_there = log_in(client, "alice", PASSWORD, ip="10.0.0.1")
    assert from_there.status_code == 429
    assert not is_logged_in(client)

    from_elsewhere = log_in(client, "alice", PASSWORD, ip="10.0.0.2")
    assert from_elsewhere.status_code == 302
    assert is_logged_in(client)


def test_it_locks_a_user_name_out_whatever_the_address(client, alice):
    for n in range(5):
        log_in(client, "alice", "wrong", ip=f"10.0.1.{n}")  # guesses spread over addresses
    assert log_in(client, "alice", PASSWORD, ip="10.0.2.1").status_code == 429
    assert not is_logged_in(client)
    assert log_in(client, "alice", PASSWORD, ip="10.0.2.1").status_code == 429


def test_it_does_not_believe_a_forwarded_for_header_from_the_client(client, alice):
    for n in range(5):
        log_in(client, "alice", "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")

    response = log_in(client, "alice", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert response.status_code == 429


def test_it_reads_the_address_the_trusted_proxy_saw(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.1.2.3")
    assert client_ip(request) == "127.0.0.1"
    settings.SOBHA_TRUSTED_PROXIES = 1
    assert client_ip(request) == "10.1.2.3"
    settings.SOBHA_TRUSTED_PROXIES = 2
    assert client_ip(request) == "6.6.6.6"
    settings.SOBHA_TRUSTED_PROXIES = 3
    assert client_ip(request) == "127.0.0.1"  # fewer hops than proxies: the header is not trusted
    request.META["HTTP_X_FORWARDED_FOR"] = "garbage"
    settings.SOBHA_TRUSTED_PROXIES = 1
    assert client_ip(request) == "127.0.0.1"


def test_it_lets_the_user_in_again_after_the_cool_off(client, alice):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for n in range(5):
            log_in(client, "alice", f"wrong-{n}")
        traveller.shift(datetime.timedelta(minutes=16))

        response = log_in(client, "alice", PASSWORD)

    assert response.status_code == 302
    assert is_logged_in(client)


def test_a_try_during_the_lock_out_does_not_extend_it(client, alice):
    """Nobody can keep an address (an office behind one NAT) locked out by trying again and again."""
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for n in range(5):
            log_in(client, "alice", f"wrong-{n}")
        traveller.shift(datetime.timedelta(minutes=14))
        assert log_in(client, "alice", "wrong-again").status_code == 429
        traveller.shift(datetime.timedelta(minutes=2))  # 16 minutes after the lock, 2 after the try
        assert log_in(client, "alice", PASSWORD).status_code == 302


def test_it_lets_the_test_client_log_in_when_given_a_request(client, alice):
    # axes needs the request to authenticate(); Client.login passes it through (axes docs, "Usage").
    assert client.login(request=HttpRequest(), username="alice", password=PASSWORD)
    assert client.get(reverse("home")).status_code == 200
    assert is_logged_in(client)


def test_it_links_to_the_password_pages(client, alice):
    login_page = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("password_reset")}"' in login_page
    assert "পাসওয়ার্ড ভুলে গেছেন?" in login_page

    client.force_login(alice)
    home = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("password_change")}"' in home
    assert "পাসওয়ার্ড পরিবর্তন" in home


def test_it_changes_the_password_and_the_old_one_stops_working(client, alice):
    client.force_login(alice)
    url = reverse("password_change")
    assert "আপনার পাসওয়ার্ড পরিবর্তন করুন" in client.get(url).content.decode()

    wrong_old = client.post(url, {"old_password": "nope", "new_password1": "x", "new_password2": "x"})
    assert "আপনার পুরনো পাসওয়ার্ডটি সঠিক নয়।" in wrong_old.content.decode()
    mismatch = client.post(
        url, {"old_password": PASSWORD, "new_password1": "nodi-padma-42", "new_password2": "nodi-padma-43"}
    )
    assert "দুটি পাসওয়ার্ড মেলেনি।" in mismatch.content.decode()
    common = client.post(
        url, {"old_password": PASSWORD, "new_password1": "password", "new_password2": "password"}
    )
    assert "এই পাসওয়ার্ডটি খুব প্রচলিত" in common.content.decode()

    response = client.post(
        url, {"old_password": PASSWORD, "new_password1": "nodi-padma-42", "new_password2": "nodi-padma-42"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("password_change_done")
    assert "আপনার পাসওয়ার্ড পরিবর্তন করা হয়েছে।" in client.get(response["Location"]).content.decode()
    assert is_logged_in(client)  # the session that changed the password stays logged in

    client.logout()
    assert log_in(client, "alice", PASSWORD).status_code == 200
    assert not is_logged_in(client)
    assert log_in(client, "alice", "nodi-padma-42").status_code == 302
    assert is_logged_in(client)


def test_it_sends_a_bangla_reset_link_that_sets_a_new_password(client, alice, mailoutbox, settings):
    alice.email = "alice@example.gov.bd"
    alice.save()

    response = client.post(reverse("password_reset"), {"email": "ALICE@example.gov.bd"})

    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["alice@example.gov.bd"]
    assert mail.subject == "সভা: নতুন পাসওয়ার্ড ঠিক করুন"
    assert "প্রিয় alice," in mail.body
    assert "আপনার ব্যবহারকারীর নাম: alice" in mail.body
    link = re.search(r"https?://\S+/accounts/password/reset/\S+/", mail.body).group(0)
    assert link.startswith(settings.SITE_URL.rstrip("/") + "/")

    form_page = client.get(urlparse(link).path, follow=True)
    assert "নতুন পাসওয়ার্ড ঠিক করুন" in form_page.content.decode()
    set_password_url = form_page.redirect_chain[-1][0]
    mismatch = client.post(set_password_url, {"new_password1": "nodi-padma-42", "new_password2": "other-42"})
    assert "দুটি পাসওয়ার্ড মেলেনি।" in mismatch.content.decode()
    done = client.post(set_password_url, {"new_password1": "nodi-padma-42", "new_password2": "nodi-padma-42"})
    assert done["Location"] == reverse("password_reset_complete")
    assert "আপনার নতুন পাসওয়ার্ড ঠিক করা হয়েছে।" in client.get(done["Location"]).content.decode()

    assert log_in(client, "alice", PASSWORD).status_code == 200
    assert log_in(client, "alice", "nodi-padma-42").status_code == 302
    client.logout()
    used_again = client.get(urlparse(link).path, follow=True).content.decode()
    assert "এই লিংকটি আর কাজ করে না" in used_again


def test_it_reveals_nothing_about_an_unknown_address(client, alice, mailoutbox):
    alice.email = "alice@example.gov.bd"
    alice.save()

    known = client.post(reverse("password_reset"), {"email": "alice@example.gov.bd"})
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.gov.bd"})

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert [mail.to for mail in mailoutbox] == [["alice@example.gov.bd"]]
    page = client.get(unknown["Location"]).content.decode()
    assert "এই ই-মেইল ঠিকানার কোনো অ্যাকাউন্ট থাকলে" in page
    assert "nobody@example.gov.bd" not in page


def test_reset_requests_are_throttled_per_address_and_per_e_mail(client, alice, mailoutbox):
    alice.email = "alice@example.gov.bd"
    alice.save()
    for n in range(8):
        response = client.post(
            reverse("password_reset"), {"email": "Alice@example.gov.bd"}, REMOTE_ADDR=f"10.9.0.{n}"
        )
        assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    assert len(mailoutbox) == 5  # the same answer every time, but no more than five e-mails an hour
    for n in range(8):
        client.post(reverse("password_reset"), {"email": f"nobody{n}@example.gov.bd"}, REMOTE_ADDR="10.9.1.1")
    client.post(reverse("password_reset"), {"email": "other@example.gov.bd"}, REMOTE_ADDR="10.9.1.1")
    assert len(mailoutbox) == 5  # one address cannot walk through many e-mail addresses either
