"""Realistic practices in four languages, in bulk: for benchmarks and query-count tests.

``generate_practices(10_000)`` writes them with ``bulk_create`` in batches (a few seconds on
PostgreSQL), replaces any earlier generated ones (slugs starting ``gen-``), then fills the
search index in one statement. Titles and summaries exist in it/en/fr/pt; the description in
the practice's original language, as a real submission would have it.
"""

import datetime as dt
import random
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from lookingup.cache import bump_content_version
from programmes.models import Programme

from .models import Call, GoodPractice, PracticeMaterial
from .services.search import index_all
from .taxonomy import ensure_themes

PREFIX = "gen-"
LANGUAGES = ("it", "en", "fr", "pt")
BATCH = 1000

# it, en, fr, pt; theme slugs; ESSGlobal sector
ACTIVITIES = [
    (
        ("Orti sociali", "Social gardens", "Jardins solidaires", "Hortas sociais"),
        ("food-short-supply-chains", "social-inclusion-job-placement"),
        "A01",
    ),
    (
        ("Emporio solidale", "Solidarity shop", "Épicerie solidaire", "Mercearia solidária"),
        ("social-inclusion-job-placement", "care"),
        "A07",
    ),
    (
        (
            "Cooperativa di comunità",
            "Community cooperative",
            "Coopérative de territoire",
            "Cooperativa comunitária",
        ),
        ("networking-community-economies", "local-participatory-development"),
        "A14",
    ),
    (
        ("Consegne in bicicletta", "Bike delivery", "Livraison à vélo", "Entregas de bicicleta"),
        ("alternative-digital-platforms", "ecological-transition"),
        "A08",
    ),
    (
        ("Mercato contadino", "Farmers' market", "Marché paysan", "Mercado de produtores"),
        ("food-short-supply-chains", "urban-rural-relations"),
        "A07",
    ),
    (
        (
            "Turismo di comunità",
            "Community tourism",
            "Tourisme communautaire",
            "Turismo comunitário",
        ),
        ("sustainable-tourism", "urban-rural-relations"),
        "A14",
    ),
    (
        ("Scuola popolare", "Popular school", "École populaire", "Escola popular"),
        ("training-popular-education",),
        "A16",
    ),
    (
        ("Energia condivisa", "Shared energy", "Énergie partagée", "Energia partilhada"),
        ("ecological-transition",),
        "A04",
    ),
    (
        (
            "Riuso e riparazione",
            "Reuse and repair",
            "Réemploi et réparation",
            "Reutilização e reparação",
        ),
        ("ecological-transition", "social-inclusion-job-placement"),
        "A05",
    ),
    (
        (
            "Assistenza domiciliare cooperativa",
            "Cooperative home care",
            "Aide à domicile coopérative",
            "Apoio domiciliário cooperativo",
        ),
        ("care",),
        "A17",
    ),
    (
        (
            "Laboratorio teatrale di quartiere",
            "Neighbourhood theatre workshop",
            "Atelier de théâtre de quartier",
            "Oficina de teatro de bairro",
        ),
        ("culture",),
        "A18",
    ),
    (
        (
            "Mensa scolastica a filiera corta",
            "Short-chain school canteen",
            "Cantine scolaire en circuit court",
            "Cantina escolar de circuito curto",
        ),
        ("public-procurement-social-impact", "food-short-supply-chains"),
        "A15",
    ),
    (
        (
            "Piattaforma di scambio locale",
            "Local exchange platform",
            "Plateforme d'échange locale",
            "Plataforma de troca local",
        ),
        ("alternative-digital-platforms", "networking-community-economies"),
        "A10",
    ),
    (
        (
            "Abitare collaborativo",
            "Collaborative housing",
            "Habitat participatif",
            "Habitação colaborativa",
        ),
        ("networking-community-economies",),
        "A12",
    ),
    (
        (
            "Fondo di microcredito",
            "Microcredit fund",
            "Fonds de microcrédit",
            "Fundo de microcrédito",
        ),
        ("social-inclusion-job-placement",),
        "A11",
    ),
]
ORGANISATIONS = [
    (
        (
            "Una cooperativa sociale",
            "A social cooperative",
            "Une coopérative sociale",
            "Uma cooperativa social",
        ),
        "social_cooperative",
    ),
    (("Un'associazione", "An association", "Une association", "Uma associação"), "association"),
    (
        (
            "Una rete di gruppi di acquisto",
            "A network of purchasing groups",
            "Un réseau de groupements d'achat",
            "Uma rede de grupos de compra",
        ),
        "network",
    ),
    (
        ("Un gruppo informale", "An informal group", "Un collectif informel", "Um grupo informal"),
        "informal",
    ),
    (
        (
            "Una fondazione di comunità",
            "A community foundation",
            "Une fondation territoriale",
            "Uma fundação comunitária",
        ),
        "foundation",
    ),
]
OUTCOMES = [
    (
        "lavoro stabile per persone svantaggiate",
        "stable jobs for disadvantaged people",
        "des emplois stables pour des personnes défavorisées",
        "emprego estável para pessoas desfavorecidas",
    ),
    (
        "meno rifiuti e più relazioni di vicinato",
        "less waste and more neighbourly ties",
        "moins de déchets et plus de liens de voisinage",
        "menos resíduos e mais laços de vizinhança",
    ),
    (
        "cibo sano a prezzi equi",
        "healthy food at fair prices",
        "une alimentation saine à prix juste",
        "comida saudável a preços justos",
    ),
    (
        "nuove competenze per i giovani",
        "new skills for young people",
        "de nouvelles compétences pour les jeunes",
        "novas competências para os jovens",
    ),
    (
        "servizi di prossimità nelle aree interne",
        "local services in inner areas",
        "des services de proximité dans les zones rurales",
        "serviços de proximidade no interior",
    ),
    (
        "decisioni condivise con il comune",
        "decisions shared with the municipality",
        "des décisions partagées avec la commune",
        "decisões partilhadas com o município",
    ),
]
SUMMARIES = (
    "{org} di {place} porta avanti dal {year} il progetto «{activity}», con {people} persone "
    "coinvolte: {outcome}.",
    "{org} in {place} has run the project “{activity}” since {year}, with {people} people "
    "involved: {outcome}.",
    "{org} de {place} mène depuis {year} le projet « {activity} », avec {people} personnes "
    "impliquées : {outcome}.",
    "{org} de {place} desenvolve desde {year} o projeto «{activity}», com {people} pessoas "
    "envolvidas: {outcome}.",
)
CONNECTORS = ("a", "in", "à", "em")
DESCRIPTIONS = {
    "it": "<p>Il progetto è nato da un bisogno del territorio e si regge su volontari, soci "
    "lavoratori e una rete di partner locali.</p><p>Punti di forza: {strength}.</p>",
    "en": "<p>The project grew out of a local need and relies on volunteers, worker members and "
    "a network of local partners.</p><p>Strengths: {strength}.</p>",
    "fr": "<p>Le projet est né d'un besoin du territoire et s'appuie sur des bénévoles, des "
    "salariés associés et un réseau de partenaires locaux.</p><p>Points forts : {strength}.</p>",
    "pt": "<p>O projeto nasceu de uma necessidade do território e apoia-se em voluntários, "
    "sócios trabalhadores e uma rede de parceiros locais.</p><p>Pontos fortes: {strength}.</p>",
}
# name, country, region, latitude, longitude, territory
PLACES = [
    ("Firenze", "IT", "Toscana", 43.7696, 11.2558, "urban"),
    ("Torino", "IT", "Piemonte", 45.0703, 7.6869, "urban"),
    ("Perugia", "IT", "Umbria", 43.1107, 12.3891, "mixed"),
    ("Lecce", "IT", "Puglia", 40.3515, 18.1750, "mixed"),
    ("Trento", "IT", "Trentino", 46.0748, 11.1217, "mixed"),
    ("Roma", "IT", "Lazio", 41.9028, 12.4964, "urban"),
    ("Matera", "IT", "Basilicata", 40.6663, 16.6043, "rural"),
    ("Cagliari", "IT", "Sardegna", 39.2238, 9.1217, "urban"),
    ("Lyon", "FR", "Auvergne-Rhône-Alpes", 45.7640, 4.8357, "urban"),
    ("Nantes", "FR", "Pays de la Loire", 47.2184, -1.5536, "urban"),
    ("Die", "FR", "Drôme", 44.7536, 5.3703, "rural"),
    ("Lisboa", "PT", "Lisboa", 38.7223, -9.1393, "urban"),
    ("Porto", "PT", "Norte", 41.1579, -8.6291, "urban"),
    ("Mértola", "PT", "Alentejo", 37.6415, -7.6603, "rural"),
    ("Timișoara", "RO", "Timiș", 45.7489, 21.2087, "urban"),
    ("Nagyvázsony", "HU", "Veszprém", 46.9833, 17.7000, "rural"),
    ("Leeuwarden", "NL", "Fryslân", 53.2012, 5.7999, "mixed"),
    ("Bruxelles", "BE", "Bruxelles", 50.8503, 4.3517, "urban"),
    ("Barcelona", "ES", "Catalunya", 41.3874, 2.1686, "urban"),
    ("Dakar", "SN", "Dakar", 14.7167, -17.4677, "urban"),
]
LANGUAGE_OF = {"IT": "it", "FR": "fr", "BE": "fr", "SN": "fr", "PT": "pt"}


