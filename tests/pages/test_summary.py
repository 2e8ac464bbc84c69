"""The published summary's "Ni sa – vi gjorde": every public proposal of the dialogue once, grouped
by outcome with its latest public answer, only once the summary is out, in constant queries."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from rounds.models.proposals import Status, Visibility
from rounds.proposals import services
from rounds.proposals.queries import proposals_of_dialogue
from rounds.proposals.summary import group_proposals, summary_proposals
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.html import soup_of, text_of
from tests.support.queries import count_queries

pytestmark = pytest.mark.usefixtures("clear_cache")

SUMMARY = [("text", "<p>Tack för alla förslag. Här är vad som hände.</p>")]
PERSONAL = "zq7wkx"  # in every personal value; never in a public page


def publish_summary(dialogue, when=None):
    dialogue.summary = SUMMARY
    dialogue.summary_intro = "Sammanfattning i korthet."
    dialogue.summary_published_at = when or timezone.localdate()
    dialogue.attendance_walk = 23
    dialogue.attendance_dialogue = 41
    dialogue.save_revision().publish()
    return dialogue


@pytest.fixture
def dialogue(site_tree):
    """A dialogue whose walk and meeting are over."""
    return factories.dialogue(
        site_tree["place"],
        site_tree["round"],
        walk_in_days=-40,
        meeting_in_days=-30,
        slug="varen",
        title="Våren i Läckeby",
    )


@pytest.fixture
def answered(dialogue):
    """One public proposal for each outcome, answered the way the working group would."""
    roads = make.department("Samhällsbyggnadsförvaltningen")
    trafikverket = make.department("Trafikverket")
    made = {}

    def add(key, title, *answers):
        proposal = make.proposal(dialogue, title=title, theme=make.theme("Trafik"))
        for status, fields in answers:
            make.answer(proposal, status, **fields)
        made[key] = proposal
        return proposal

    add("open", "Fler papperskorgar")
    add("reviewing", "Bänk vid torget", (Status.REVIEWING, {"public_message": "Vi tittar på det."}))
    add("done", "Laga gungan", (Status.DONE, {"public_message": "Gungan är lagad."}))
    add(
        "planned",
        "Gång- och cykelväg till skolan",
        (
            Status.PLANNED,
            {
                "public_message": "Ingår i nästa års budget.",
                "responsible": roads,
                "planned_date": date(2027, 6, 1),
            },
        ),
    )
    add(
        "forwarded",
        "Sänkt hastighet på väg 125",
        (
            Status.FORWARDED,
            {"public_message": "Vägen är statlig.", "responsible": trafikverket},
        ),
    )
    add(
        "not_feasible",
        "Simhall i byn",
        (Status.REVIEWING, {"public_message": "Vi räknar på kostnaden."}),
        (Status.NOT_FEASIBLE, {"public_message": "För få badande för en egen simhall."}),
    )
    add("direct_action", "Klipp häcken vid korsningen", (Status.DIRECT_ACTION, {}))
    return made


def groups_of(dialogue):
    outcomes = group_proposals(summary_proposals(proposals_of_dialogue(dialogue)))
    return outcomes, {g.outcome.key: [p.public_title for p in g.proposals] for g in outcomes.groups}


# The grouping


def test_each_status_goes_to_its_group_in_the_summary_order(dialogue, answered):
    outcomes, groups = groups_of(dialogue)

    assert list(groups) == ["direct_action", "done", "planned", "forwarded", "not_feasible", "open"]
    assert groups["direct_action"] == ["Klipp häcken vid korsningen"]
    assert groups["done"] == ["Laga gungan"]
    assert groups["planned"] == ["Gång- och cykelväg till skolan"]
    assert groups["forwarded"] == ["Sänkt hastighet på väg 125"]
    assert groups["not_feasible"] == ["Simhall i byn"]
    # Received and reviewing are both still being handled, in reference order.
    assert groups["open"] == ["Fler papperskorgar", "Bänk vid torget"]
    assert outcomes.total == 7
    assert [g.count for g in outcomes.groups] == [1, 1, 1, 1, 1, 2]
    assert outcomes.open_count == 2


def test_not_public_proposals_and_other_dialogues_are_never_listed(site_tree, dialogue):
    shown = make.proposal(dialogue, title="Publicerat förslag")
    make.proposal(dialogue, title="Väntar på granskning", visibility=Visibility.PENDING)
    make.proposal(dialogue, title="Dolt förslag", visibility=Visibility.HIDDEN)
    withdrawn = make.proposal(dialogue, title="Återkallat", visibility=Visibility.PENDING)
    services.withdraw(withdrawn)
    make.proposal(site_tree["dialogue"], title="Annan dialog")

    outcomes, groups = groups_of(dialogue)

    assert groups == {"open": [shown.public_title]}
    assert outcomes.total == 1


def test_the_latest_public_message_is_the_answer_and_the_reason(dialogue, answered):
    # An update without a message does not erase the answer before it.
    make.answer(answered["done"], Status.DONE, internal_note="Kontrollerad.")
    outcomes, _ = groups_of(dialogue)
    items = {p.public_title: p for g in outcomes.groups for p in g.proposals}

    refused = items["Simhall i byn"]
    assert refused.answer == "För få badande för en egen simhall."
    assert items["Laga gungan"].answer == "Gungan är lagad."
    assert items["Fler papperskorgar"].answer is None
    assert items["Klipp häcken vid korsningen"].answer is None


def test_planned_and_forwarded_carry_who_is_responsible(dialogue, answered):
    outcomes, _ = groups_of(dialogue)
    items = {p.public_title: p for g in outcomes.groups for p in g.proposals}

    planned = items["Gång- och cykelväg till skolan"]
    assert planned.responsible.name == "Samhällsbyggnadsförvaltningen"
    assert planned.promised_date == date(2027, 6, 1)
    assert items["Sänkt hastighet på väg 125"].responsible.name == "Trafikverket"


def test_a_duplicate_is_listed_under_the_proposal_it_repeats(site_tree, dialogue, answered):
    original = answered["planned"]
    again = make.proposal(dialogue, title="Cykelväg till skolan, igen")
    make.answer(
        again, Status.DUPLICATE, public_message="Samma som 2026-0004.", duplicate_of=original
    )
    # A duplicate of a duplicate ends up under the first proposal too.
    third = make.proposal(dialogue, title="Cykelbana skolan")
    make.answer(third, Status.DUPLICATE, public_message="Samma sak.", duplicate_of=again)
    # A duplicate of a proposal from another dialogue has no original here: a group of its own.
    elsewhere = make.proposal(site_tree["dialogue"], title="Belysning förra året")
    stray = make.proposal(dialogue, title="Belysning igen")
    make.answer(
        stray, Status.DUPLICATE, public_message="Samma som förra året.", duplicate_of=elsewhere
    )

    outcomes, groups = groups_of(dialogue)
    items = {p.public_title: p for g in outcomes.groups for p in g.proposals}

    assert [d.public_title for d in items[original.public_title].repeats] == [
        "Cykelväg till skolan, igen",
        "Cykelbana skolan",
    ]
    assert groups["planned"] == [original.public_title]
    assert groups["duplicate"] == ["Belysning igen"]
    assert list(groups)[-1] == "duplicate"
    # Every public proposal counts once in the total; the nested ones are counted apart.
    assert outcomes.total == 10
    assert outcomes.nested_duplicates == 2
    assert sum(g.count for g in outcomes.groups) + outcomes.nested_duplicates == outcomes.total


def test_duplicates_pointing_at_each_other_do_not_loop(dialogue):
    first = make.proposal(dialogue, title="Ett")
    second = make.proposal(dialogue, title="Två")
    make.answer(first, Status.DUPLICATE, public_message="Samma.", duplicate_of=second)
    make.answer(second, Status.DUPLICATE, public_message="Samma.", duplicate_of=first)

    outcomes, groups = groups_of(dialogue)

    assert groups == {"duplicate": ["Ett", "Två"]}
    assert outcomes.nested_duplicates == 0


# The dialogue page


def summary_section(client, dialogue):
    soup = soup_of(client, dialogue.url)
    return soup, soup.find(id="summary-heading").find_parent("section")


def test_nothing_of_the_summary_before_it_is_published(client, dialogue, answered):
    publish_summary(dialogue, when=timezone.localdate() + timedelta(days=1))
    soup, section = summary_section(client, dialogue)

    assert soup.find(id="outcomes-heading") is None
    assert "Ni sa – vi gjorde" not in text_of(soup)
    assert section.find("button") is None
    assert "Arbetsgruppen går nu igenom alla förslag." in text_of(section)


def test_published_summary_lists_every_outcome_with_answers_and_counts(client, dialogue, answered):
    publish_summary(dialogue)
    soup, section = summary_section(client, dialogue)
    outcomes = soup.find(id="outcomes-heading").find_parent("section")

    assert outcomes.find_parent("section") is section
    assert soup.find(id="outcomes-heading").name == "h2"
    headings = [text_of(h) for h in outcomes.find_all("h3")]
    assert headings == [
        "Åtgärdas (1 förslag)",
        "Genomfört (1 förslag)",
        "Längre planering (1 förslag)",
        "Skickat vidare (1 förslag)",
        "Genomförs inte (1 förslag)",
        "Behandlas fortfarande (2 förslag)",
    ]
    text = text_of(outcomes)
    assert "7 förslag från dialogen är publicerade." in text
    tally = [" ".join(li.get_text().split()) for li in outcomes.select(".outcomes__tally > li")]
    assert tally[0] == "Åtgärdas: 1 förslag"
    assert tally[-1] == "Behandlas fortfarande: 2 förslag"
    assert outcomes.select_one(".outcomes__tally a")["href"] == "#outcome-direct_action"

    refused = soup.find(id="outcome-not_feasible").find_parent("section")
    assert "För få badande för en egen simhall." in text_of(refused)
    assert "Vi räknar på kostnaden." not in text_of(refused)  # the reason, not an older message
    planned = text_of(soup.find(id="outcome-planned").find_parent("section"))
    assert "Ansvarig: Samhällsbyggnadsförvaltningen" in planned
    assert "Planerat: 1 juni 2027" in planned
    forwarded = text_of(soup.find(id="outcome-forwarded").find_parent("section"))
    assert "Skickat till: Trafikverket" in forwarded
    still_open = text_of(soup.find(id="outcome-open").find_parent("section"))
    assert "Inget svar ännu." in still_open
    assert "Alla förslag har fått besked." not in text

    # The editor's text, the dates and the attendance stay above it.
    summary_text = text_of(section)
    assert "Tack för alla förslag." in summary_text
    assert "Deltagare på vandringen 23" in summary_text
    assert "Deltagare på dialogmötet 41" in summary_text
    assert f"Publicerad {date_text(timezone.localdate())} av Testkommun" in summary_text
    walk_day = timezone.localtime(dialogue.walk.start)
    assert f"Förbättringsvandring {date_text(walk_day, weekday=True)}" in summary_text


def test_a_planning_without_a_date_says_why_in_the_summary(client, dialogue):
    proposal = make.proposal(dialogue, title="Ny lekplats")
    make.answer(
        proposal,
        Status.PLANNED,
        public_message="Lekplatsen ingår i planen för skolområdet.",
        responsible=make.department("Fritidsförvaltningen"),
        planned_date_unknown_reason="Skolans ombyggnad är inte beslutad än.",
    )
    publish_summary(dialogue)
    soup, _section = summary_section(client, dialogue)

    planned = text_of(soup.find(id="outcome-planned").find_parent("section"))
    assert "Planerat: datum inte bestämt. Skolans ombyggnad är inte beslutad än." in planned


def date_text(day, weekday=False):
    months = "januari februari mars april maj juni juli augusti september oktober november december"
    days = "måndag tisdag onsdag torsdag fredag lördag söndag"
    text = f"{day.day} {months.split()[day.month - 1]} {day.year}"
    return f"{days.split()[day.weekday()]} {text}" if weekday else text


def test_each_item_has_its_reference_and_a_working_link(client, dialogue, answered):
    publish_summary(dialogue)
    soup, _ = summary_section(client, dialogue)
    items = soup.select(".outcome-list > li")

    assert len(items) == 7
    proposal = answered["done"]
    item = next(li for li in items if proposal.reference in text_of(li))
    link = item.select_one(".outcome__title a")
    assert text_of(link) == "Laga gungan"
    assert link["href"] == proposal.get_public_url()
    assert "Laga gungan" in text_of(soup_of(client, link["href"]).h1)


def test_a_nested_duplicate_is_linked_under_its_original(client, dialogue, answered):
    again = make.proposal(dialogue, title="Gungan igen")
    make.answer(again, Status.DUPLICATE, public_message="Samma.", duplicate_of=answered["done"])
    publish_summary(dialogue)
    soup, _ = summary_section(client, dialogue)

    done = soup.find(id="outcome-done").find_parent("section")
    link = done.select_one(".outcome__same a")
    assert text_of(link) == f"{again.reference} Gungan igen"
    assert link["href"] == again.get_public_url()
    outcomes = text_of(soup.find(id="outcomes-heading").find_parent("section"))
    assert "Ett förslag handlar om samma sak som ett annat." in outcomes
    assert "8 förslag från dialogen är publicerade." in outcomes


def test_a_summary_without_public_proposals_says_so(client, dialogue):
    make.proposal(dialogue, title="Dolt", visibility=Visibility.HIDDEN)
    publish_summary(dialogue)
    soup, _ = summary_section(client, dialogue)
    outcomes = soup.find(id="outcomes-heading").find_parent("section")

    assert "Inga förslag från den här dialogen är publicerade." in text_of(outcomes)
    assert outcomes.find("ul") is None


def test_all_answered_is_said_when_nothing_is_left_open(client, dialogue, answered):
    for key in ("open", "reviewing"):
        make.answer(answered[key], Status.DONE, public_message="Klart.")
    publish_summary(dialogue)
    soup, _ = summary_section(client, dialogue)

    assert "Alla förslag har fått besked." in text_of(soup.find(id="outcomes-heading").parent)
    assert soup.find(id="outcome-open") is None


def test_the_print_button_needs_javascript_and_ctrl_p_is_explained_without(
    client, dialogue, answered
):
    publish_summary(dialogue)
    soup, section = summary_section(client, dialogue)

    button = section.select_one("[data-print-button]")
    assert button.name == "button"
    assert button["type"] == "button"
    assert button.has_attr("hidden")  # shown by the script, which is what makes it work
    assert text_of(button) == "Skriv ut / spara som PDF"
    assert "Ctrl+P" in text_of(section.select_one("[data-print-hint]"))
    scripts = [s["src"] for s in soup.find_all("script", src=True)]
    assert any(src.endswith("js/print-button.js") for src in scripts)
    # The address to print under the summary, for readers on paper.
    assert f"http://testserver{dialogue.url}" in text_of(section.select_one(".summary__web"))


def test_no_personal_data_or_internal_notes_in_the_summary(client, dialogue):
    secret = {
        "name": f"Namn-{PERSONAL}",
        "email": f"epost-{PERSONAL}@example.org",
        "phone": f"070-{PERSONAL}",
        "display_name": f"Visningsnamn-{PERSONAL}",
        "show_name": False,
    }
    redacted = make.proposal(
        dialogue, title=f"Grannen {PERSONAL} spelar hög musik", body=f"Text {PERSONAL}", **secret
    )
    services.publish(redacted, public_title="Buller på kvällarna", public_body="Buller.")
    make.answer(
        redacted,
        Status.NOT_FEASIBLE,
        public_message="Kommunen kan inte ingripa.",
        internal_note=f"Anteckning {PERSONAL}",
        decision_reference="KS 2026/1",
    )
    hidden = make.proposal(dialogue, title="Dolt", visibility=Visibility.HIDDEN, **secret)
    hidden.hidden_reason = f"Skäl {PERSONAL}"
    hidden.save()
    publish_summary(dialogue)

    response = client.get(dialogue.url)
    html = response.content.decode()

    assert "Buller på kvällarna" in html
    assert "Kommunen kan inte ingripa." in html
    assert PERSONAL not in html
    assert redacted.follow_token not in html


def test_a_public_message_is_shown_as_text_not_as_html(client, dialogue):
    proposal = make.proposal(dialogue, title="Skylt")
    make.answer(proposal, Status.DONE, public_message="<script>alert(1)</script>Uppsatt.")
    publish_summary(dialogue)

    html = client.get(dialogue.url).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Uppsatt." in html


# Queries


def test_the_summary_costs_the_same_queries_with_3_or_30_proposals(client, dialogue):
    publish_summary(dialogue)
    themes = [make.theme(f"Tema {n}") for n in range(6)]
    departments = [make.department(f"Förvaltning {n}") for n in range(6)]
    first = make.proposal(dialogue, title="Det första")
    make.answer(
        first,
        Status.PLANNED,
        public_message="Planeras.",
        responsible=departments[0],
        planned_date=date(2027, 5, 1),
    )

    def grow(size):
        while dialogue.proposals.count() < size:
            n = dialogue.proposals.count()
            item = make.proposal(dialogue, title=f"Förslag {n}", theme=themes[n % 6])
            if n % 3 == 0:
                make.answer(item, Status.DUPLICATE, public_message="Samma.", duplicate_of=first)
            else:
                status = [Status.PLANNED, Status.NOT_FEASIBLE][n % 2]
                make.answer(
                    item,
                    status,
                    public_message=f"Svar {n}.",
                    responsible=departments[n % 6],
                    planned_date=date(2027, 5, 1) if status == Status.PLANNED else None,
                )

    grow(3)
    small = count_queries(client, dialogue.url)
    grow(30)
    large = count_queries(client, dialogue.url)

    html = client.get(dialogue.url).content.decode()
    assert html.count('class="outcome"') == 21  # and 9 duplicates listed under the first
    assert "30 förslag från dialogen är publicerade." in html
    print(f"\ndialogue page with a published summary: {len(small)} → {len(large)} queries")
    extra = [sql[:160] for sql in large if sql not in small]
    assert len(large) == len(small), f"{len(small)} → {len(large)}, e.g. {extra[:3]}"
    assert len(large) <= 25


def test_the_summary_adds_exactly_one_query_to_the_dialogue_page(client, dialogue, answered):
    before = count_queries(client, dialogue.url)
    publish_summary(dialogue)
    after = count_queries(client, dialogue.url)

    assert len(after) == len(before) + 1
