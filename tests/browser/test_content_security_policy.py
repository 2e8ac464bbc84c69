"""Every page type, public and admin, works in Chromium under the site's Content-Security-Policy.

A page that breaks the policy loses a style or a script without any visible error, so the test
listens for the browser's `securitypolicyviolation` events (in every frame, across navigations)
and its console errors about the CSP or the Permissions-Policy header, and expects none.
"""

import pytest
from playwright.sync_api import expect

from notifications import tokens
from notifications.mail import unsubscribe_url
from rounds.models import Theme
from tests.support import proposals as make
from tests.support.browser_site import PAGES, landscape_png, page_path
from tests.support.following import follower
from tests.support.mail import path_of

pytestmark = pytest.mark.browser

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportPolicyViolation([
        event.effectiveDirective,
        event.blockedURI || "inline",
        `${event.sourceFile}:${event.lineNumber}`,
        event.sample,
    ].join(" "));
}, true);
"""
HEADERS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")


@pytest.fixture
def violations(page):
    """What the pages of this test broke: a list that fills as the browser goes."""
    found = []
    page.expose_function("reportPolicyViolation", lambda text: found.append(f"{page.url}: {text}"))
    page.add_init_script(REPORT_VIOLATIONS)

    def on_console(message):
        if message.type == "error" and any(header in message.text for header in HEADERS):
            found.append(f"{page.url}: console: {message.text}")

    def on_response(response):
        """Every page and frame comes with both headers: without them, nothing is tested."""
        if response.request.resource_type == "document":
            for header in ("content-security-policy", "permissions-policy"):
                if header not in response.headers:
                    found.append(f"{response.url}: no {header} header")

    page.on("console", on_console)
    page.on("response", on_response)
    return found


def settle(page):
    """Let late scripts, styles and images load, so that what they break is reported."""
    page.wait_for_load_state("networkidle")


def test_the_check_sees_what_breaks_the_policy(visit, violations):
    page = visit("/")
    page.evaluate("document.body.setAttribute('style', 'color: red')")  # an inline style
    page.wait_for_timeout(200)

    assert any("style-src-attr inline" in violation for violation in violations), violations


def test_public_pages_break_no_policy(page, visit, site, violations):
    for path in public_paths(site):
        visit(path, status=404 if path == PAGES["not-found"] else 200)
        settle(page)

    assert violations == []


def test_public_pages_from_the_page_cache_break_no_policy(page, visit, site, violations, settings):
    """The second visit of each page is the copy the page cache stored (portal/page_cache.py):
    it must carry the same policy and break nothing."""
    settings.PAGE_CACHE_SECONDS = 600  # the live server shares these settings
    served = []
    page.on(
        "response",
        lambda response: (
            response.request.resource_type == "document"
            and served.append(response.headers.get("x-page-cache"))
        ),
    )
    for path in public_paths(site):
        status = 404 if path == PAGES["not-found"] else 200
        visit(path, status=status)
        visit(path, status=status)
        settle(page)

    assert violations == []
    assert served.count("hit") >= len(PAGES) // 2, served  # the forms are never stored


def public_paths(site):
    make.proposal(site["dialogue_open"], photo_name="foto.jpg")
    paths = [page_path(name, site) for name in PAGES]
    dialogue = site["dialogue_open"]
    paths += [
        dialogue.get_url() + dialogue.reverse_subpage("proposal_list"),
        site["place"].get_url() + site["place"].reverse_subpage("proposal_list"),
    ]
    return paths


def test_the_proposal_journey_breaks_no_policy(page, visit, site, violations, settings):
    settings.PROPOSALS_MIN_FILL_SECONDS = 0  # the live server shares these settings
    Theme.objects.create(name="Trafik och vägar")
    published = make.proposal(site["dialogue_open"], photo_name="foto.jpg")
    dialogue = site["dialogue_open"]
    visit(
        dialogue.get_url() + dialogue.reverse_subpage("proposal_detail", args=[published.reference])
    )
    assert page.evaluate("[...document.images].every((image) => image.naturalWidth)")

    visit(dialogue.get_url() + dialogue.reverse_subpage("proposal_form"))
    page.get_by_role("button", name="Granska förslaget").click()  # the error summary's script
    expect(page.locator("[data-error-summary]")).to_be_focused()
    page.get_by_label("Rubrik").fill("Belysning vid busshållplatsen")
    page.get_by_label("Beskriv ditt förslag").fill("Det är mörkt vid hållplatsen på morgonen.")
    page.get_by_label("Foto").set_input_files(
        {"name": "hallplatsen.png", "mimeType": "image/png", "buffer": landscape_png()}
    )
    page.get_by_role("button", name="Granska förslaget").click()
    preview = page.get_by_role("img", name="Bilden du har valt")
    expect(preview).to_be_visible()
    assert preview.get_attribute("src").startswith("data:image/jpeg;base64,")
    assert preview.evaluate("image => image.naturalWidth"), "the data: preview is blocked"
    page.get_by_role("button", name="Skicka förslaget").click()
    page.locator(".receipt__link a").click()  # the private follow-up page with the photo
    expect(page.locator(".review-list__photo")).to_be_visible()
    settle(page)

    assert violations == []


def test_following_and_unsubscribing_break_no_policy(page, visit, site, violations):
    place = site["place"]
    visit(place.get_url())
    page.locator(".follow-box").get_by_label("Din e-postadress").fill("anna.example.org")
    page.locator(".follow-box").get_by_role("button", name="Följ Läckeby").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    anna = follower(place, "anna@example.org", confirmed=False)
    visit(f"/bevaka/bekrafta/{tokens.confirm_token(anna)}/")
    settle(page)
    visit(path_of(unsubscribe_url(follower=anna)))
    settle(page)

    assert violations == []


def test_the_summary_and_its_print_button_break_no_policy(page, visit, site, violations):
    visit(site["dialogue_summary"].get_url())
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.get_by_role("button", name="Skriv ut / spara som PDF").click()  # shown by its script
    assert page.evaluate("window.printed")
    page.emulate_media(media="print")
    settle(page)

    assert violations == []


def test_the_admin_breaks_no_policy(admin_page, visit, site, violations):
    page = admin_page
    proposal = make.proposal(site["dialogue_open"], photo_name="foto.jpg")
    settle(page)  # the dashboard
    for path in [
        f"/admin/pages/{site['home'].pk}/",
        f"/admin/pages/{site['dialogue_open'].pk}/edit/",
        f"/admin/pages/add/home/standardpage/{site['home'].pk}/",
        "/admin/images/",
        f"/admin/images/{site['picture'].pk}/",
        "/admin/forslag/",
        f"/admin/forslag/edit/{proposal.pk}/",
        "/admin/snippets/rounds/theme/",
        "/admin/users/",
    ]:
        visit(path)
        settle(page)

    visit(f"/admin/forslag/inspect/{proposal.pk}/")
    photo = page.get_by_role("img", name="Fotot som skickades med förslaget")
    assert photo.evaluate("image => getComputedStyle(image).maxWidth") == "384px"  # 24rem

    visit(f"/admin/pages/add/places/placepage/{site['places'].pk}/")
    page.get_by_role("button", name="Välj en bild").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("link", name=site["picture"].title).click()
    expect(chooser).to_be_hidden()
    expect(page.get_by_role("region", name="Huvudbild")).to_contain_text(site["picture"].title)

    visit(f"/admin/pages/{site['place'].pk}/edit/")
    page.get_by_role("button", name="Växla förhandsgranskning").click()
    preview = page.frame_locator("iframe[title]").first
    expect(preview.get_by_role("heading", level=1)).to_have_text("Läckeby")
    settle(page)

    visit(site["place"].get_url())  # the userbar on a public page, for editors only
    page.get_by_role("button", name="Se Wagtail snabbhandlingar").click()
    page.get_by_role("menuitem", name="Kontroller").click()  # runs axe in the page
    expect(page.get_by_role("heading", name="Varningar")).to_be_visible()
    settle(page)

    assert violations == []
