"""The two roles: "Redaktörer" (pages, images, documents; proposals without personal data) and
"Handläggare" (everything about proposals, personal data included).

Idempotent: running it again adds nothing twice. Reversible: going back removes both groups.
Without a page tree or a root collection (a flushed test database) it grants what it can.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS, CASE_OFFICERS = "Redaktörer", "Handläggare"

# (app label, permission codename) of each group's model-wide permissions.
PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("rounds", "view_proposal"),
        ("rounds", "moderate_proposal"),
        ("rounds", "change_theme"),
        ("rounds", "change_department"),
    ],
    CASE_OFFICERS: [
        ("wagtailadmin", "access_admin"),
        ("rounds", "view_proposal"),
        ("rounds", "add_proposal"),
        ("rounds", "change_proposal"),
        ("rounds", "view_personal_data"),
        ("rounds", "moderate_proposal"),
        ("rounds", "answer_proposal"),
        ("rounds", "view_proposalupdate"),
        ("rounds", "add_proposalupdate"),
        ("rounds", "add_theme"),
        ("rounds", "change_theme"),
        ("rounds", "add_department"),
        ("rounds", "change_department"),
    ],
}
# Editors' rights on the whole page tree and on the root collection.
PAGE_PERMISSIONS = {EDITORS: ["add_page", "change_page", "publish_page"]}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ]
}
APPS_WITH_PERMISSIONS = ["rounds", "wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs"]


def ensure_permissions(apps, using):
    """Permissions are normally made after migrating; make the ones needed here now."""
    for label in APPS_WITH_PERMISSIONS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    using = schema_editor.connection.alias if schema_editor else "default"
    ensure_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, codename):
        return Permission.objects.using(using).get(
            content_type__app_label=app_label, codename=codename
        )

    roots = list(Page.objects.using(using).filter(depth=1))
    root_collection = Collection.objects.using(using).filter(depth=1).first()
    for name, permissions in PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.add(*(permission(*key) for key in permissions))
        for codename in PAGE_PERMISSIONS.get(name, []):
            for root in roots:
                GroupPagePermission.objects.using(using).get_or_create(
                    group=group, page=root, permission=permission("wagtailcore", codename)
                )
        for key in COLLECTION_PERMISSIONS.get(name, []) if root_collection else []:
            GroupCollectionPermission.objects.using(using).get_or_create(
                group=group, collection=root_collection, permission=permission(*key)
            )


def remove_groups(apps, schema_editor):
    using = schema_editor.connection.alias if schema_editor else "default"
    apps.get_model("auth", "Group").objects.using(using).filter(name__in=PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("rounds", "0002_proposals"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