def _practice(rng: random.Random, number: int, *, now, programmes, calls) -> GoodPractice:
    names, theme_slugs, sector = rng.choice(ACTIVITIES)
    org_names, legal_form = rng.choice(ORGANISATIONS)
    outcome = rng.choice(OUTCOMES)
    place, country, region, lat, lng, territory = rng.choice(PLACES)
    language = LANGUAGE_OF.get(country, "en")
    year, people = rng.randint(1995, 2024), rng.randint(3, 400)
    texts = {}
    for index, code in enumerate(LANGUAGES):
        texts[f"title_{code}"] = f"{names[index]} {CONNECTORS[index]} {place}"
        texts[f"summary_{code}"] = SUMMARIES[index].format(
            org=org_names[index],
            place=place,
            year=year,
            activity=names[index],
            people=people,
            outcome=outcome[index],
        )
    description = DESCRIPTIONS[language].format(strength=outcome[LANGUAGES.index(language)])
    programme = rng.choice(programmes) if programmes and rng.random() < 0.8 else None
    programme_calls = calls.get(programme.pk, []) if programme else []
    located = rng.random() < 0.8
    practice = GoodPractice(
        slug=f"{PREFIX}{number:05d}",
        title=texts[f"title_{language}"],
        summary=texts[f"summary_{language}"],
        description=description,
        **texts,
        **{f"description_{language}": description},
        original_language=language,
        organisation_name=f"{org_names[LANGUAGES.index(language)]} – {place}",
        country=country,
        region=region,
        place=place,
        territory=territory,
        latitude=Decimal(f"{lat + rng.uniform(-0.05, 0.05):.5f}") if located else None,
        longitude=Decimal(f"{lng + rng.uniform(-0.05, 0.05):.5f}") if located else None,
        sector=sector,
        legal_form=legal_form,
        year_started=year,
        people_involved=people,
        programme=programme,
        call=rng.choice(programme_calls) if programme_calls and rng.random() < 0.3 else None,
        visibility="partners" if rng.random() < 0.1 else "public",
        status="published",
        published_at=now - dt.timedelta(minutes=rng.randint(0, 6 * 365 * 24 * 60)),
    )
    practice._theme_slugs = theme_slugs
    practice._material_languages = rng.sample(LANGUAGES, rng.choice([0, 0, 1, 1, 2, 3]))
    return practice


