# The library's entries hold only the pages in their library's language (a page of
# another language below a library was never listed there): the counts of two filters
# or more are read from the values alone, joining no page (library_counts.py). The
# totals never counted those entries, so they are left as they are.

from django.db import migrations

FOREIGN = (
    "SELECT e.page_id FROM practices_libraryentry e "
    "JOIN wagtailcore_page p ON p.id = e.page_id "
    "JOIN wagtailcore_page l ON l.id = e.library_id "
    "WHERE p.locale_id <> l.locale_id"
)


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0007_library_value_library"),
    ]

    operations = [
        migrations.RunSQL(
            [
                f"DELETE FROM practices_libraryvalue WHERE entry_id IN ({FOREIGN})",
                f"DELETE FROM practices_libraryentry WHERE page_id IN ({FOREIGN})",
            ],
            migrations.RunSQL.noop,
        ),
    ]
