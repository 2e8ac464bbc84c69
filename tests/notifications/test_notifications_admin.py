"""Email and followers in the admin: the "E-post" report with addresses only for Handläggare,
"Försök igen nu", the dashboard panel when something failed, followers per village, and
forgetting a follower's address on request (GDPR) with an audit entry that does not name it."""

import importlib
from smtplib import SMTPRecipientsRefused

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from notifications import mail as outbox
from notifications.models import Follower, OutgoingEmail
from tests.support import pages as factories
from tests.support.admin import CASE_OFFICERS, EDITORS, login, staff
from tests.support.following import follower
from tests.support.html import soup_of, text_of
from tests.support.mail import FlakyBackend

migration = importlib.import_module("notifications.migrations.0002_case_officers_see_emails")

EMAILS = reverse("notifications_admin:emails")
FOLLOWERS = reverse("notifications_admin:followers")
FORGET = reverse("notifications_admin:forget")
DASHBOARD = reverse("wagtailadmin_home")
FAILED_TO = "refused-4411@example.org"
SENT_TO = "delivered-5522@example.org"
QUEUED_TO = "waiting-6633@example.org"
UNDELIVERED_HEADING = "har inte kunnat skickas"


def outgoing(to, kind="proposal_receipt", **fields):
    return OutgoingEmail.objects.create(
        kind=kind,
        to=to,
        subject="Tack för ditt förslag",
        text_body="Hej! Din privata länk: https://testserver/f/hemlig-9911/",
        html_body="<p>Hej! Din privata länk: https://testserver/f/hemlig-9911/</p>",
        **fields,
    )


def failed(to=FAILED_TO, **fields):
    error = f"SMTPRecipientsRefused: {{'{to.upper()}': (550, b'mailbox unavailable')}}"
    return outgoing(to, state=OutgoingEmail.State.FAILED, attempts=9, last_error=error, **fields)


@pytest.fixture
def emails(db):
    """One email given up (its error quotes the address), one sent, one never tried."""
    return {
        "failed": failed(),
        "sent": outgoing(
            SENT_TO, kind="follow_reminder", state=OutgoingEmail.State.SENT, attempts=1
        ),
        "queued": outgoing(QUEUED_TO, kind="follow_confirm"),
    }


def viewer_of_emails():
    """A user with the admin and the email report's view permission, nothing else."""
    user = staff(None, username="mail-watcher")
    user.user_permissions.add(Permission.objects.get(codename="view_outgoingemail"))
    return user


def rows(soup):
    """The report's table as lists of cell texts."""
    return [[text_of(td) for td in tr.find_all("td")] for tr in soup.select("table tbody tr")]


def menu(client):
    """The admin menu's props (the sidebar is drawn from them)."""
    return soup_of(client, DASHBOARD).find(id="wagtail-sidebar-props").string


# Who sees what


def test_the_migration_gives_case_officers_the_report_and_can_run_again_and_back(db):
    officers = Group.objects.get(name=CASE_OFFICERS)
    right = Permission.objects.get(codename="view_outgoingemail")
    assert right in officers.permissions.all()
    assert right not in Group.objects.get(name=EDITORS).permissions.all()

    migration.grant(apps, None)
    assert list(officers.permissions.filter(pk=right.pk)) == [right]

    migration.revoke(apps, None)
    assert right not in officers.permissions.all()
    migration.grant(apps, None)
    assert right in officers.permissions.all()


