"""The editorial roles as groups, and the translation review workflows.

- Editors (Wagtail's group): write pages (add and change, no publishing), add and edit
  taxonomy terms, upload documents and images and edit their own (no longer anyone's:
  the collection "change" right, which also deletes, stays with Moderators).
- Moderators (Wagtail's group): publish, lock; taxonomy terms (with deletion), site
  settings, redirects; every document and image; translation.
- Translators (new): change pages (no adding, no publishing), translate pages and
  terms with wagtail-localize, choose and upload documents and images.
- Event managers (events/0005): besides registrations, add and publish events under
  each events index (given here for the indexes that exist and, for later ones, by
  hub.editorial.roles when an index is created); they edit the events they created.

"Translation review (French)" and "(English)": one group-approval task each, for
Moderators. They are not assigned to part of the tree (a French-first page is not a
translation); "Submit the translation for review" in the translation editor starts the
one of the translation's language (hub.editorial.views.SubmitTranslationView).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"
EVENT_MANAGERS = "Event managers"

TAXONOMY = ["theme", "targetgroup", "region", "programme", "organisation"]

MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        *[("pages", f"{action}_{model}") for model in TAXONOMY for action in ("add", "change", "view")],
    ],
    MODERATORS: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        *[
            ("pages", f"{action}_{model}")
            for model in TAXONOMY
            for action in ("add", "change", "delete", "view")
        ],
        ("pages", "change_sitelinks"),
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
    ],
    TRANSLATORS: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        *[("pages", f"{action}_{model}") for model in TAXONOMY for action in ("change", "view")],
    ],
    EVENT_MANAGERS: [
        ("wagtailadmin", "access_admin"),
        ("events", "view_registration"),
        ("events", "change_registration"),
    ],
}

# On the root page (covers both languages' trees).
ROOT_PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    TRANSLATORS: ["change_page"],
}
EVENT_INDEX_PAGE_PERMISSIONS = ["add_page", "publish_page"]

# On the root collection.
COLLECTION_PERMISSIONS = {
    EDITORS: ["add_document", "choose_document", "add_image", "choose_image"],
    MODERATORS: [
        "add_document",
        "change_document",
        "choose_document",
        "add_image",
        "change_image",
        "choose_image",
    ],
    TRANSLATORS: ["add_document", "choose_document", "add_image", "choose_image"],
    EVENT_MANAGERS: ["add_document", "choose_document", "add_image", "choose_image"],
}

REVIEWS = [
    ("Translation review (French)", "Review of the French translation"),
    ("Translation review (English)", "Review of the English translation"),
]


def _ensure_permissions(apps):
    # Permissions are normally created after all migrations; make sure they exist.
    labels = ("pages", "events", "wagtail_localize", "wagtailredirects",
              "wagtaildocs", "wagtailimages", "wagtailcore")
    for label in labels:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    groups = {}
    for name, codes in MODEL_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(*[permission(app, code) for app, code in codes])

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for name, codes in ROOT_PAGE_PERMISSIONS.items():
            for code in codes:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page=root, permission=permission("wagtailcore", code)
                )
    indexes = Page.objects.filter(
        content_type__app_label="events", content_type__model="eventindexpage"
    )
    for index in indexes:
        for code in EVENT_INDEX_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=groups[EVENT_MANAGERS],
                page=index,
                permission=permission("wagtailcore", code),
            )

    collection = Collection.objects.filter(depth=1).first()
    if collection is not None:
        for name, codes in COLLECTION_PERMISSIONS.items():
            app_of = {"document": "wagtaildocs", "image": "wagtailimages"}
            wanted = {
                permission(app_of[code.split("_")[1]], code) for code in codes
            }
            for item in wanted:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=collection, permission=item
                )
            # Editors lose "change" on everyone's documents and images (which is
            # also deletion); they keep their own uploads.
            GroupCollectionPermission.objects.filter(
                group=groups[name],
                collection=collection,
                permission__codename__in=["change_document", "change_image"],
            ).exclude(permission__in=wanted).delete()
    # The model-wide rights of Wagtail's first migrations, unused since collections
    # hold them, are not left to look as if Editors could delete anyone's files.
    groups[EDITORS].permissions.remove(
        *Permission.objects.filter(
            codename__in=[
                "change_document",
                "delete_document",
                "change_image",
                "delete_image",
            ]
        )
    )

    create_review_workflows(apps, groups[MODERATORS])


def create_review_workflows(apps, reviewers):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    for workflow_name, task_name in REVIEWS:
        workflow, created = Workflow.objects.get_or_create(
            name=workflow_name, defaults={"active": True}
        )
        if not created:
            continue
        task = GroupApprovalTask.objects.create(
            name=task_name, content_type=task_type, active=True
        )
        task.groups.set([reviewers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def remove_roles(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for workflow_name, task_name in REVIEWS:
        Workflow.objects.filter(name=workflow_name).delete()
        Task.objects.filter(name=task_name).delete()
    apps.get_model("auth", "Group").objects.filter(name=TRANSLATORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_event_managers_group"),
        ("pages", "0003_site_links"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
