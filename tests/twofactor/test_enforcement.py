"""Who must use two-factor sign-in: Handläggare and administrators are sent to set up an app
before any admin page; an editor without personal-data rights is not, but may."""

from base64 import b32encode
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from rounds.models.proposals import Visibility
from tests.support import proposals as make
from tests.support.admin import url, villages
from tests.support.html import text
from tests.support.two_factor import app_code, set_up, sign_in

SETUP = reverse("two_factor_setup")
MARKERS = {"name": "Markör Personnamn", "email": "marker-7731@example.org", "phone": "070-7731773"}


@pytest.fixture
def proposal(home):
    return make.proposal(villages()["läckeby"], visibility=Visibility.PENDING, **MARKERS)


def admin_urls(proposal):
    """Admin pages, the workbench's personal-data views among them."""
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_account"),
        reverse("wagtailusers_users:index"),
        url("index"),
        f"{url('index')}?export=csv",
        url("inspect", proposal.pk),
        url("answer", proposal.pk),
        url("moderate", proposal.pk),
        url("letter", proposal.pk),
        reverse("two_factor"),
    ]


@pytest.mark.parametrize("who", ["officer", "administrator"])
def test_staff_who_see_personal_data_must_set_up_an_app_first(client, proposal, who, request):
    user = request.getfixturevalue(who)
    assert sign_in(client, user).status_code == 302

    for address in admin_urls(proposal):
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith(f"{SETUP}?next="), address
        for marker in MARKERS.values():
            assert marker not in response.content.decode()

    page = client.get(SETUP)
    assert page.status_code == 200
    assert "Du kan se invånares personuppgifter" in text(page)


def test_the_setup_page_shows_a_qr_code_and_the_secret_in_text(client, officer):
    sign_in(client, officer)

    page = client.get(SETUP)

    html = page.content.decode()
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    assert 'src="data:image/svg+xml' in html
    assert 'alt="QR-kod med nyckeln till ditt konto"' in html
    secret = text(page).split("Nyckel")[1]
    assert "".join(secret.split()[:8]).encode() in b32encode(device.bin_key)
    assert client.get(SETUP).status_code == 200
    assert TOTPDevice.objects.filter(user=officer).count() == 1  # the same key on reload


def test_an_editor_without_personal_data_rights_is_not_forced(client, editor, proposal):
    sign_in(client, editor)

    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(url("index")).status_code == 200
    overview = client.get(reverse("two_factor"))
    assert "Tvåstegsverifieringen är inte på" in text(overview)


def test_an_editor_may_turn_it_on_and_off_again(client, editor):
    sign_in(client, editor)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=editor)

    response = client.post(SETUP, {"code": app_code(device)})
    assert response.status_code == 302
    assert "Tvåstegsverifieringen är på" in text(client.get(reverse("two_factor")))

    response = client.post(reverse("two_factor_remove"), follow=True)
    assert "Tvåstegsverifieringen är avstängd" in text(response)
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_a_case_officer_cannot_turn_it_off(client, officer):
    device, _codes = set_up(officer)
    sign_in(client, officer)
    client.post(reverse("two_factor_verify"), {"code": app_code(device)})

    overview = client.get(reverse("two_factor"))
    assert "Stäng av tvåstegsverifiering" not in text(overview)
    response = client.post(reverse("two_factor_remove"), follow=True)
    assert "Din roll kräver tvåstegsverifiering" in text(response)
    assert TOTPDevice.objects.filter(user=officer, confirmed=True).exists()


def test_with_the_setting_off_nobody_is_forced_but_a_device_still_asks(client, officer, settings):
    settings.TWO_FACTOR_REQUIRED = False
    sign_in(client, officer)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    set_up(officer)
    client.logout()
    sign_in(client, officer)
    assert client.get(reverse("wagtailadmin_home"))["Location"].startswith(
        reverse("two_factor_verify")
    )


def test_the_deploy_check_warns_when_it_is_not_required(settings):
    settings.TWO_FACTOR_REQUIRED = False

    with pytest.raises(SystemCheckError, match="portal.W001"):
        call_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "security")


def test_an_operator_removes_a_lost_device_and_the_next_sign_in_sets_up_a_new_one(client, officer):
    set_up(officer)

    call_command("two_factor_reset", "karin", stdout=StringIO())

    sign_in(client, officer)
    assert client.get(reverse("wagtailadmin_home"))["Location"].startswith(SETUP)
    with pytest.raises(CommandError, match="No user named"):
        call_command("two_factor_reset", "ingen")
