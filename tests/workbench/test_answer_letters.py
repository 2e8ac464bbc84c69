"""Answer letters for residents who wrote or phoned: the postal address and "svar per brev" in
the register and edit forms, the letter's content, a dialogue's batch, who may print them, and
the printing noted as an internal step of the proposal's history."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.models import ModelLogEntry

from rounds.models import Proposal
from rounds.models.proposals import Source, Status, Visibility
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, EDITORS, login, url, villages

ADDRESS = "Brevvägen 12\n123 45 Läckeby"


@pytest.fixture
def tree(home):
    factories.municipality_settings(municipality_name="Exempelkommun")
    return villages()


@pytest.fixture
def officer(client, db):
    user = login(client, CASE_OFFICERS)
    user.first_name, user.last_name = "Hanna", "Handläggare"
    user.save()
    return user


def letter_resident(dialogue, name="Ingrid Brevsson", address=ADDRESS, **fields):
    fields.setdefault("source", Source.LETTER)
    return make.proposal(
        dialogue, name=name, postal_address=address, reply_by_letter=True, **fields
    )


def letters_url(dialogue):
    return url("dialogue_letters", dialogue.pk)


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


# The register and edit forms


def registration(**fields):
    return {
        "source": Source.LETTER,
        "submitted_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "title": "Parkering vid kyrkan",
        "body": "Bilarna står längs vägen vid begravningar.",
        **fields,
    }


def test_a_letter_is_registered_with_the_address_for_the_reply(client, officer, tree):
    response = client.post(
        url("create"),
        registration(
            dialogue=tree["läckeby"].pk,
            name="Ingrid Brevsson",
            postal_address="  Brevvägen 12\r\n\r\n123 45 Läckeby  ",
            reply_by_letter="on",
        ),
    )

    assert response.status_code == 302, response.context["form"].errors
    proposal = Proposal.objects.get()
    assert (proposal.postal_address, proposal.reply_by_letter) == (ADDRESS, True)


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (
            {"postal_address": ADDRESS},
            {"name": ["Fyll i namnet som brevet ska adresseras till."]},
        ),
        (
            {"name": "Ingrid Brevsson"},
            {
                "postal_address": [
                    "Fyll i postadressen (gata, postnummer och ort) för att skicka svaret per brev."
                ]
            },
        ),
        (
            {"name": "Ingrid Brevsson", "postal_address": "Brevvägen 12"},
            {"postal_address": ["Skriv gatuadressen på en rad och postnummer och ort på nästa."]},
        ),
    ],
)
def test_reply_by_letter_needs_a_name_and_a_whole_address(client, officer, tree, fields, errors):
    data = registration(dialogue=tree["läckeby"].pk, reply_by_letter="on", **fields)

    response = client.post(url("create"), data)

    assert response.status_code == 200
    assert response.context["form"].errors == errors
    assert not Proposal.objects.exists()
    # What the officer typed stays in the form.
    assert response.context["form"]["title"].value() == "Parkering vid kyrkan"


def test_an_address_without_reply_by_letter_is_kept_as_it_is(client, officer, tree):
    data = registration(dialogue=tree["läckeby"].pk, postal_address="Brevvägen 12")

    assert client.post(url("create"), data).status_code == 302
    assert Proposal.objects.get().postal_address == "Brevvägen 12"


def test_editors_register_without_address_fields(client, tree):
    editor = login(client, EDITORS)
    editor.user_permissions.add(Permission.objects.get(codename="add_proposal"))

    fields = client.get(url("create")).context["form"].fields

    assert "postal_address" not in fields and "reply_by_letter" not in fields


def test_the_edit_form_sets_the_address_and_checks_it(client, officer, tree):
    proposal = make.proposal(tree["läckeby"], name="Ingrid Brevsson")
    data = {
        "theme": "",
        "location": "",
        "tags": "",
        "public_title": proposal.public_title,
        "public_body": proposal.public_body,
        "name": "Ingrid Brevsson",
        "reply_by_letter": "on",
    }

    refused = client.post(url("edit", proposal.pk), data)
    saved = client.post(url("edit", proposal.pk), {**data, "postal_address": ADDRESS})

    assert refused.status_code == 200
    assert "postal_address" in refused.context["form"].errors
    assert saved.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.postal_address, proposal.reply_by_letter) == (ADDRESS, True)


def test_editors_edit_without_the_address(client, tree):
    proposal = letter_resident(tree["läckeby"])
    editor = login(client, EDITORS)
    editor.user_permissions.add(Permission.objects.get(codename="change_proposal"))

    fields = client.get(url("edit", proposal.pk)).context["form"].fields

    assert "postal_address" not in fields


# One letter


def test_the_letter_says_the_answer_to_the_address_in_the_window(client, officer, tree):
    proposal = letter_resident(tree["läckeby"], title="Parkering vid kyrkan")
    department = make.department("Samhällsbyggnadsförvaltningen")
    make.answer(
        proposal,
        Status.PLANNED,
        public_message="Parkeringen byggs ut när församlingen har bestämt sig.",
        responsible=department,
        planned_date=date(2027, 6, 1),
    )
    # A later step without a message keeps the answer given.
    make.answer(proposal, Status.PLANNED, responsible=department, planned_date=date(2027, 6, 1))

    response = client.get(url("letter", proposal.pk))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    address = soup.select_one(".letter__recipient").get_text("|", strip=True)
    assert address == "Ingrid Brevsson|Brevvägen 12|123 45 Läckeby"
    text = text_of(response)
    public_url = "http://testserver" + proposal.get_public_url()
    for expected in [
        "Exempelkommun",
        f"Vår referens {proposal.reference}",
        "Svar på ditt förslag: Parkering vid kyrkan",
        "Status Längre planering",
        "Parkeringen byggs ut när församlingen har bestämt sig.",
        "Ansvarig Samhällsbyggnadsförvaltningen",
        "Planerat 1 juni 2027",
        public_url,
        "Telefon: 0480-45 00 00",
        "E-post: kommun@example.org",
        "Hanna Handläggare",
    ]:
        assert expected in text, expected
    assert timezone.localdate().strftime("%Y") in soup.select_one(".letter__meta").get_text()
    qr = soup.select_one("img.letter__qr")
    assert qr["src"].startswith("data:image/svg+xml")
    assert public_url in qr["alt"]
    # The page is not the admin's: only the letter and its toolbar.
    assert not soup.select("aside, nav")
    assert len(soup.select("h1")) == 1 and len(soup.select("main")) == 1


def test_a_final_answer_leaves_out_the_date_once_planned(client, officer, tree):
    proposal = letter_resident(tree["läckeby"])
    make.answer(
        proposal,
        Status.PLANNED,
        public_message="Våren.",
        responsible=make.department("Fritidsförvaltningen"),
        planned_date=date(2027, 5, 1),
    )
    make.answer(proposal, Status.DONE, public_message="Klart!")

    text = text_of(client.get(url("letter", proposal.pk)))

    assert "Status Genomfört" in text and "Klart!" in text
    assert "Planerat" not in text


def test_a_planning_without_a_date_says_why_where_the_date_would_be(client, officer, tree):
    proposal = letter_resident(tree["läckeby"])
    make.answer(
        proposal,
        Status.PLANNED,
        public_message="Vi bygger om skolgården.",
        responsible=make.department("Barn- och ungdomsförvaltningen"),
        planned_date_unknown_reason="Budgeten för 2028 beslutas i juni.",
    )

    text = text_of(client.get(url("letter", proposal.pk)))

    assert "Planerat Datum inte bestämt: Budgeten för 2028 beslutas i juni." in text


@pytest.mark.parametrize(
    ("visibility", "explanation"),
    [
        (Visibility.PENDING, "Ditt förslag är inte publicerat på kommunens webbplats ännu."),
        (Visibility.HIDDEN, "Ditt förslag visas inte på kommunens webbplats."),
    ],
)
def test_a_letter_never_links_a_page_the_public_cannot_see(
    client, officer, tree, visibility, explanation
):
    proposal = letter_resident(tree["läckeby"], visibility=visibility)

    response = client.get(url("letter", proposal.pk))

    assert response.status_code == 200
    text = text_of(response)
    assert explanation in text
    assert "Arbetsgruppen har ännu inte lämnat något svar." in text
    assert proposal.reference in text and "forslag/" not in text
    assert "data:image/svg+xml" not in response.content.decode()


def test_no_letter_for_a_resident_who_did_not_ask_for_one(client, officer, tree):
    proposal = make.proposal(tree["läckeby"], name="Ingrid", postal_address=ADDRESS)

    response = client.get(url("letter", proposal.pk))

    assert response.status_code == 404
    assert "har inget svarsbrev att skriva ut" in text_of(response)
    assert client.post(url("letter", proposal.pk)).status_code == 404
    assert not ModelLogEntry.objects.filter(action="rounds.proposal.letter_printed").exists()


@pytest.mark.parametrize("path", ["/admin/forslag/letter/abc/", "/admin/forslag/letter/9999/"])
def test_a_letter_for_no_proposal_is_not_found(client, officer, tree, path):
    assert client.get(path).status_code == 404


def test_the_inspect_page_offers_the_letter_and_shows_the_address(client, officer, tree):
    proposal = letter_resident(tree["läckeby"])
    plain = make.proposal(tree["läckeby"], title="Utan brev")

    html = client.get(url("inspect", proposal.pk)).content.decode()
    plain_html = client.get(url("inspect", plain.pk)).content.decode()

    assert url("letter", proposal.pk) in html and "Skriv ut svarsbrev" in html
    assert "Brevvägen 12<br>123 45 Läckeby" in html
    assert "Skriv ut svarsbrev" not in plain_html


# Printing is an internal step


def test_printing_a_letter_is_an_internal_step_of_the_history(client, officer, tree):
    proposal = letter_resident(tree["läckeby"])
    make.answer(proposal, Status.REVIEWING, public_message="Vi tittar på det.")

    response = client.post(url("letter", proposal.pk))

    assert response.status_code == 302
    assert response["Location"] == url("inspect", proposal.pk)
    entry = ModelLogEntry.objects.get(action="rounds.proposal.letter_printed")
    assert (entry.object_id, entry.user) == (str(proposal.pk), officer)
    assert entry.data["status"] == Status.REVIEWING
    inspect = text_of(client.get(url("inspect", proposal.pk)))
    assert "Svarsbrev (internt)" in inspect
    assert "Svarsbrev utskrivet (status i brevet: Behandlas) av Hanna Handläggare" in inspect
    assert "Svarsbrev utskrivet" in text_of(client.get(url("history", proposal.pk)))
    # Not a public step: the proposal's public page shows only its updates.
    public = client.get(proposal.get_public_url())
    assert public.status_code == 200 and "Svarsbrev" not in public.content.decode()
    assert proposal.updates.count() == 2


# A dialogue's batch


def test_the_batch_has_one_letter_per_letter_resident_of_the_dialogue(client, officer, tree):
    first = letter_resident(tree["läckeby"], name="Anna Först")
    second = letter_resident(tree["läckeby"], name="Bo Andra", visibility=Visibility.PENDING)
    letter_resident(tree["påryd"], name="Cecilia Påryd")  # another dialogue
    make.proposal(tree["läckeby"], name="Doris Epost", email="doris@example.org")
    make.proposal(
        tree["läckeby"], name="Erik Utanbrev", postal_address=ADDRESS, source=Source.PHONE
    )

    response = client.get(letters_url(tree["läckeby"]))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    recipients = [
        node.get_text("|", strip=True).split("|")[0] for node in soup.select(".letter__recipient")
    ]
    assert recipients == ["Anna Först", "Bo Andra"]
    assert [node["value"] for node in soup.select("input[name=proposal]")] == [
        str(first.pk),
        str(second.pk),
    ]


def test_the_letters_page_lists_the_dialogues_with_letters(client, officer, tree):
    letter_resident(tree["läckeby"])
    letter_resident(tree["läckeby"])
    withdrawn = letter_resident(tree["påryd"], visibility=Visibility.PENDING)
    make.services.withdraw(withdrawn)

    response = client.get(url("letters"))

    assert response.status_code == 200
    rows = [
        row.get_text("|", strip=True)
        for row in BeautifulSoup(response.content, "html.parser").select("tbody tr")
    ]
    title = tree["läckeby"].title
    assert title.startswith("Läckeby: ")
    assert rows == [f"{title}|2|Skriv ut svarsbrev|för {title}"]
    assert letters_url(tree["läckeby"]) in response.content.decode()
    assert url("letters") in client.get(url("index")).content.decode()


def test_printing_the_batch_notes_each_letter_shown(client, officer, tree):
    shown = [letter_resident(tree["läckeby"]) for _ in range(2)]
    later = letter_resident(tree["läckeby"])  # registered after the page was opened
    elsewhere = letter_resident(tree["påryd"])

    response = client.post(
        letters_url(tree["läckeby"]),
        {"proposal": [shown[0].pk, shown[1].pk, elsewhere.pk, "abc", "10" * 20]},
    )

    assert response.status_code == 302
    assert response["Location"] == url("letters")
    noted = ModelLogEntry.objects.filter(action="rounds.proposal.letter_printed")
    assert sorted(noted.values_list("object_id", flat=True)) == sorted(str(p.pk) for p in shown)
    assert later.pk not in {int(pk) for pk in noted.values_list("object_id", flat=True)}
    refused = client.post(letters_url(tree["läckeby"]), {"proposal": ["abc"]})
    assert refused.status_code == 302 and noted.count() == 2


@pytest.mark.parametrize("dialogue_pk", ["abc", "99999", "1" * 30])
def test_the_batch_of_no_dialogue_is_not_found(client, officer, tree, dialogue_pk):
    assert client.get(f"/admin/forslag/letters/{dialogue_pk}/").status_code == 404


def test_the_batch_page_runs_the_same_queries_for_2_or_20_letters(
    client, officer, tree, django_assert_max_num_queries
):
    for _ in range(2):
        make.answer(letter_resident(tree["läckeby"]), Status.REVIEWING, public_message="Ja.")
    client.get(letters_url(tree["läckeby"]))  # warm the site root paths' cache
    with django_assert_max_num_queries(12) as few:
        client.get(letters_url(tree["läckeby"]))
    for _ in range(18):
        make.answer(letter_resident(tree["läckeby"]), Status.REVIEWING, public_message="Ja.")

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(letters_url(tree["läckeby"]))

    assert len(BeautifulSoup(response.content, "html.parser").select(".letter")) == 20


# Who may print


@pytest.mark.parametrize("group", [EDITORS, None])
def test_letters_are_403_without_the_personal_data_permission(client, tree, group):
    proposal = letter_resident(tree["läckeby"])
    login(client, group)

    for method, path in [
        ("get", url("letter", proposal.pk)),
        ("post", url("letter", proposal.pk)),
        ("get", url("letters")),
        ("get", letters_url(tree["läckeby"])),
        ("post", letters_url(tree["läckeby"])),
    ]:
        response = getattr(client, method)(path, {"proposal": [proposal.pk]})
        assert response.status_code == 403, (method, path)
        assert "Brevvägen" not in response.content.decode()
    assert not ModelLogEntry.objects.filter(action="rounds.proposal.letter_printed").exists()
    inspect = client.get(url("inspect", proposal.pk)).content.decode()
    assert "Brevvägen" not in inspect and url("letter", proposal.pk) not in inspect
