"""Find personal details in a resident's text: phone numbers, email addresses and Swedish
personal identity numbers (personnummer, samordningsnummer).

The moderator sees them marked before publishing; nothing is removed automatically, because a
regular expression cannot tell the resident's own number from the sports club's. So the patterns
lean towards marking too much rather than too little, but they leave alone what every proposal
is full of: years (2026), references (2026-0042), postcodes (392 30), times (18.30), prices
(1 200 kr) and dates (2026-01-15).

Pure functions, no models: the workbench uses them today, the proposal form may warn the resident
with them tomorrow.
"""

import re
from datetime import date
from typing import NamedTuple

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

PHONE, EMAIL, IDENTITY_NUMBER = "phone", "email", "identity_number"

# YYMMDD or YYYYMMDD, an optional "-" (or "+" after 100 years), four digits. Not inside a longer
# number or after a dash, so that "2026-01-15-1234"-like references are not read as one.
_IDENTITY = re.compile(
    r"(?<![\d+-])(?P<century>19|20)?(?P<date>\d{6})(?P<sep>[-+]?)(?P<tail>\d{4})(?![\d])"
)
# An address with a dot in its domain; letters may be Swedish ones.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
# Swedish numbers are 0 (or +46/0046) and 7 to 9 more digits, the first not 0; groups may be
# parted by one space or dash. Not after a digit and a separator: "1 050 000 000 kr" is a price.
_PHONE = re.compile(
    r"(?<![\w+])(?<!\d[ .,-])"
    r"(?P<prefix>(?:\+|00)46[ -]?(?:\(0\)[ -]?)?|0)"
    r"(?P<rest>[1-9](?:[ -]?\d){6,8})(?![\d])"
)


class Finding(NamedTuple):
    kind: str
    start: int
    end: int
    text: str


def _luhn_valid(digits):
    """The check digit of a personal identity number (the last of ten digits)."""
    total = 0
    for position, digit in enumerate(int(d) for d in digits):
        product = digit * (2 - position % 2)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def _is_birth_date(yymmdd, century):
    """YYMMDD is a real date in the given century, or in either; a samordningsnummer adds 60
    to the day."""
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    day = day - 60 if day > 60 else day
    for hundreds in [century] if century else ["19", "20"]:
        try:
            date(int(hundreds + yymmdd[:2]), month, day)
        except ValueError:
            continue
        return True
    return False


def _identity_numbers(text):
    for match in _IDENTITY.finditer(text):
        # Without a dash, ten or twelve digits in a row may be a phone or an order number:
        # only a valid check digit makes them an identity number.
        if not match["sep"] and not _luhn_valid(match["date"] + match["tail"]):
            continue
        if _is_birth_date(match["date"], match["century"]):
            yield Finding(IDENTITY_NUMBER, match.start(), match.end(), match.group())


def _phone_numbers(text):
    for match in _PHONE.finditer(text):
        yield Finding(PHONE, match.start(), match.end(), match.group())


def _emails(text):
    for match in _EMAIL.finditer(text):
        yield Finding(EMAIL, match.start(), match.end(), match.group())


def find(text):
    """The personal details in `text`, in order; where two patterns overlap, the first wins
    (identity numbers before email addresses before phone numbers)."""
    text = text or ""
    findings = []
    for candidates in (_identity_numbers(text), _emails(text), _phone_numbers(text)):
        for finding in candidates:
            if not any(finding.start < f.end and f.start < finding.end for f in findings):
                findings.append(finding)
    return sorted(findings, key=lambda f: f.start)


def highlight(text):
    """`text`, escaped, with each finding in a `<mark>`; safe to show in a template."""
    text = text or ""
    parts, position = [], 0
    for finding in find(text):
        parts.append(conditional_escape(text[position : finding.start]))
        parts.append(format_html("<mark>{}</mark>", finding.text))
        position = finding.end
    parts.append(conditional_escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 -- every part is escaped above


def _counted(kind, number):
    if kind == PHONE:
        return ngettext("ett telefonnummer", "%(n)d telefonnummer", number) % {"n": number}
    if kind == EMAIL:
        return ngettext("en e-postadress", "%(n)d e-postadresser", number) % {"n": number}
    return ngettext("ett personnummer", "%(n)d personnummer", number) % {"n": number}


def describe(findings):
    """What was found, in words: "ett telefonnummer och en e-postadress"; "" for nothing."""
    counts = {}
    for finding in findings:
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    phrases = [
        _counted(kind, counts[kind]) for kind in (IDENTITY_NUMBER, PHONE, EMAIL) if kind in counts
    ]
    if not phrases:
        return ""
    if len(phrases) == 1:
        return phrases[0]
    return _("%(first)s och %(last)s") % {"first": ", ".join(phrases[:-1]), "last": phrases[-1]}


def notice(findings):
    """The moderator's notice, e.g. "Texten innehåller ett telefonnummer och en e-postadress —
    ta bort dem ur den publika texten innan du publicerar."; "" when nothing was found."""
    if not findings:
        return ""
    # Swedish picks the pronoun by the word's gender: "ta bort den" (e-postadressen), "det".
    pronouns = {EMAIL: _("den"), PHONE: _("det"), IDENTITY_NUMBER: _("det")}
    pronoun = _("dem") if len(findings) > 1 else pronouns[findings[0].kind]
    return _(
        "Texten innehåller %(found)s — ta bort %(pronoun)s ur den publika texten innan du "
        "publicerar."
    ) % {"found": describe(findings), "pronoun": pronoun}
