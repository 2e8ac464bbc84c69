"""The admin speaks Swedish where Wagtail's own Swedish catalogue is silent: the project's
catalogue in locale/sv fills the gaps, and what is committed compiled is what the .po says."""

import gettext
import shutil
import subprocess

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import translation

from tests.support import admin
from tests.support import pages as factories

LOCALE = settings.BASE_DIR / "locale" / "sv" / "LC_MESSAGES"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_compiled_catalogue_is_up_to_date_with_the_po_file(tmp_path, domain):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (gettext) is not installed")
    fresh = tmp_path / f"{domain}.mo"
    command = [msgfmt, "--check", "-o", fresh, LOCALE / f"{domain}.po"]
    subprocess.run(command, check=True)  # noqa: S603 (our own file and the system's msgfmt)
    with open(fresh, "rb") as new, open(LOCALE / f"{domain}.mo", "rb") as committed:
        assert gettext.GNUTranslations(committed)._catalog == (
            gettext.GNUTranslations(new)._catalog
        ), f"run msgfmt -o locale/sv/LC_MESSAGES/{domain}.mo on its .po"


def test_the_list_separator_is_left_to_django():
    """get_text_list joins with gettext(", "); overriding it would change every list."""
    assert 'msgid ", "' not in (LOCALE / "django.po").read_text("utf-8")


def test_the_autosave_indicator_is_swedish():
    with translation.override("sv"):
        html = render_to_string("wagtailadmin/shared/autosave/indicator.html")
    assert "Sparat" in html
    assert "Automatisk sparning är pausad" in html
    assert "Saved" not in html and "Autosave" not in html


def test_the_page_count_reads_as_swedish():
    with translation.override("sv"):
        text = translation.gettext(
            "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"
        ) % {"start_index": 1, "end_index": 1, "items_count": 1, "model_name": "sida"}
    assert text == "1–1 av 1 sida"


def test_the_page_explorer_counts_its_pages_in_swedish(client, site_tree):
    user = admin.staff(admin.EDITORS)
    admin.login(client, user=user)
    place = site_tree["place"]
    response = client.get(f"/admin/pages/{place.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    count = place.get_children().count()
    assert f"1–{count} av {count} " in html


def test_the_page_editor_shows_no_untranslated_autosave_words(client, site_tree):
    admin.login(client, user=_superuser())
    response = client.get(f"/admin/pages/{site_tree['place'].pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for english in ("Autosave is paused", ">Saved<", "Saving will overwrite"):
        assert english not in html


def test_search_in_the_explorer_says_av_not_of(client, site_tree):
    factories.standard_page(site_tree["home"], title="Lättläst", slug="lattlast")
    admin.login(client, user=_superuser())
    response = client.get(f"/admin/pages/{site_tree['home'].pk}/", {"q": "Lättläst"})
    assert response.status_code == 200
    assert "1–1 av 1 sida" in response.content.decode()


def _superuser():
    return get_user_model().objects.create_superuser("chef", "chef@example.org", "x")
