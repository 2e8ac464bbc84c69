"""Where each page type may live, and that an editor can create every one of them in the admin."""

from datetime import date

from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from places.models import PlaceIndexPage, PlacePage
from rounds.models import DialogueEvent, DialoguePage, RoundIndexPage, RoundPage
from tests.support import pages as factories
from tests.support.page_forms import dialogue_data, event_data

ALL_TYPES = [
    HomePage,
    StandardPage,
    PlaceIndexPage,
    PlacePage,
    RoundIndexPage,
    RoundPage,
    DialoguePage,
]


BYVAGEN = {"street_address": "Byvägen 1", "postal_code": "388 98", "postal_town": "Läckeby"}


def dialogue_form(round_page, events):
    """The dialogue editor's form as posted (nested), for a dialogue in spring 2028."""
    data = dialogue_data(
        round_page,
        events,
        title="Utvecklingsdialog våren 2028",
        slug="varen-2028",
        intro="Välkommen till vandring och dialog.",
        body=streamfield([("text", rich_text("<p>Ta med kaffekorg.</p>"))]),
        proposals_open="2026-04-01",
    )
    return nested_form_data(data)


class PageTreeTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.home = factories.home_page()
        cls.place_index = factories.place_index(cls.home)
        cls.round_index = factories.round_index(cls.home)
        cls.place = factories.place()
        cls.round = factories.round_page()
        cls.dialogue = factories.dialogue(cls.place, cls.round)
        cls.standard = factories.standard_page(cls.home)
        # Fresh copies: tree builders leave some parents with a stale child count.
        for name in (
            "home",
            "place_index",
            "round_index",
            "place",
            "round",
            "dialogue",
            "standard",
        ):
            setattr(cls, name, Page.objects.get(pk=getattr(cls, name).pk).specific)

    def setUp(self):
        cache.clear()  # site root paths cached by an earlier test would point at a rolled-back tree
        self.login()


