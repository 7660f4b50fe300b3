"""Images on case studies, actions, guides and events, and organisation logos: the
alternative text is required (in the editor's language), translated with the page
while the image stays the source's, and the image is shown in responsive renditions,
in og:image, in the JSON-LD and in the API; its uses are counted."""

import html
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import ReferenceIndex
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from hub.events.models import EventPage
from hub.pages.models import Organisation
from hub.practices.models import ActionPage, CaseStudyPage, GoodPracticeGuidePage
from tests.factories import publish
from tests.test_page_types import admin_form_data

PAGE_TYPES = [
    (CaseStudyPage, "library"),
    (ActionPage, "case_study"),
    (GoodPracticeGuidePage, "guides"),
    (EventPage, "events"),
]
ALT_REQUIRED = {
    "en": "the alternative text is required when an image is chosen",
    "fr": "le texte alternatif est obligatoire lorsqu’une image est choisie",
}


def new_image(title="Repair café", colour="white"):
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(colour=colour)
    )


def admin_in(language):
    user = get_user_model().objects.create_superuser(
        f"admin-{language}", f"admin-{language}@x.org", "pw"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize(("page_class", "parent_name"), PAGE_TYPES)
def test_an_image_needs_its_alternative_text_in_the_editors_language(
    client, site_tree, page_class, parent_name
):
    image = new_image()
    parent = site_tree["en"][parent_name]
    url = reverse(
        "wagtailadmin_pages:add",
        args=(page_class._meta.app_label, page_class._meta.model_name, parent.pk),
    )
    for language in ("en", "fr"):
        client.force_login(admin_in(language))
        data = admin_form_data(page_class, f"Pictured {language}")
        data.update(image=str(image.pk), image_alt="  ")
        response = client.post(url, data)
        assert response.status_code == 200
        assert "image_alt" in response.context["form"].errors
        # The message as the editor reads it, in their admin language.
        assert ALT_REQUIRED[language] in html.unescape(response.content.decode())
        assert not page_class.objects.filter(slug=f"pictured-{language}").exists()
    data.update(image_alt="Volunteers mending a bicycle at a repair café")
    assert client.post(url, data).status_code == 302
    page = page_class.objects.get(slug="pictured-fr")
    assert page.image == image
    # No image, no alternative text needed.
    data = admin_form_data(page_class, "Without picture")
    assert client.post(url, data).status_code == 302


def test_an_organisation_logo_needs_its_alternative_text(client, locales):
    logo = new_image("Logo")
    client.force_login(admin_in("en"))
    url = reverse("wagtailsnippets_pages_organisation:add") + "?locale=en"
    data = {
        "name": "Habitat 29",
        "slug": "habitat-29",
        "description": "",
        "kind": "social_landlord",
        "country": "FR",
        "city": "Brest",
        "website": "",
        "logo": str(logo.pk),
        "logo_alt": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert ALT_REQUIRED["en"] in " ".join(response.context["form"].errors["logo_alt"])
    data["logo_alt"] = "Habitat 29"
    assert client.post(url, data).status_code == 302
    assert Organisation.objects.get(slug="habitat-29").logo == logo


def translate_segments(instance, locale, translations):
    """Translate `instance` with wagtail-localize: the segments whose source text is
    a key of `translations` get its value; publish the translation."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    segments = {
        segment.context.path: segment
        for segment in source.stringsegment_set.select_related("string", "context")
    }
    for segment in segments.values():
        if segment.string.data in translations:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": translations[segment.string.data]},
            )
    translation.save_target(publish=True)
    return source, segments


def test_translators_translate_the_alt_text_and_the_image_stays_the_sources(
    site_tree, locales
):
    first, second = new_image("First"), new_image("Second", colour="black")
    guide = site_tree["en"]["guide"]
    guide.image, guide.image_alt = first, "Volunteers mending a bicycle"
    publish(guide)
    source, segments = translate_segments(
        guide, locales["fr"], {"Volunteers mending a bicycle": "Des bénévoles"}
    )
    # The alternative text is a segment to translate; the image is not offered for
    # overriding (a synchronised field translators cannot change).
    assert segments["image_alt"].string.data == "Volunteers mending a bicycle"
    assert not source.overridablesegment_set.filter(context__path="image").exists()
    french = guide.get_translation(locales["fr"])
    assert (french.image_id, french.image_alt) == (first.pk, "Des bénévoles")

    # The source's new image reaches the translation at the next sync.
    guide.image = second
    publish(guide)
    source.update_from_db()
    Translation.objects.get(source=source, target_locale=locales["fr"]).save_target(
        publish=True
    )
    french.refresh_from_db()
    assert (french.image_id, french.image_alt) == (second.pk, "Des bénévoles")


def test_an_organisations_logo_alt_text_is_translated_with_it(locales):
    logo = new_image("Logo")
    org = Organisation.objects.create(
        name="Brest Métropole Habitat",
        slug="bmh",
        kind="social_landlord",
        country="FR",
        logo=logo,
        logo_alt="Brest Métropole Habitat logo",
    )
    source, segments = translate_segments(
        org, locales["fr"], {"Brest Métropole Habitat logo": "Logo de BMH"}
    )
    assert "logo_alt" in segments
    assert not source.overridablesegment_set.filter(context__path="logo").exists()
    french = org.get_translation(locales["fr"])
    assert (french.logo_id, french.logo_alt) == (logo.pk, "Logo de BMH")


@pytest.fixture
def pictured(site_tree):
    """The case study with an image and every partner with a logo, in both
    languages (the French organisations' alternative text in French)."""
    image = new_image()
    for language, alt in (("en", "Tenants at work"), ("fr", "Locataires au travail")):
        page = site_tree[language]["case_study"]
        page.image, page.image_alt = image, alt
        publish(page)
    organisations = Organisation.objects.all()
    for org in organisations:
        org.logo = new_image(f"Logo {org.slug}")
        org.logo_alt = f"{org.name} (logo)"
        org.save()
    return {"image": image, "tree": site_tree}


def test_the_page_shows_its_image_in_responsive_renditions(client, pictured):
    for language, alt in (("en", "Tenants at work"), ("fr", "Locataires au travail")):
        page = pictured["tree"][language]["case_study"]
        soup = soup_of(client.get(page.url))
        picture = soup.select_one(".page-image picture")
        webp = picture.find("source", type="image/webp")
        widths = [entry.split()[-1] for entry in webp["srcset"].split(",")]
        # The test image is 640 wide: Wagtail does not enlarge it beyond that.
        assert widths[0] == "480w" and all(w.endswith("w") for w in widths)
        assert "100vw" in webp["sizes"]
        img = picture.find("img")
        assert img["alt"] == alt
        assert not img.has_attr("loading")  # at the top of the page
        logos = soup.select("img.organisation-logo")
        assert len(logos) == 3
        for logo in logos:
            assert logo["loading"] == "lazy" and "120w" in logo["srcset"]
        names = {logo["alt"] for logo in logos}
        prefix = "Organisme" if language == "fr" else "Organisation"
        assert names == {f"{prefix} {n} (logo)" for n in range(3)}

        og = soup.find("meta", property="og:image")
        assert og["content"].startswith("http") and og["content"].endswith(".jpg")
        assert soup.find("meta", property="og:image:alt")["content"] == alt
        data = json.loads(soup.find("script", type="application/ld+json").string)
        assert data["image"]["contentUrl"] == og["content"]
        assert data["image"]["description"] == alt
        member_logos = [m["member"].get("logo") for m in data["member"]]
        assert all(logo and logo["contentUrl"] for logo in member_logos)

        api = client.get(f"/api/v2/pages/{page.pk}/").json()
        assert api["image"]["alt"] == alt
        assert api["image"]["url"] == og["content"]
        assert api["partners"][0]["organisation"]["logo"]["alt"].endswith("(logo)")


def test_more_partners_with_logos_cost_no_more_queries(client, pictured):
    page = pictured["tree"]["en"]["case_study"]
    client.get(page.url)  # renditions made once

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    three = queries()
    for n in range(3, 8):
        org = Organisation.objects.create(
            name=f"Partner {n}",
            slug=f"partner-{n}",
            kind="other",
            country="GB",
            logo=new_image(f"Partner {n}"),
            logo_alt=f"Partner {n}",
        )
        page.partners.add(page.partners.model(organisation=org, role="partner"))
    publish(page)
    client.get(page.url)
    assert queries() == three


def test_an_images_uses_are_counted(admin_client, pictured):
    image = pictured["image"]
    pages = {int(ref.object_id) for ref in ReferenceIndex.get_references_to(image)}
    case_studies = {pictured["tree"][lang]["case_study"].pk for lang in ("en", "fr")}
    assert case_studies <= pages
    usage = admin_client.get(reverse("wagtailimages:image_usage", args=(image.pk,)))
    assert pictured["tree"]["en"]["case_study"].title in usage.content.decode()
    logo = Organisation.objects.exclude(logo=None).first().logo
    assert ReferenceIndex.get_references_to(logo).exists()
