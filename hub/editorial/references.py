"""Many-to-many links in Wagtail's reference index.

Wagtail indexes foreign keys, rich text and StreamField, but not many-to-many fields,
so "Usage" said "used 0 times" for a theme on twelve pages and the delete screens
warned of nothing. Each ParentalManyToManyField of the hub's models is given the
`extract_references` method that Wagtail's index calls on any field that has one:
every linked object is recorded as a reference from the page (or snippet) that holds
the field. Existing content is indexed by `manage.py rebuild_references_index`."""

from django.apps import apps
from django.contrib.auth import get_user_model
from modelcluster.fields import ParentalManyToManyField

HUB_APPS = ("pages", "practices", "events")


def _extractor(field):
    def extract_references(value):
        for item in value or ():
            pk = getattr(item, "pk", item)
            if pk is not None:
                yield field.related_model, str(pk), "item", str(pk)

    return extract_references


def index_many_to_many_fields():
    user_model = get_user_model()
    for label in HUB_APPS:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.local_many_to_many:
                if not isinstance(field, ParentalManyToManyField):
                    continue
                if field.related_model is user_model:
                    continue  # people are not content: no "usage" of an account
                if not hasattr(field, "extract_references"):
                    field.extract_references = _extractor(field)


def reindex_published_page(sender, instance, **kwargs):
    """Wagtail indexes a page when its row is saved, before modelcluster writes the
    page's many-to-many choices (and, with the immediate task backend, reads them from
    the database then): index the published page again once they are written."""
    from wagtail.models import ReferenceIndex

    ReferenceIndex.create_or_update_for_object(instance)