def generate_practices(count: int, *, seed: int = 2024) -> int:
    """Replace the generated practices with ``count`` new ones; returns how many exist."""
    with transaction.atomic():
        _generate(count, seed=seed)
    if connection.vendor == "postgresql":
        table = GoodPractice._meta.db_table
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                # Fresh statistics, or the planner takes 10,000 rows for one.
                cursor.execute(f"ANALYZE {table}")
            else:
                # Filling the search vectors left a dead copy of every row: compact the table
                # (migration 0003 keeps the long text out of its pages) and analyse it.
                cursor.execute(f"VACUUM (FULL, ANALYZE) {table}")
    bump_content_version()
    return GoodPractice.objects.count()


def _generate(count: int, *, seed: int) -> None:
    rng = random.Random(seed)
    GoodPractice.objects.filter(slug__startswith=PREFIX).delete()
    now = timezone.now()
    programmes = list(Programme.objects.all())
    calls: dict[int, list] = {}
    for call in Call.objects.all():
        calls.setdefault(call.programme_id, []).append(call)
    themes = {slug: theme.pk for slug, theme in ensure_themes().items()}
    through = GoodPractice.themes.through
    for start in range(0, count, BATCH):
        batch = [
            _practice(rng, number, now=now, programmes=programmes, calls=calls)
            for number in range(start, min(start + BATCH, count))
        ]
        created = GoodPractice.objects.bulk_create(batch)
        through.objects.bulk_create(
            through(goodpractice_id=practice.pk, theme_id=themes[slug])
            for practice, source in zip(created, batch, strict=True)
            for slug in source._theme_slugs
            if slug in themes
        )
        PracticeMaterial.objects.bulk_create(
            PracticeMaterial(
                practice_id=practice.pk,
                title=f"{source.title} ({code.upper()})",
                language=code,
                kind="link",
                url=f"https://example.org/practices/{source.slug}-{code}.pdf",
                order=order,
            )
            for practice, source in zip(created, batch, strict=True)
            for order, code in enumerate(source._material_languages)
        )
    index_all()
