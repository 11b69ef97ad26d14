"""The managed theme taxonomy: the themes the seed programmes name, with the ESSGlobal
activity that fits each, where one does (enums.ESSGLOBAL_ACTIVITIES).

Migration 0002 seeded these rows; ``ensure_themes`` puts back any that are missing (a test
database flushed between tests, a theme deleted by mistake) without touching edited names.
"""

from .models import Theme

# slug, ESSGlobal activity (where one fits), names in it / en / fr / pt
THEMES = [
    (
        "ecological-transition",
        "A05",
        "Transizione ecologica",
        "Ecological transition",
        "Transition écologique",
        "Transição ecológica",
    ),
    (
        "local-participatory-development",
        "",
        "Sviluppo locale partecipativo",
        "Local participatory development",
        "Développement local participatif",
        "Desenvolvimento local participativo",
    ),
    (
        "food-short-supply-chains",
        "A01",
        "Cibo e filiere corte",
        "Food and short supply chains",
        "Alimentation et circuits courts",
        "Alimentação e circuitos curtos",
    ),
    (
        "urban-rural-relations",
        "",
        "Relazioni urbano-rurali",
        "Urban–rural relations",
        "Relations urbain–rural",
        "Relações urbano–rurais",
    ),
    (
        "networking-community-economies",
        "",
        "Reti ed economie di comunità",
        "Networking and community economies",
        "Réseaux et économies communautaires",
        "Redes e economias comunitárias",
    ),
    (
        "social-inclusion-job-placement",
        "A17",
        "Inclusione sociale e inserimento lavorativo",
        "Social inclusion and job placement",
        "Inclusion sociale et insertion professionnelle",
        "Inclusão social e inserção profissional",
    ),
    (
        "sustainable-tourism",
        "A14",
        "Turismo sostenibile",
        "Sustainable tourism",
        "Tourisme durable",
        "Turismo sustentável",
    ),
    (
        "public-procurement-social-impact",
        "A15",
        "Appalti pubblici a impatto sociale",
        "Public procurement with social impact",
        "Marchés publics à impact social",
        "Contratação pública com impacto social",
    ),
    (
        "alternative-digital-platforms",
        "A10",
        "Piattaforme digitali alternative",
        "Alternative digital platforms",
        "Plateformes numériques alternatives",
        "Plataformas digitais alternativas",
    ),
    ("culture", "A18", "Cultura", "Culture", "Culture", "Cultura"),
    ("care", "A17", "Cura", "Care", "Soin", "Cuidado"),
    (
        "training-popular-education",
        "A16",
        "Formazione ed educazione popolare",
        "Training and popular education",
        "Formation et éducation populaire",
        "Formação e educação popular",
    ),
]


def ensure_themes() -> dict[str, Theme]:
    """Every theme of the taxonomy, by slug, creating the missing ones."""
    existing = {theme.slug: theme for theme in Theme.objects.all()}
    for order, (slug, essglobal, it, en, fr, pt) in enumerate(THEMES, start=1):
        if slug not in existing:
            existing[slug] = Theme.objects.create(
                slug=slug,
                essglobal_id=essglobal,
                order=order,
                name_it=it,
                name_en=en,
                name_fr=fr,
                name_pt=pt,
            )
    return existing
