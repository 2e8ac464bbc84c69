"""Two-factor sign-in in Chromium: an administrator sets up an app (QR code, the key in text, a
first code, the recovery codes), then signs in again with a code. Each screen, with and without
an error, passes axe-core, fits 320 px, and breaks nothing in the Content-Security-Policy."""

import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.test_content_security_policy import HEADERS, REPORT_VIOLATIONS
from tests.support.accessibility import assert_no_axe_violations, heading, overflowing
from tests.support.two_factor import app_code

pytestmark = pytest.mark.browser

PASSWORD = "lösenord-1"  # noqa: S105 - a test user's password


@pytest.fixture
def violations(page):
    found = []
    page.expose_function("reportPolicyViolation", lambda text: found.append(f"{page.url}: {text}"))
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and any(header in message.text for header in HEADERS)
            and found.append(f"{page.url}: console: {message.text}")
        ),
    )
    return found


@pytest.fixture
def administrator(settings, transactional_db):
    settings.TWO_FACTOR_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code here need not make the test wait
    return get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)


def sign_in(page):
    page.goto("/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.login-form button[type=submit]").click()


def check(page, what):
    assert_no_axe_violations(page, what)
    page.set_viewport_size({"width": 320, "height": 640})
    assert overflowing(page) == [], what
    page.set_viewport_size({"width": 1280, "height": 800})


def enter(page, code):
    page.get_by_label("Kod").fill(code)
    page.locator("form.two-factor-form button[type=submit]").click()
    page.wait_for_load_state("load")


def test_setting_up_and_signing_in_with_a_code(page, administrator, violations):
    sign_in(page)
    page.wait_for_url("**/admin/tvastegsverifiering/ny/**")
    expect(heading(page)).to_have_text("Slå på inloggning med kod")
    expect(page.get_by_role("img", name="QR-kod med nyckeln till ditt konto")).to_be_visible()
    expect(page.get_by_role("button", name="Slå på")).to_be_visible()
    check(page, "the set-up page")

    enter(page, "123")
    expect(page.get_by_text("Koden stämmer inte")).to_be_visible()
    check(page, "the set-up page with a wrong code")

    enter(page, app_code(TOTPDevice.objects.get(user=administrator)))
    page.wait_for_url("**/admin/tvastegsverifiering/reservkoder/**")
    expect(page.locator(".two-factor-codes li")).to_have_count(10)
    check(page, "the recovery codes")
    page.get_by_role("link", name="Fortsätt").click()
    page.wait_for_url("**/admin/")

    page.context.clear_cookies()
    sign_in(page)
    page.wait_for_url("**/admin/tvastegsverifiering/kod/**")
    expect(heading(page)).to_have_text("Skriv koden från appen")
    expect(page.get_by_role("button", name="Logga in")).to_be_visible()
    check(page, "the code page")

    enter(page, "000000")
    expect(page.get_by_text("Koden stämmer inte")).to_be_visible()
    check(page, "the code page with a wrong code")

    enter(page, app_code(TOTPDevice.objects.get(user=administrator)))
    page.wait_for_url("**/admin/")
    page.goto("/admin/tvastegsverifiering/")
    expect(page.get_by_text("Tvåstegsverifieringen är på.")).to_be_visible()
    assert_no_axe_violations(page, "the two-factor overview")
    assert violations == []
