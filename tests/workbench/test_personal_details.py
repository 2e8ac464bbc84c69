"""What the moderator is warned about in a resident's text: phone numbers, email addresses and
personal identity numbers, and never the years, references, postcodes, times and prices every
proposal is full of."""

import pytest

from rounds.proposals.personal_details import (
    EMAIL,
    IDENTITY_NUMBER,
    PHONE,
    find,
    highlight,
    notice,
)


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("Ring mig på 070-123 45 67 om ni undrar.", PHONE, "070-123 45 67"),
        ("Mobil 0701234567.", PHONE, "0701234567"),
        ("Nås på +46 70 123 45 67 efter fem.", PHONE, "+46 70 123 45 67"),
        ("Stockholmsnumret 08-123 456 78 går också.", PHONE, "08-123 456 78"),
        ("Växeln 0480-45 00 00.", PHONE, "0480-45 00 00"),
        ("Från utlandet 0046 70 123 45 67.", PHONE, "0046 70 123 45 67"),
        ("Skriv till anna.berg@example.se så svarar jag.", EMAIL, "anna.berg@example.se"),
        ("Mejla åsa-lind+forslag@läckeby.nu.", EMAIL, "åsa-lind+forslag@läckeby.nu"),
        ("Mitt personnummer är 811218-9876.", IDENTITY_NUMBER, "811218-9876"),
        ("Pnr 19811218-9876.", IDENTITY_NUMBER, "19811218-9876"),
        ("Pnr 198112189876.", IDENTITY_NUMBER, "198112189876"),
        ("Pnr 8112189876.", IDENTITY_NUMBER, "8112189876"),
        ("Född för över hundra år sedan: 181218+9876.", IDENTITY_NUMBER, "181218+9876"),
        ("Samordningsnummer 811278-9873.", IDENTITY_NUMBER, "811278-9873"),
    ],
)
def test_personal_details_are_found(text, kind, found):
    assert [(f.kind, f.text) for f in find(text)] == [(kind, found)]


@pytest.mark.parametrize(
    "text",
    [
        "Vi önskar att det blir klart till 2026.",
        "Samma som förslag 2026-0042 och 2025-0117.",
        "Postadress 392 30 Kalmar.",
        "Bussen går 18.30 och 07.15.",
        "Det kostar 1 200 kr eller 12 000 kronor.",
        "Budgeten var 1 050 000 000 kr.",
        "Mötet är 2026-01-15 kl 18:00.",
        "Ett datum utan kontrollsiffra: 20260115.",
        "Ordernummer 202601151234.",
        "Ett ogiltigt datum 811318-9876.",
        "Väg 137 och 1 km till 0,5 mil.",
        "Ingen adress @kommunen eller kalle@localhost.",
    ],
)
def test_ordinary_numbers_are_not_personal_details(text):
    assert find(text) == []


def test_a_text_with_several_details_lists_each_once_in_order():
    text = "Ring 070-123 45 67 eller mejla per@example.se, pnr 811218-9876."

    assert [f.kind for f in find(text)] == [PHONE, EMAIL, IDENTITY_NUMBER]


def test_a_ten_digit_mobile_number_is_a_phone_number_not_an_identity_number():
    assert [f.kind for f in find("0701234567")] == [PHONE]


def test_the_notice_says_what_was_found_in_words():
    assert notice(find("Ring 070-123 45 67 eller skriv till per@example.se.")) == (
        "Texten innehåller ett telefonnummer och en e-postadress — ta bort dem ur den publika "
        "texten innan du publicerar."
    )
    assert notice(find("per@example.se")) == (
        "Texten innehåller en e-postadress — ta bort den ur den publika texten innan du publicerar."
    )
    assert notice(find("070-123 45 67, 08-123 456 78 och 811218-9876")) == (
        "Texten innehåller ett personnummer och 2 telefonnummer — ta bort dem ur den publika "
        "texten innan du publicerar."
    )
    assert notice(find("Fler bänkar vid ån.")) == ""


def test_highlighting_marks_the_findings_and_escapes_everything_else():
    html = highlight('<script>alert("x")</script> Ring 070-123 45 67 & <b>per@example.se</b>')

    assert html == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Ring <mark>070-123 45 67</mark> "
        "&amp; &lt;b&gt;<mark>per@example.se</mark>&lt;/b&gt;"
    )
    assert highlight("") == ""