@pytest.mark.parametrize(
    ("method", "url"),
    [("get", EMAILS), ("get", FOLLOWERS), ("get", FORGET), ("post", FORGET)],
)
def test_anonymous_visitors_are_sent_to_the_login(client, db, method, url):
    response = getattr(client, method)(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_anonymous_visitors_cannot_retry(client, emails):
    response = client.post(reverse("notifications_admin:retry", args=[emails["failed"].pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    emails["failed"].refresh_from_db()
    assert emails["failed"].state == OutgoingEmail.State.FAILED


def test_editors_neither_see_the_report_nor_can_retry(client, emails):
    login(client, EDITORS)

    report = client.get(EMAILS, follow=True)
    retried = client.post(reverse("notifications_admin:retry", args=[emails["failed"].pk]))

    assert report.redirect_chain[0] == (DASHBOARD, 302)
    assert report.status_code == 200  # the dashboard itself, where the address is not
    assert FAILED_TO not in report.content.decode()
    assert '"url": "/admin/e-post/"' not in menu(client)
    assert retried.status_code == 302
    assert retried["Location"] == DASHBOARD
    emails["failed"].refresh_from_db()
    assert emails["failed"].state == OutgoingEmail.State.FAILED
    assert mail.outbox == []


def test_case_officers_see_every_email_with_its_address_but_never_a_body(client, emails):
    login(client, CASE_OFFICERS)

    soup = soup_of(client, EMAILS)

    headers = [text_of(th) for th in soup.select("table thead th")]
    assert headers[:7] == ["Typ", "Mottagare", "Läge", "Försök", "Senaste fel", "Skapat", "Skickat"]
    table = rows(soup)
    assert len(table) == 3
    by_address = {row[1]: row for row in table}
    assert by_address[FAILED_TO][0] == "Kvitto på förslag"
    assert by_address[FAILED_TO][2] == "Gav upp"
    assert by_address[FAILED_TO][3] == "9"
    assert FAILED_TO.upper() in by_address[FAILED_TO][4]
    assert by_address[SENT_TO][:3] == ["Bevakning: påminnelse", SENT_TO, "Skickat"]
    assert by_address[QUEUED_TO][0] == "Bekräfta bevakning"
    assert "hemlig-9911" not in str(soup)
    assert '"url": "/admin/e-post/"' in menu(client)


def test_a_viewer_without_the_personal_data_right_sees_the_report_without_addresses(client, emails):
    login(client, user=viewer_of_emails())

    soup = soup_of(client, EMAILS)

    headers = [text_of(th) for th in soup.select("table thead th")]
    assert "Mottagare" not in headers
    assert len(rows(soup)) == 3
    html = str(soup).lower()
    for address in (FAILED_TO, SENT_TO, QUEUED_TO):
        assert address not in html
    assert "[mottagaren]" in html  # the refusal is shown, with the address taken out
    assert "hemlig-9911" not in html


def test_the_report_filters_by_state_and_kind(client, emails):
    queued_again = outgoing(
        "retrying@example.org", attempts=2, last_error="SMTPServerDisconnected: closed"
    )
    login(client, CASE_OFFICERS)

    def addresses(**query):
        return {row[1] for row in rows(soup_of(client, EMAILS, query))}

    assert addresses(state="failed") == {FAILED_TO}
    assert addresses(state="sent") == {SENT_TO}
    assert addresses(state="undelivered") == {FAILED_TO, queued_again.to}
    assert addresses(kind="follow_confirm") == {QUEUED_TO}
    assert addresses(kind="proposal_receipt", state="queued") == {queued_again.to}
    assert addresses(kind="follow_digest") == set()


def test_the_report_does_not_query_per_email(client, emails, django_assert_max_num_queries):
    login(client, CASE_OFFICERS)
    soup_of(client, EMAILS)  # warm the caches of the admin (menus, sites)
    with django_assert_max_num_queries(20) as few:
        soup_of(client, EMAILS)
    for number in range(30):
        failed(to=f"many-{number}@example.org")
    with django_assert_max_num_queries(len(few.captured_queries)):
        soup_of(client, EMAILS)


# Försök igen nu


def test_retrying_a_failed_email_sends_it_now_and_it_is_then_sent(client, emails):
    login(client, CASE_OFFICERS)
    email = emails["failed"]
    soup = soup_of(client, EMAILS, {"state": "failed"})
    form = soup.find("button", string="Försök igen nu").find_parent("form")

    response = client.post(form["action"], {"next": form.find("input", {"name": "next"})["value"]})

    assert response.status_code == 302
    assert response["Location"] == f"{EMAILS}?state=failed"
    assert [message.to for message in mail.outbox] == [[FAILED_TO]]
    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.SENT
    assert "E-postmeddelandet är skickat." in text_of(soup_of(client, EMAILS))
    assert ModelLogEntry.objects.filter(action="notifications.email.retry").count() == 1


def test_with_a_worker_the_retry_waits_for_it_and_is_sent_once(client, emails, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    emails["queued"].delete()
    login(client, CASE_OFFICERS)
    email = emails["failed"]

    response = client.post(reverse("notifications_admin:retry", args=[email.pk]), follow=True)

    assert "skickas om en liten stund" in response.content.decode()
    assert mail.outbox == []
    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.QUEUED
    assert email.next_attempt_at <= timezone.now()
    assert outbox.deliver_due() == (1, 0)  # what the worker or the sweep does
    assert [message.to for message in mail.outbox] == [[FAILED_TO]]
    assert outbox.deliver_due()[0] == 0


def test_only_refused_emails_have_the_button(client, emails):
    login(client, CASE_OFFICERS)

    table = {row[1]: row for row in rows(soup_of(client, EMAILS))}

    assert table[FAILED_TO][-1] == "Försök igen nu"
    assert table[SENT_TO][-1] == table[QUEUED_TO][-1] == ""


def test_retrying_when_the_server_still_refuses_says_so_and_keeps_the_email(
    client, emails, settings
):
    settings.EMAIL_BACKEND = "tests.support.mail.FlakyBackend"
    FlakyBackend.failures, FlakyBackend.refused = 1, 0
    login(client, user=viewer_of_emails())
    email = emails["failed"]

    response = client.post(reverse("notifications_admin:retry", args=[email.pk]), follow=True)

    FlakyBackend.failures = 0
    assert FlakyBackend.refused == 1
    assert mail.outbox == []
    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.FAILED
    assert email.attempts == 10
    assert "SMTPServerDisconnected" in email.last_error
    assert "tog inte emot det den här gången heller" in response.content.decode()


def test_retrying_a_sent_email_sends_nothing_again(client, emails):
    login(client, CASE_OFFICERS)

    response = client.post(
        reverse("notifications_admin:retry", args=[emails["sent"].pk]), follow=True
    )

    assert mail.outbox == []
    assert "väntar inte på ett nytt försök" in response.content.decode()
    assert (
        client.get(reverse("notifications_admin:retry", args=[emails["sent"].pk])).status_code
        == 405
    )


class RefusingBackend(EmailBackend):
    """A mail server that refuses the recipient, quoting the address in its answer."""

    def send_messages(self, messages):
        raise SMTPRecipientsRefused({FAILED_TO: (550, b"no such user")})


def test_an_error_message_after_retrying_does_not_show_the_address(client, db, settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    email = failed()
    login(client, user=viewer_of_emails())

    response = client.post(reverse("notifications_admin:retry", args=[email.pk]), follow=True)

    html = response.content.decode()
    assert "tog inte emot det den här gången heller" in html
    assert FAILED_TO not in html.lower()


# The dashboard panel


def test_the_dashboard_tells_case_officers_when_emails_could_not_be_sent(client, emails):
    outgoing("retrying@example.org", attempts=1, last_error="SMTPServerDisconnected")
    login(client, CASE_OFFICERS)

    soup = soup_of(client, DASHBOARD)

    panel = soup.find(id="undelivered_emails-section")
    assert "2 e-postmeddelanden har inte kunnat skickas" in text_of(panel)
    link = panel.find("a", string="Visa dem i listan E-post")
    assert link["href"] == f"{EMAILS}?state=undelivered"
    assert {row[1] for row in rows(soup_of(client, link["href"]))} == {
        FAILED_TO,
        "retrying@example.org",
    }


def test_the_dashboard_panel_is_not_there_when_all_is_well(client, emails):
    """The panel is there while the refused email is, and goes when it does."""
    login(client, CASE_OFFICERS)
    assert UNDELIVERED_HEADING in text_of(soup_of(client, DASHBOARD))
    emails["failed"].delete()

    assert UNDELIVERED_HEADING not in text_of(soup_of(client, DASHBOARD))


def test_the_dashboard_panel_is_not_shown_to_editors(client, emails):
    """With the same refused email a case officer sees the panel; an editor does not."""
    login(client, CASE_OFFICERS)
    assert UNDELIVERED_HEADING in text_of(soup_of(client, DASHBOARD))
    client.logout()
    login(client, EDITORS)

    assert UNDELIVERED_HEADING not in text_of(soup_of(client, DASHBOARD))


# Followers


@pytest.fixture
def villages(home):
    (
        läckeby,
        påryd,
    ) = factories.place("Läckeby"), factories.place("Påryd")
    follower(läckeby, "anna@example.org")
    follower(läckeby, "bo@example.org")
    follower(läckeby, "new@example.org", confirmed=False)
    follower(påryd, "anna@example.org")
    follower(påryd, "cecilia@example.org")
    return {"läckeby": läckeby, "påryd": påryd}


def test_editors_see_how_many_follow_each_village_and_no_address(client, villages):
    login(client, EDITORS)

    soup = soup_of(client, FOLLOWERS)

    assert rows(soup) == [["Läckeby", "2", "1"], ["Påryd", "2", "0"]]
    assert "@example.org" not in str(soup)
    assert soup.find("a", href=FORGET) is None
    assert '"url": "/admin/e-post/bevakare/"' in menu(client)


def test_editors_cannot_forget_a_follower(client, villages):
    """The same request from a case officer does forget the address: the refusal is the editor's."""
    login(client, EDITORS)

    response = client.post(FORGET, {"email": "anna@example.org", "confirm": "1"})

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert Follower.objects.count() == 5
    client.logout()
    login(client, CASE_OFFICERS)
    client.post(FORGET, {"email": "anna@example.org", "confirm": "1"})
    assert Follower.objects.count() == 3


def test_a_case_officer_finds_an_address_confirms_and_it_is_gone_everywhere(client, villages):
    user = login(client, CASE_OFFICERS)
    soup = soup_of(client, FOLLOWERS)
    assert soup.find("a", href=FORGET)

    found = client.post(FORGET, {"email": "  Anna@Example.org "})

    assert found.status_code == 200
    text = text_of(BeautifulSoup(found.content, "html.parser"))
    assert "bevakar de här 2 orterna" in text
    assert "Läckeby" in text and "Påryd" in text
    assert Follower.objects.count() == 5  # nothing is deleted before the confirmation

    done = client.post(FORGET, {"email": "anna@example.org", "confirm": "1"}, follow=True)

    assert done.redirect_chain[-1][0] == FOLLOWERS
    assert "Adressen är borttagen från 2 orter." in done.content.decode()
    assert sorted(Follower.objects.values_list("email", flat=True)) == [
        "bo@example.org",
        "cecilia@example.org",
        "new@example.org",
    ]
    entries = ModelLogEntry.objects.filter(action="notifications.follower.forget")
    assert entries.count() == 2
    assert {entry.user_id for entry in entries} == {user.pk}
    assert {entry.data["place"] for entry in entries} == {"Läckeby", "Påryd"}
    for entry in entries:
        assert "anna" not in f"{entry.label} {entry.data}".lower()


def test_an_unknown_address_is_said_so_and_kept_in_the_field(client, villages):
    login(client, CASE_OFFICERS)

    response = client.post(FORGET, {"email": "nobody@example.org", "confirm": "1"})
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    assert "Ingen bevakar någon ort med den adressen." in text_of(soup)
    assert soup.find("input", {"name": "email"})["value"] == "nobody@example.org"
    assert Follower.objects.count() == 5
    assert not ModelLogEntry.objects.filter(action="notifications.follower.forget").exists()


def test_a_malformed_address_gets_a_clear_message(client, villages):
    login(client, CASE_OFFICERS)

    response = client.post(FORGET, {"email": "anna-at-example"})

    assert response.status_code == 200
    assert "giltig e-postadress" in response.content.decode()
    assert Follower.objects.count() == 5


def test_the_form_is_protected_against_cross_site_requests(villages):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    login(client, CASE_OFFICERS)

    response = client.post(FORGET, {"email": "anna@example.org", "confirm": "1"})

    assert response.status_code == 403
    assert Follower.objects.count() == 5
    # With the form's own token the same request goes through: it was the token that was missing.
    form = soup_of(client, FORGET).find("input", {"name": "csrfmiddlewaretoken"})
    data = {"email": "anna@example.org", "confirm": "1", "csrfmiddlewaretoken": form["value"]}
    assert client.post(FORGET, data).status_code == 302
    assert Follower.objects.count() == 3


# Public pages


def test_public_pages_say_nothing_of_the_outbox_or_the_followers(client, site_tree, emails):
    follower(site_tree["place"], "anna@example.org")

    for url, title in (
        (site_tree["place"].url, site_tree["place"].title),
        (site_tree["dialogue"].url, site_tree["dialogue"].title),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert title in html  # the page itself, not an error page
        assert UNDELIVERED_HEADING not in html
        for address in ("anna@example.org", FAILED_TO, SENT_TO, QUEUED_TO):
            assert address not in html
