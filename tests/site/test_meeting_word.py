"""Residents meet one word for the meeting of a dialogue: "Dialogmöte".

The whole process keeps its name, "utvecklingsdialog"; only the meeting had several
("dialogträff", "utvecklingsdialogmöte", the kind "Utvecklingsdialog"), which read as different
things on the page, in the emails and in the calendar.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from rounds.models import DialogueEvent
from rounds.models.phases import Phase
from rounds.models.proposals import Source

BASE = Path(settings.BASE_DIR)
# Where residents read the words: templates, the Python that writes pages, emails, calendars
# and feeds, and the demo content.
SOURCES = [
    *BASE.glob("templates/**/*.html"),
    *BASE.glob("templates/**/*.txt"),
    *BASE.glob("static/**/*.xsl"),
    *BASE.glob("*/static/**/*.xsl"),
    *(
        path
        for app in ("home", "places", "rounds", "notifications", "search", "portal")
        for path in BASE.glob(f"{app}/**/*.py")
        if "migrations" not in path.parts
    ),
]
OTHER_WORDS = re.compile(
    r"dialogträff|dialog-möte|utvecklingsdialogmöte|utvecklingsmöte|dialogmötte", re.IGNORECASE
)


def test_the_event_kind_the_phase_and_the_source_say_dialogmöte():
    assert DialogueEvent.Kind.DIALOGUE.label == "Dialogmöte"
    assert Phase.DIALOGUE.label == "Dialogmöte"
    assert Source.DIALOGUE.label == "Dialogmötet"


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(BASE)))
def test_no_other_word_for_the_meeting_comes_back(path):
    text = path.read_text(encoding="utf-8")
    found = OTHER_WORDS.findall(text)
    assert not found, f"{path.relative_to(BASE)} calls the meeting {found}; say Dialogmöte"


def test_the_meeting_is_never_a_bare_utvecklingsdialog_label():
    """ "Utvecklingsdialog" alone, as a label, was the meeting's old name; titles such as
    "Utvecklingsdialog 2027" and the process ("utvecklingsdialogen i Läckeby") stay."""
    label = re.compile(
        r"""_\(\s*["']Utvecklingsdialog["']\s*\)|translate ["']Utvecklingsdialog["']"""
    )
    offenders = [
        str(path.relative_to(BASE)) for path in SOURCES if label.search(path.read_text("utf-8"))
    ]
    assert not offenders