class ParentAndSubpageRulesTests(PageTreeTestCase):
    def test_allowed_parents_of_every_page_type(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedParentPageTypes(PlaceIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(PlacePage, {PlaceIndexPage})
        self.assertAllowedParentPageTypes(RoundIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(RoundPage, {RoundIndexPage})
        self.assertAllowedParentPageTypes(DialoguePage, {PlacePage})

    def test_allowed_subpages_of_every_page_type(self):
        self.assertAllowedSubpageTypes(HomePage, {StandardPage, PlaceIndexPage, RoundIndexPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertAllowedSubpageTypes(PlaceIndexPage, {PlacePage})
        self.assertAllowedSubpageTypes(PlacePage, {DialoguePage})
        self.assertAllowedSubpageTypes(RoundIndexPage, {RoundPage})
        self.assertAllowedSubpageTypes(RoundPage, set())
        self.assertAllowedSubpageTypes(DialoguePage, set())

    def test_dialogue_lives_only_under_a_village(self):
        self.assertCanCreateAt(PlacePage, DialoguePage)
        for parent in (HomePage, StandardPage, PlaceIndexPage, RoundIndexPage, RoundPage):
            self.assertCanNotCreateAt(parent, DialoguePage)

    def test_village_lives_only_under_the_village_index(self):
        self.assertCanCreateAt(PlaceIndexPage, PlacePage)
        self.assertCanNotCreateAt(HomePage, PlacePage)
        self.assertCanNotCreateAt(StandardPage, PlacePage)
        self.assertCanNotCreateAt(PlacePage, PlacePage)

    def test_round_lives_only_under_the_round_index(self):
        self.assertCanCreateAt(RoundIndexPage, RoundPage)
        self.assertCanNotCreateAt(HomePage, RoundPage)
        self.assertCanNotCreateAt(PlacePage, RoundPage)

    def test_text_pages_nest_under_home_and_each_other_but_not_in_villages(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(PlacePage, StandardPage)
        self.assertCanNotCreateAt(DialoguePage, StandardPage)

    def test_home_and_index_pages_exist_only_once(self):
        # The tree already has one of each; an editor is not offered a second.
        self.assertFalse(HomePage.can_create_at(self.root))
        self.assertFalse(PlaceIndexPage.can_create_at(self.home))
        self.assertFalse(RoundIndexPage.can_create_at(self.home))
        # ...while pages without a limit can be added again.
        self.assertTrue(PlacePage.can_create_at(self.place_index))
        self.assertTrue(StandardPage.can_create_at(self.home))

    def test_admin_refuses_a_second_village_index(self):
        url = reverse("wagtailadmin_pages:add", args=["places", "placeindexpage", self.home.pk])
        response = self.client.post(url, {"title": "Orter igen", "slug": "orter-igen"})
        self.assertEqual(PlaceIndexPage.objects.count(), 1)
        self.assertNotEqual(response.status_code, 200)


class CreateInAdminTests(PageTreeTestCase):
    def test_create_home_page_in_an_empty_tree(self):
        self.home.delete()
        self.assertTrue(HomePage.can_create_at(self.root))
        self.assertCanCreate(
            self.root,
            HomePage,
            nested_form_data(
                {
                    "title": "Ortsdialog",
                    "slug": "ny-start",
                    "intro": "Här kan du följa dialogerna i din ort.",
                    "method_heading": "Så går det till",
                    "method_text": rich_text("<p>Fyra steg.</p>"),
                }
            ),
        )
        self.assertEqual(HomePage.objects.get().intro, "Här kan du följa dialogerna i din ort.")

    def test_create_standard_page_with_body(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Tillgänglighetsredogörelse",
                    "intro": "Så tillgänglig är webbplatsen.",
                    "body": streamfield(
                        [
                            ("heading", "Brister"),
                            ("text", rich_text("<p>Vi känner inte till några brister.</p>")),
                            (
                                "contact",
                                {
                                    "name": "Kommunens kontaktcenter",
                                    "role": "",
                                    "email": "",
                                    "phone": "",
                                },
                            ),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="tillganglighetsredogorelse")
        self.assertEqual([block.block_type for block in page.body], ["heading", "text", "contact"])

    def test_create_village_index(self):
        self.place_index.delete()
        self.assertCanCreate(
            self.home,
            PlaceIndexPage,
            nested_form_data({"title": "Orter", "slug": "orter", "intro": "Alla orter."}),
        )
        self.assertEqual(PlaceIndexPage.objects.get().get_parent().pk, self.home.pk)

    def test_create_village_with_facts_tags_and_coordinates(self):
        self.assertCanCreate(
            self.place_index,
            PlacePage,
            nested_form_data(
                {
                    "title": "Påryd",
                    "slug": "paryd",
                    "intro": "Påryd ligger vid Ljungbyån.",
                    "hero_image": "",
                    "body": streamfield(
                        [
                            ("text", rich_text("<p>Här finns skola och bygdegård.</p>")),
                            (
                                "facts",
                                {
                                    "heading": "Fakta",
                                    "facts": streamfield(
                                        [("item", {"label": "Skola", "value": "F–6"})]
                                    ),
                                },
                            ),
                        ]
                    ),
                    "population": "612",
                    "population_year": "2019",
                    "latitude": "56.57461",
                    "longitude": "15.92060",
                    "tags": "skola, busslinje",
                }
            ),
        )
        page = PlacePage.objects.get(slug="paryd")
        self.assertEqual(page.population, 612)
        self.assertEqual(sorted(tag.name for tag in page.tags.all()), ["busslinje", "skola"])
        self.assertEqual([block.block_type for block in page.body], ["text", "facts"])

    def test_create_round_index(self):
        self.round_index.delete()
        self.assertCanCreate(
            self.home,
            RoundIndexPage,
            nested_form_data({"title": "Omgångar", "slug": "omgangar", "intro": ""}),
        )
        self.assertTrue(RoundIndexPage.objects.exists())

    def test_create_round(self):
        self.assertCanCreate(
            self.round_index,
            RoundPage,
            nested_form_data(
                {
                    "title": "Omgång 2028–2029",
                    "slug": "omgang-2028-2029",
                    "start_date": "2028-01-01",
                    "end_date": "2029-12-31",
                    "intro": "Elva orter på två år.",
                    "body": streamfield([("heading", "Orterna")]),
                }
            ),
        )
        page = RoundPage.objects.get(slug="omgang-2028-2029")
        self.assertEqual((page.start_date, page.end_date), (date(2028, 1, 1), date(2029, 12, 31)))

    def test_create_dialogue_with_walk_meeting_and_body(self):
        self.assertCanCreate(
            self.place,
            DialoguePage,
            dialogue_form(
                self.round,
                [
                    event_data(
                        "2026-05-10 17:00",
                        "2026-05-10 19:00",
                        "walk",
                        meeting_point="Vid busshållplatsen",
                        accessibility_notes="Grusväg, cirka två kilometer.",
                        **BYVAGEN,
                    ),
                    event_data(
                        "2026-05-20 18:00",
                        "2026-05-20 20:30",
                        "dialogue",
                        childcare_offered="on",
                        **BYVAGEN,
                    ),
                ],
            ),
        )
        page = DialoguePage.objects.get(slug="varen-2028")
        self.assertEqual(page.get_parent().pk, self.place.pk)
        # The editor typed the title alone; the page names its village, once however often saved.
        named = f"{self.place.title}: Utvecklingsdialog våren 2028"
        self.assertEqual((page.title, page.draft_title), (named, named))
        page.save_revision().publish()
        page.refresh_from_db()
        self.assertEqual((page.title, page.short_title), (named, "Utvecklingsdialog våren 2028"))
        self.assertEqual(page.round_id, self.round.pk)
        events = list(page.events.order_by("start"))
        self.assertEqual(
            [e.kind for e in events], [DialogueEvent.Kind.WALK, DialogueEvent.Kind.DIALOGUE]
        )
        self.assertEqual(events[0].meeting_point, "Vid busshållplatsen")
        self.assertTrue(events[1].childcare_offered)
        self.assertEqual([block.block_type for block in page.body], ["text"])

    def test_dialogue_without_any_event_is_refused(self):
        url = reverse("wagtailadmin_pages:add", args=["rounds", "dialoguepage", self.place.pk])
        data = dialogue_form(self.round, [])
        data["action-publish"] = "action-publish"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)  # the form again, with the error
        self.assertFalse(DialoguePage.objects.filter(slug="varen-2028").exists())
        self.assertTrue(response.context["form"].formsets["events"].non_form_errors())


class RoutableAndRenderableTests(PageTreeTestCase):
    def test_every_page_type_is_routable_and_renderable(self):
        pages = [
            self.home,
            self.standard,
            self.place_index,
            self.place,
            self.round_index,
            self.round,
            self.dialogue,
        ]
        self.assertEqual({type(page.specific) for page in pages}, set(ALL_TYPES))
        for page in pages:
            with self.subTest(page_type=type(page).__name__):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
                edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
                self.assertEqual(self.client.get(edit_url).status_code, 200)

    def test_unpublished_page_is_not_rendered_to_the_public(self):
        self.place.unpublish()
        self.client.logout()
        self.assertPageIsRenderable(self.place, accept_404=True)
        self.assertEqual(self.client.get("/orter/lackeby/").status_code, 404)
