"""The duplicate hint: the proposals of the same village most like the one being moderated.

Villages have a dialogue every few years and residents ask again for what they asked for last
time, so every dialogue of the village counts, not only this one.

Similarity is the Jaccard index of the two texts' word stems: lower-cased words, Swedish stop
words removed, each cut to its Snowball stem ("gatlampor" and "gatlampa" are one word). It is
computed in Python over the village's proposals, in one query, rather than with the search
backend: the index holds only public text (a pending proposal must never be in it), it ranks
differently on SQLite and PostgreSQL, and it answers "which contain these words", not "how
alike are these two". A village has a few hundred proposals at most, and a set intersection
each is nothing; the result is the same on both databases.
"""

import re
from typing import NamedTuple

import snowballstemmer
from django.utils.translation import gettext as _

from ..models import DialoguePage, Proposal
from ..models.proposals import Status, Visibility

MAX_HINTS = 5
# Below this share of common words two texts are only about the same village.
MIN_SIMILARITY = 0.15
# The newest this many of the village's proposals are compared: a bound on the work, never
# reached by a real village.
MAX_CANDIDATES = 2000

WORD = re.compile(r"[^\W\d_]{2,}")
_STOP_WORDS_TEXT = """
    alla allt andra att av bara behöver bli blir blev de dem den denna deras dess dessa det
    detta dig din du där då efter eller en er ett fler finns från få för ha har hade han hela
    henne hon hos hur här i in inga inget inte jag kan kanske kunna kunde man med mer mig min
    mitt mot mycket må måste ni nu när någon något några och om oss på sedan sig sin sina sitt
    ska skall skulle som så till under upp ut utan vad var vara vi vid vill vilka vilken vilket
    vår våra vårt än även är över också samt redan hit dit mellan genom kommer göra gör
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

_stemmer = snowballstemmer.stemmer("swedish")


class Similar(NamedTuple):
    proposal: Proposal
    similarity: float

    @property
    def percent(self):
        return round(self.similarity * 100)


def stems(text):
    """The set of word stems of `text`, without stop words."""
    words = [word for word in WORD.findall(text.lower()) if word not in STOP_WORDS]
    return set(_stemmer.stemWords(words))


def jaccard(first, second):
    """The share of the two sets' words they have in common, 0 to 1."""
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def candidates(proposal):
    """The other proposals of the village a duplicate could point to, with their dialogue.

    Hidden ones (and withdrawn, which are hidden) are left out: the resident would be sent to a
    page that does not exist. So are duplicates: the hint should lead to the first proposal.
    """
    dialogues = DialoguePage.objects.sibling_of(proposal.dialogue, inclusive=True)
    return (
        Proposal.objects.filter(dialogue__in=dialogues)
        .exclude(pk=proposal.pk)
        .exclude(visibility=Visibility.HIDDEN)
        .exclude(status=Status.DUPLICATE)
        .select_related("dialogue")
        .only(
            "reference",
            "public_title",
            "public_body",
            "status",
            "visibility",
            "submitted_at",
            "dialogue__title",
        )
        .order_by("-submitted_at", "-pk")[:MAX_CANDIDATES]
    )


def similar_proposals(proposal, limit=MAX_HINTS):
    """The village's proposals most like `proposal`, most alike first, at most `limit`.

    `proposal` is compared by what the resident wrote, the others by their public text (what
    the moderator and the public see of them). One query.
    """
    own = stems(f"{proposal.title} {proposal.body}")
    scored = []
    for other in candidates(proposal):
        similarity = jaccard(own, stems(f"{other.public_title} {other.public_body}"))
        if similarity >= MIN_SIMILARITY:
            scored.append(Similar(other, similarity))
    scored.sort(key=lambda item: (-item.similarity, -item.proposal.submitted_at.timestamp()))
    return scored[:limit]


def duplicate_message(original):
    """The public answer a proposal marked from the hint gets: where the answer will come."""
    return _(
        "Samma sak har redan föreslagits i förslag %(reference)s, ”%(title)s”. Vi behandlar "
        "förslagen tillsammans: följ det förslaget för att se vad som händer."
    ) % {"reference": original.reference, "title": original.public_title}
