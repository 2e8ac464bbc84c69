"""The shapes of the demo proposals and their histories; days count from the dialogue's events."""

from dataclasses import dataclass

# Who answers: department names as in `portal.demo.content.snippets.DEPARTMENTS`.
PARKS = "Serviceförvaltningen – park och gata"
PLANNING = "Samhällsbyggnadskontoret"
LEISURE = "Kultur- och fritidsförvaltningen"
SCHOOLS = "Barn- och ungdomsförvaltningen"
MANAGEMENT = "Kommunledningskontoret"
WATER = "Kalmar Vatten AB"
ROADS = "Trafikverket"
TRANSIT = "Region Kalmar län – Kalmar Länstrafik"

# Themes, as in `portal.demo.content.snippets.THEMES`.
TRAFFIC = "Trafik och säkerhet"
PATHS = "Gång- och cykelvägar"
BUSES = "Kollektivtrafik"
GREEN = "Grönområden och lek"
LIGHT = "Belysning"
SERVICE = "Service och handel"
HOUSING = "Bostäder och byggande"
MEETING = "Föreningsliv och mötesplatser"
OTHER = "Övrigt"


@dataclass(frozen=True)
class Resident:
    """Personal data, all fictitious. A display name is shown only because the resident chose it.

    Postal addresses use the postcode 999 xx, which Sweden has never given out, so a demo letter
    sent by mistake reaches nobody.
    """

    name: str = ""
    email: str = ""
    phone: str = ""
    display_name: str = ""
    age_group: str = ""
    notify: bool = False
    postal_address: str = ""
    reply_by_letter: bool = False


ANONYMOUS = Resident()


@dataclass(frozen=True)
class Step:
    """One update, `days` after the dialogue meeting."""

    days: int
    status: str
    message: str = ""
    responsible: str = ""
    planned_in_days: int | None = None  # the planned date, in days after the meeting
    planned_unknown: str = ""  # for a longer planning without a date: why (public)
    decision: str = ""  # a diarienummer pattern such as "KS {year}/0123"; year of the update
    note: str = ""  # internal, never public


@dataclass(frozen=True)
class Item:
    """One proposal in the village `place`.

    Submitted `days` after its anchor: the walk for proposals from the walk, the day proposals
    opened for those sent in (when the dialogue has one), otherwise the dialogue meeting.
    """

    place: str
    title: str
    body: str
    theme: str
    location: str = ""
    source: str = "online"
    days: int = -7
    resident: Resident = ANONYMOUS
    visibility: str = "public"
    hidden_reason: str = ""
    steps: tuple[Step, ...] = ()
    duplicate_of: str = ""  # the title of the original, in the same dialogue
    tags: tuple[str, ...] = ()
    photo: str = ""  # a landscape scene ("coast", "fields", "forest") drawn as the resident's photo
