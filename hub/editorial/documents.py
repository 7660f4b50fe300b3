"""Documents that live pages link to cannot be deleted: the link would break on the
public site. The delete button and the bulk "Delete" refuse them for everyone until
the pages no longer use them ("Usage" lists which)."""

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import (
    CollectionOwnershipPermissionPolicy,
)


def live_pages_using(document):
    """The live pages whose content links to `document`, by the reference index."""
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ReferenceIndex._get_base_content_type(Page))
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids], live=True)


class InUseDocumentPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and live_pages_using(instance).exists():
            return False
        return super().user_has_permission_for_instance(user, action, instance)


def document_policy():
    return InUseDocumentPolicy(
        get_document_model(),
        auth_model="wagtaildocs.Document",
        owner_field_name="uploaded_by_user",
    )
