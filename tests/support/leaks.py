"""A site full of personal data, each value marked, to prove none of it reaches the public.

Every personal value (name, email, phone, postal address, a display name not chosen to be shown,
the photo's file name, moderation reasons, internal notes, the case officer, the resident's
original text where the public text was redacted) contains the token PERSONAL. The public text of
proposals the public must not see (pending, hidden, withdrawn, under an unpublished dialogue)
contains UNPUBLISHED. "Stämmer det?" comments not published carry PERSONAL. Residents'
anmälningar to an event carry PERSONAL in everything they typed. The tokens are not
hexadecimal, so colours and hashes cannot contain them by chance.
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from rounds.models import ProposalCheck
from rounds.models.checks import CheckAnswer, CommentVisibility
from rounds.models.proposals import Source, Status, Visibility
from rounds.proposals import checks, services
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support import registrations as signup

PERSONAL = "xq8zkw"
UNPUBLISHED = "vj3ptn"


def personal(n, **overrides):
    """Personal data of resident `n`, every value a marker."""
    return {
        "name": f"Namnmarkör{n}-{PERSONAL}",
        "email": f"epost{n}-{PERSONAL}@example.org",
        "phone": f"070-{n}{PERSONAL}",
        "display_name": f"Doltnamn{n}-{PERSONAL}",
        "show_name": False,
        # Each line on its own carries the marker: an address may be shown a line at a time.
        "postal_address": f"Adressgatan {n}-{PERSONAL}\n123 4{n} Adressort-{PERSONAL}",
        **overrides,
    }


class LeakySite:
    """The test site with proposals in every state, answered, one redacted, one hidden, one
    published without its photo.

    `public` and `not_public` hold the proposals; `searches` every marker value a visitor
    might type into the search box; `secrets` the follow-up tokens and their hashes.
    """

    def __init__(self, tree):
        self.tree = tree
        self.public, self.not_public, self.secrets = [], [], []
        staff = get_user_model().objects.create_user(
            username=f"handlaggare-{PERSONAL}",
            email=f"handlaggare-{PERSONAL}@example.org",
            first_name=f"Förnamn-{PERSONAL}",
            last_name=f"Efternamn-{PERSONAL}",
        )
        self.searches = [staff.username, staff.email, staff.first_name, staff.last_name]
        dialogue, round_page = tree["dialogue"], tree["round"]
        self.paryd = factories.place("Påryd")
        paryd_dialogue = factories.dialogue(self.paryd, round_page, slug="dialog-2026")
        draft = factories.dialogue(tree["place"], round_page, slug="utkast", live=False)
        self.dialogues = [dialogue, paryd_dialogue, draft]
        self.themes = [make.theme("Trafik"), make.theme("Belysning")]
        # A department's contact address is staff data: the weekly nudge, never a public page.
        roads = make.department(
            "Samhällsbyggnadsförvaltningen", contact_email=f"sbf-{PERSONAL}@example.org"
        )
        trafikverket = make.department("Trafikverket", contact_email=f"tv-{PERSONAL}@example.org")
        self.searches += [roads.contact_email, trafikverket.contact_email]

        lamp = self.add(
            dialogue,
            title="Belysning vid busshållplatsen",
            body="Det är mörkt vid hållplatsen på vintern.",
            theme=self.themes[1],
            photo_name=f"Namnmarkör-foto-{PERSONAL}.jpg",
            **personal(1),
        )
        self.note(lamp, Status.REVIEWING, staff)
        self.note(
            lamp,
            Status.PLANNED,
            staff,
            responsible=roads,
            public_message="Belysningen ingår i nästa års budget.",
            planned_date=date(2027, 5, 1),
            decision_reference="SBF 2026/118",
        )

        # Published with the name taken out of the public text; the original stays internal.
        redacted = self.add(
            dialogue,
            visibility=Visibility.PENDING,
            theme=self.themes[0],
            title=f"Namnmarkör2-rubrik-{PERSONAL} vill ha farthinder",
            body=f"Jag, Namnmarkör2-text-{PERSONAL} på Storgatan 3, vill ha farthinder.",
            **personal(2, display_name="Berit på backen", show_name=True),
        )
        services.publish(
            redacted,
            public_title="Farthinder på Storgatan",
            public_body="Bilarna kör för fort på Storgatan. Farthinder behövs.",
        )
        self.note(
            redacted,
            Status.NOT_FEASIBLE,
            staff,
            responsible=trafikverket,
            public_message="Storgatan är en statlig väg; Trafikverket säger nej till farthinder.",
        )

        duplicate = self.add(dialogue, title="Mer ljus vid bussen", **personal(3))
        self.note(
            duplicate,
            Status.DUPLICATE,
            staff,
            duplicate_of=lamp,
            public_message="Samma sak som förslaget om belysning vid busshållplatsen.",
        )

        forwarded = self.add(paryd_dialogue, title="Busskur vid kyrkan", **personal(4))
        self.note(
            forwarded,
            Status.FORWARDED,
            staff,
            responsible=trafikverket,
            public_message="Hållplatsen sköts av Kalmar länstrafik; förslaget har skickats dit.",
        )

        self.by_letter = self.add(
            dialogue,
            user=staff,
            source=Source.PHONE,
            title="Papperskorg vid badplatsen",
            reply_by_letter=True,  # answered by post: the address is needed, and never shown
            **personal(5),
        )
        self.note(self.by_letter, Status.DONE, staff, public_message="Papperskorgen är uppsatt.")
        self.add_checks(self.by_letter)

        # Published without its photo (a face in it): the text is public, the photo never.
        self.photo_withheld = self.add(
            dialogue,
            visibility=Visibility.PENDING,
            title="Skymd sikt vid korsningen",
            body="Häcken vid korsningen skymmer sikten för bilisterna.",
            photo_name=f"Ansiktsfoto-{PERSONAL}.jpg",
            **personal(10),
        )
        services.publish(self.photo_withheld, withhold_photo=True)

        # Not public: hidden after it had been public, pending, withdrawn, under a draft.
        hidden = self.add(
            dialogue,
            title=f"Doldrubrik-{UNPUBLISHED}",
            body=f"Doldtext-{UNPUBLISHED}",
            photo_name="dold.jpg",
            **personal(6),
        )
        self.note(hidden, Status.REVIEWING, staff, public_message=f"Svar-{UNPUBLISHED}")
        services.hide(hidden, reason=f"Doltskäl-{PERSONAL}", user=staff)
        self.searches.append(f"Doltskäl-{PERSONAL}")
        pending = self.add(
            dialogue,
            visibility=Visibility.PENDING,
            title=f"Väntande-{UNPUBLISHED}",
            body=f"Väntandetext-{UNPUBLISHED}",
            photo_name="vantar.jpg",
            **personal(7),
        )
        withdrawn = self.add(
            dialogue,
            visibility=Visibility.PENDING,
            title=f"Återkallat-{UNPUBLISHED}",
            body=f"Återkallattext-{UNPUBLISHED}",
            **personal(8),
        )
        services.withdraw(withdrawn)
        under_draft = self.add(
            draft,
            title=f"Utkastförslag-{UNPUBLISHED}",
            body=f"Utkasttext-{UNPUBLISHED}",
            **personal(9),
        )
        # The village's dialogue of two years ago, with a promise whose date has passed: the
        # new dialogue's page and its "Ny dialog" email list it.
        earlier = factories.dialogue(
            tree["place"], round_page, slug="dialog-2024", walk_in_days=-720, meeting_in_days=-700
        )
        self.dialogues.append(earlier)
        self.overdue = self.add(earlier, title="Gångväg till skolan", **personal(11))
        self.note(
            self.overdue,
            Status.PLANNED,
            staff,
            responsible=roads,
            public_message="Gångvägen byggs när detaljplanen är klar.",
            planned_date=date.today() - timedelta(days=30),
        )
        for item in (hidden, pending, withdrawn, under_draft):
            self.public.remove(item)
            self.not_public.append(item)

        # Anmälningar to the meeting, which takes them: its form is linked from the pages.
        self.meeting = signup.open_registration(dialogue)
        for n in (11, 12):
            self.register(self.meeting, n)

    def add_checks(self, item):
        """ "Stämmer det?" answers: the proposer says no; the comments waiting for moderation
        or refused carry the marker, the published one says nothing personal."""
        for n, (answer, comment, shown) in enumerate(
            [
                (CheckAnswer.NO, f"Kommentarmarkör-väntar-{PERSONAL}", CommentVisibility.PENDING),
                (CheckAnswer.YES, f"Kommentarmarkör-dold-{PERSONAL}", CommentVisibility.HIDDEN),
                (CheckAnswer.YES, "Papperskorgen står där nu, tack.", CommentVisibility.PUBLIC),
                (CheckAnswer.YES, "", CommentVisibility.PENDING),
            ]
        ):
            email = item.email if n == 0 else f"svarare{n}-{PERSONAL}@example.org"
            check, _ = checks.ask(item, email, is_proposer=n == 0)
            checks.record_answer(check, answer, comment)
            ProposalCheck.objects.filter(pk=check.pk).update(comment_visibility=shown)
            self.searches += [comment] if PERSONAL in comment else []

    def register(self, event, n):
        """A resident's anmälan, every value they typed a marker."""
        data = personal(n)
        item = signup.registration(
            event,
            name=data["name"],
            phone=data["phone"],
            email=data["email"],
            needs_interpreter=True,
            interpreter_language=f"Språkmarkör{n}-{PERSONAL}",
            other_needs=f"Behovsmarkör{n}-{PERSONAL}",
        )
        self.searches += [item.name, item.phone, item.email]
        self.searches += [item.interpreter_language, item.other_needs]
        return item

    def add(self, dialogue, **fields):
        item = make.proposal(dialogue, **fields)
        self.public.append(item)
        self.secrets += [item.follow_token, item.follow_token_hash]
        fields = [item.name, item.email, item.phone, item.display_name, item.title, item.body]
        fields += item.postal_address.splitlines()
        self.searches += [text for text in fields if PERSONAL in text or UNPUBLISHED in text]
        return item

    def note(self, item, status, staff, **fields):
        """An answer from the case officer, with an internal note beside it."""
        fields["internal_note"] = f"Internanteckning {item.reference}-{PERSONAL}"
        self.searches.append(fields["internal_note"])
        return make.answer(item, status, user=staff, **fields)

    def list_urls(self):
        """Every list of proposals, and each of them filtered by every status and theme."""
        lists = [d.url + "forslag/" for d in self.dialogues[:2]]
        lists += [self.tree["place"].url + "forslag/", self.paryd.url + "forslag/"]
        filters = [f"?status={status}" for status in Status]
        filters += [f"?tema={theme.pk}" for theme in self.themes] + ["?ordning=uppdaterad"]
        return lists + [url + query for url in lists for query in filters]

    def hidden_urls(self):
        """Routes that must answer 404: everything about proposals the public may not see."""
        draft = self.dialogues[2]
        # Built by hand: a draft dialogue has no public URL to ask for.
        draft_list = f"{self.tree['place'].url}{draft.slug}/forslag/"
        urls = ["/finns-inte/", self.tree["dialogue"].url + "forslag/1999-00000/", draft_list]
        for item in self.not_public:
            detail = f"{item.dialogue.get_parent().url}{item.dialogue.slug}/forslag/"
            photo = f"{detail}{item.reference}/foto/"
            urls += [f"{detail}{item.reference}/", photo, photo + "?bredd=480"]
        withheld = self.photo_withheld.get_public_url() + "foto/"
        urls += [withheld, withheld + "?bredd=480"]
        # A reference asked for under another dialogue is not found either.
        urls.append(f"{self.paryd.url}dialog-2026/forslag/{self.public[0].reference}/")
        return urls
