"""The GIN index of the full-text search (PostgreSQL only) and the seeded theme taxonomy."""

from django.db import migrations

# slug, ESSGlobal activity (where one fits), names in it / en / fr / pt
THEMES = [
    ("ecological-transition", "A05", "Transizione ecologica", "Ecological transition",
     "Transition écologique", "Transição ecológica"),
    ("local-participatory-development", "", "Sviluppo locale partecipativo",
     "Local participatory development", "Développement local participatif",
     "Desenvolvimento local participativo"),
    ("food-short-supply-chains", "A01", "Cibo e filiere corte", "Food and short supply chains",
     "Alimentation et circuits courts", "Alimentação e circuitos curtos"),
    ("urban-rural-relations", "", "Relazioni urbano-rurali", "Urban–rural relations",
     "Relations urbain–rural", "Relações urbano–rurais"),
    ("networking-community-economies", "", "Reti ed economie di comunità",
     "Networking and community economies", "Réseaux et économies communautaires",
     "Redes e economias comunitárias"),
    ("social-inclusion-job-placement", "A17", "Inclusione sociale e inserimento lavorativo",
     "Social inclusion and job placement", "Inclusion sociale et insertion professionnelle",
     "Inclusão social e inserção profissional"),
    ("sustainable-tourism", "A14", "Turismo sostenibile", "Sustainable tourism",
     "Tourisme durable", "Turismo sustentável"),
    ("public-procurement-social-impact", "A15", "Appalti pubblici a impatto sociale",
     "Public procurement with social impact", "Marchés publics à impact social",
     "Contratação pública com impacto social"),
    ("alternative-digital-platforms", "A10", "Piattaforme digitali alternative",
     "Alternative digital platforms", "Plateformes numériques alternatives",
     "Plataformas digitais alternativas"),
    ("culture", "A18", "Cultura", "Culture", "Culture", "Cultura"),
    ("care", "A17", "Cura", "Care", "Soin", "Cuidado"),
    ("training-popular-education", "A16", "Formazione ed educazione popolare",
     "Training and popular education", "Formation et éducation populaire",
     "Formação e educação popular"),
]


def seed_themes(apps, schema_editor):
    Theme = apps.get_model("goodpractices", "Theme")
    for order, (slug, essglobal, it, en, fr, pt) in enumerate(THEMES, start=1):
        Theme.objects.update_or_create(
            slug=slug,
            defaults={
                "essglobal_id": essglobal,
                "order": order,
                "name": it,
                "name_it": it,
                "name_en": en,
                "name_fr": fr,
                "name_pt": pt,
            },
        )


def create_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS goodpractice_search_gin "
            "ON goodpractices_goodpractice USING gin (search_vector)"
        )


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS goodpractice_search_gin")


class Migration(migrations.Migration):
    dependencies = [("goodpractices", "0001_initial")]

    operations = [
        migrations.RunPython(create_search_index, drop_search_index),
        migrations.RunPython(seed_themes, migrations.RunPython.noop),
    ]
