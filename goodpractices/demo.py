"""Demo data of the library: the practices the seed texts name, as published examples.

Read by ``manage.py load_demo`` (``load_practices``), after the programmes and sessions.
What the seeds say is kept as it is; where they only name a practice, the text is a plausible
example and the practice is marked ``is_example``. Links point at example.org.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from programmes.models import Organisation, Programme
from sessions_app.models import Session

from .models import Call, CallQuestion, GoodPractice, PracticeMaterial
from .taxonomy import ensure_themes

UTC = dt.UTC
LANGUAGES = ("it", "en", "fr", "pt")


def tr(it="", en="", fr="", pt="") -> dict:
    return {"it": it, "en": en, "fr": fr, "pt": pt}


@dataclass
class PracticeSpec:
    slug: str
    title: dict
    summary: dict
    original_language: str
    country: str
    place: str
    latitude: str
    longitude: str
    themes: tuple
    programme: str
    published: dt.datetime
    description: dict = field(default_factory=dict)
    strengths: dict = field(default_factory=dict)
    weaknesses: dict = field(default_factory=dict)
    region: str = ""
    territory: str = "urban"
    sector: str = ""
    legal_form: str = ""
    organisations: tuple = ()
    origin: str = "case_study"
    sessions: tuple = ()  # (programme slug, session key)
    materials: tuple = ()  # (order, language, title, url)
    visibility: str = "public"
    is_example: bool = False
    call: str = ""  # key of CALLS


PRESENTATION = {
    "it": "Presentazione di",
    "en": "Presentation by",
    "fr": "Présentation de",
    "pt": "Apresentação de",
}


def _slides(name: str, title: str, languages) -> tuple:
    """The SSE Academy's presentations, one per language (the seed gives each en/fr/pt)."""
    return tuple(
        (
            order,
            code,
            f"{PRESENTATION[code]} {title}",
            f"https://example.org/sse-academy/{name}-{code}.pdf",
        )
        for order, code in enumerate(languages)
    )


PRACTICES = [
    PracticeSpec(
        slug="coopcycle",
        title=tr(
            it="CoopCycle: consegne in bicicletta in cooperativa",
            en="CoopCycle: cooperative bike delivery",
            fr="CoopCycle : la livraison à vélo en coopérative",
            pt="CoopCycle: entregas de bicicleta em cooperativa",
        ),
        summary=tr(
            it="Una federazione di cooperative di logistica di prossimità che condivide un "
            "software di consegna open source, alternativo alle piattaforme delle grandi aziende "
            "del food tech.",
            en="A federation of local logistics cooperatives sharing open-source delivery "
            "software, an alternative platform to those of the large food-tech companies.",
            fr="Une fédération de coopératives de logistique de proximité qui partagent un "
            "logiciel de livraison libre, plateforme alternative à celles des géants de la food "
            "tech.",
            pt="Uma federação de cooperativas de logística de proximidade que partilham um "
            "software de entregas livre, plataforma alternativa às das grandes empresas de food "
            "tech.",
        ),
        description=tr(
            en="<p>CoopCycle is a service of sustainable transportation and logistics in close "
            "proximity. Its software lets delivery riders organise their work autonomously and "
            "set up the tool so that it serves their uses and needs.</p><p>It is developing as a "
            "federation of logistics cooperatives of riders specialised in last-mile bicycle "
            "delivery, which guarantees a fair remuneration and a mutualised social "
            "protection.</p>"
        ),
        strengths=tr(
            en="<ul><li>Riders own the tool and decide how it works.</li><li>Fair pay and shared "
            "social protection.</li></ul>"
        ),
        original_language="en",
        country="FR",
        place="Paris",
        latitude="48.85660",
        longitude="2.35220",
        themes=("alternative-digital-platforms", "networking-community-economies"),
        programme="sse-academy-2021-elective-6",
        sector="A08",
        legal_form="cooperative",
        organisations=("CoopCycle",),
        origin="session",
        sessions=(("sse-academy-2021-elective-6", "day-1"),),
        materials=_slides(
            "vercher-chaptal-alternative-platforms",
            "Corinne Vercher-Chaptal",
            ("en", "fr", "pt"),
        ),
        published=dt.datetime(2021, 12, 1, 9, 0, tzinfo=UTC),
    ),
    PracticeSpec(
        slug="casa-do-impacto",
        title=tr(
            it="Casa do Impacto: incubare imprese sociali a Lisbona",
            en="Casa do Impacto: incubating social enterprises in Lisbon",
            fr="Casa do Impacto : incuber des entreprises sociales à Lisbonne",
            pt="Casa do Impacto: incubar empresas sociais em Lisboa",
        ),
        summary=tr(
            it="Un polo di innovazione sociale che accompagna imprese sociali, presentato dalla "
            "sua fondatrice e direttrice Inês Sequeira.",
            en="A social innovation hub that supports social enterprises, presented by its "
            "founder and director Inês Sequeira.",
            fr="Un pôle d’innovation sociale qui accompagne des entreprises sociales, présenté "
            "par sa fondatrice et directrice Inês Sequeira.",
            pt="Um polo de inovação social que acompanha empresas sociais, apresentado pela sua "
            "fundadora e diretora Inês Sequeira.",
        ),
        description=tr(
            pt="<p>A incubação de empresas sociais como ferramenta de desenvolvimento local: o "
            "que está em jogo ao nível local para a justiça social e ambiental, e que "
            "instrumentos ajudam a avaliar o impacto social.</p>"
        ),
        original_language="pt",
        country="PT",
        place="Lisboa",
        latitude="38.72230",
        longitude="-9.13930",
        themes=("training-popular-education", "networking-community-economies"),
        programme="sse-academy-2021-elective-6",
        sector="A16",
        legal_form="social_enterprise",
        organisations=("Casa do Impacto",),
        origin="session",
        sessions=(("sse-academy-2021-elective-6", "day-2"),),
        is_example=True,
        published=dt.datetime(2021, 12, 1, 9, 5, tzinfo=UTC),
    ),
    PracticeSpec(
        slug="sos-group-senegal",
        title=tr(
            it="SOS Group: ESS e innovazione sociale in Senegal",
            en="SOS Group: SSE and social innovation in Senegal",
            fr="SOS Group : ESS et innovation sociale au Sénégal",
            pt="SOS Group: ESS e inovação social no Senegal",
        ),
        summary=tr(
            it="Innovazione sociale portata da pratiche tradizionali di ESS in Senegal, e il "
            "nuovo quadro giuridico senegalese sull’ESS.",
            en="Social innovation brought by traditional SSE practices in Senegal, and the "
            "country’s new legal framework on the SSE.",
            fr="L’innovation sociale portée par les pratiques traditionnelles de l’ESS au "
            "Sénégal, et le nouveau cadre juridique sénégalais de l’ESS.",
            pt="Inovação social trazida por práticas tradicionais de ESS no Senegal, e o novo "
            "quadro jurídico senegalês da ESS.",
        ),
        description=tr(
            fr="<p>Recherche « ESS et innovation sociale en Afrique » menée avec l’Unité des "
            "coopératives et le programme Finance sociale de l’OIT, et recommandations clés pour "
            "soutenir l’ESS et l’innovation sociale au Sénégal.</p>"
        ),
        original_language="fr",
        country="SN",
        place="Dakar",
        latitude="14.71670",
        longitude="-17.46770",
        themes=("networking-community-economies",),
        programme="sse-academy-2021-elective-6",
        territory="mixed",
        organisations=("SOS Group",),
        origin="session",
        sessions=(("sse-academy-2021-elective-6", "day-2"),),
        materials=_slides(
            "hartmann-dia-sse-africa",
            "Corinne Hartmann, Abdoul Alpha Dia",
            ("fr", "pt"),
        ),
        is_example=True,
        published=dt.datetime(2021, 12, 1, 9, 10, tzinfo=UTC),
    ),
    PracticeSpec(
        slug="rome-local-food-policy-councils",
        title=tr(
            it="Roma: consigli del cibo e appalti pubblici",
            en="Rome: local food policy councils and public procurement",
            fr="Rome : conseils de politique alimentaire et marchés publics",
            pt="Roma: conselhos de política alimentar e contratação pública",
        ),
        summary=tr(
            it="Il Distretto di economia sociale e solidale di Roma e i consigli locali del cibo, "
            "nel loro rapporto con gli appalti pubblici.",
            en="The Rome Social Solidarity Economy District and the local food policy councils, "
            "in their relation with public procurement.",
            fr="Le district de l’économie sociale et solidaire de Rome et les conseils locaux de "
            "politique alimentaire, dans leur relation aux marchés publics.",
            pt="O Distrito de Economia Social e Solidária de Roma e os conselhos locais de "
            "política alimentar, na sua relação com a contratação pública.",
        ),
        original_language="en",
        country="IT",
        region="Lazio",
        place="Roma",
        latitude="41.90280",
        longitude="12.49640",
        themes=("public-procurement-social-impact", "food-short-supply-chains"),
        programme="sse-academy-2021-elective-6",
        sector="A15",
        legal_form="network",
        organisations=("Rome Social Solidarity Economy District",),
        origin="session",
        sessions=(("sse-academy-2021-elective-6", "day-3"),),
        materials=_slides("damico-food-policy-councils", "Gabriella D’Amico", ("en", "fr", "pt")),
        published=dt.datetime(2021, 12, 1, 9, 15, tzinfo=UTC),
    ),
    PracticeSpec(
        slug="fryslan-dom-living-happiness",
        title=tr(
            it="Frisia: il metodo DOM per la «felicità di vivere»",
            en="Fryslân: the DOM method for “living happiness”",
            fr="Frise : la méthode DOM pour le « bonheur de vivre »",
            pt="Frísia: o método DOM para a «felicidade de viver»",
        ),
        summary=tr(
            it="Un sistema cooperativo che sostiene villaggi e amministrazioni comunali nel "
            "creare e diffondere benessere sul territorio, con un metodo collaborativo tra enti "
            "locali e cittadini.",
            en="A cooperative system that supports villages and municipal administrations in "
            "creating and spreading well-being in the territory, through a collaborative method "
            "between local authorities and citizens.",
            fr="Un système coopératif qui aide villages et communes à créer et diffuser le "
            "bien-être sur le territoire, par une méthode collaborative entre collectivités et "
            "habitants.",
            pt="Um sistema cooperativo que apoia aldeias e municípios a criar e difundir "
            "bem-estar no território, com um método colaborativo entre autarquias e cidadãos.",
        ),
        description=tr(
            it="<p>Vista dalla delegazione di 12 soggetti dell’economia solidale trentina nella "
            "visita studio in Frisia (novembre 2023), nel progetto INTERREG Europe GOCORE. "
            "Colpisce l’approccio dal basso con cui le iniziative sono promosse e co-create per "
            "migliorare le condizioni di vita nell’area.</p>"
        ),
        original_language="it",
        country="NL",
        region="Fryslân",
        place="Leeuwarden",
        latitude="53.20120",
        longitude="5.79990",
        themes=("local-participatory-development", "networking-community-economies"),
        programme="trentino-economia-solidale",
        territory="rural",
        sector="A15",
        legal_form="public_private",
        organisations=("Provincie Fryslân",),
        origin="study_visit",
        sessions=(("trentino-economia-solidale", "visita-fryslan"),),
        published=dt.datetime(2023, 12, 15, 10, 0, tzinfo=UTC),
    ),
    PracticeSpec(
        slug="trentino-solidarity-economy-districts",
        title=tr(
            it="I Distretti di economia solidale del Trentino",
            en="Trentino’s Solidarity Economy Districts",
            fr="Les districts d’économie solidaire du Trentin",
            pt="Os distritos de economia solidária do Trentino",
        ),
        summary=tr(
            it="Reti di soggetti di forme giuridiche diverse che dialogano con le amministrazioni "
            "pubbliche fuori dagli appalti; i workshop di Trento ne hanno fissato le priorità.",
            en="Networks of entities of different legal forms in dialogue with public "
            "administrations outside public procurement; the Trento workshops set their "
            "priorities.",
            fr="Des réseaux d’acteurs de formes juridiques diverses en dialogue avec les "
            "administrations hors marchés publics ; les ateliers de Trente ont fixé leurs "
            "priorités.",
            pt="Redes de entidades de formas jurídicas diferentes em diálogo com as "
            "administrações públicas fora da contratação pública; os workshops de Trento fixaram "
            "as prioridades.",
        ),
        description=tr(
            it="<p>Nei workshop del 23 gennaio e del 6 febbraio 2024 a Trento sono emerse quattro "
            "priorità: collaborazione tra soggetti di forme giuridiche diverse e coinvolgimento "
            "delle imprese profit; competenze per una gestione coordinata dei DES; estensione "
            "dell’inclusione sociale (l.p. 13/2007 e 13/2010) ad altri ambiti come il turismo "
            "sostenibile; interazione tra settori nei territori marginali.</p>"
        ),
        strengths=tr(it="<p>Forte dimensione sociale e inserimento lavorativo.</p>"),
        weaknesses=tr(
            it="<p>Scarsa presenza delle imprese profit; progetti poco conosciuti e impatti "
            "sottovalutati.</p>"
        ),
        original_language="it",
        country="IT",
        region="Trentino",
        place="Trento",
        latitude="46.07480",
        longitude="11.12170",
        themes=(
            "networking-community-economies",
            "social-inclusion-job-placement",
            "sustainable-tourism",
        ),
        programme="trentino-economia-solidale",
        territory="mixed",
        legal_form="network",
        organisations=("Provincia autonoma di Trento",),
        published=dt.datetime(2024, 2, 20, 10, 0, tzinfo=UTC),
    ),
    PracticeSpec(
        slug="coopterr-territorial-cooperation",
        title=tr(
            it="COOPTERR: cooperazione territoriale attraverso la cultura",
            en="COOPTERR: territorial cooperation through culture",
            fr="COOPTERR : la coopération territoriale par la culture",
            pt="COOPTERR: cooperação territorial através da cultura",
        ),
        summary=tr(
            it="Partenariato Erasmus+ che unisce cultura, ESS e coesione territoriale, dalla "
            "mobilità di Nagyvázsony alla formazione di Lisbona.",
            en="An Erasmus+ partnership combining culture, the SSE and territorial cohesion, from "
            "the mobility in Nagyvázsony to the training in Lisbon.",
            fr="Un partenariat Erasmus+ qui associe culture, ESS et cohésion territoriale, de la "
            "mobilité de Nagyvázsony à la formation de Lisbonne.",
            pt="Uma parceria Erasmus+ que junta cultura, ESS e coesão territorial, da mobilidade "
            "em Nagyvázsony à formação em Lisboa.",
        ),
        original_language="en",
        country="HU",
        place="Nagyvázsony",
        latitude="46.98330",
        longitude="17.70000",
        themes=("culture", "networking-community-economies"),
        programme="looking-up",
        territory="rural",
        sector="A18",
        legal_form="network",
        organisations=("Fekete Sereg", "UFISC", "Largo Residências", "RIPESS Europe"),
        is_example=True,
        published=dt.datetime(2024, 11, 5, 10, 0, tzinfo=UTC),
    ),
    PracticeSpec(
        slug="gruppi-di-acquisto-solidale-perugia",
        title=tr(
            it="Un gruppo di acquisto solidale di quartiere",
            en="A neighbourhood solidarity purchasing group",
            fr="Un groupe d’achat solidaire de quartier",
            pt="Um grupo de compra solidária de bairro",
        ),
        summary=tr(
            it="Famiglie che comprano insieme da produttori locali, incontrate nella residenza di "
            "Perugia di Reti solidali e competenti.",
            en="Households buying together from local producers, met during the Perugia residency "
            "of Reti solidali e competenti.",
            fr="Des familles qui achètent ensemble à des producteurs locaux, rencontrées lors de "
            "la résidence de Pérouse de Reti solidali e competenti.",
            pt="Famílias que compram em conjunto a produtores locais, encontradas na residência "
            "de Perúgia de Reti solidali e competenti.",
        ),
        original_language="it",
        country="IT",
        region="Umbria",
        place="Perugia",
        latitude="43.11070",
        longitude="12.38910",
        themes=("food-short-supply-chains", "ecological-transition"),
        programme="reti-solidali-e-competenti",
        sector="A07",
        legal_form="informal",
        is_example=True,
        published=dt.datetime(2023, 6, 1, 10, 0, tzinfo=UTC),
    ),
    PracticeSpec(
        slug="percorso-decarbonizzazione-hub-sud",
        title=tr(
            it="Un percorso di decarbonizzazione per le associazioni (note di tutoraggio)",
            en="A decarbonisation path for associations (tutoring notes)",
            fr="Un parcours de décarbonation pour les associations (notes de tutorat)",
            pt="Um percurso de descarbonização para associações (notas de tutoria)",
        ),
        summary=tr(
            it="Gli appunti del tutoraggio su richiesta dell’hub sud, riservati ai partner.",
            en="Notes from the on-demand tutoring of the southern hub, for partners only.",
            fr="Les notes du tutorat à la demande du pôle sud, réservées aux partenaires.",
            pt="As notas da tutoria a pedido do polo sul, reservadas aos parceiros.",
        ),
        original_language="it",
        country="IT",
        region="Puglia",
        place="Lecce",
        latitude="40.35150",
        longitude="18.17500",
        themes=("ecological-transition", "training-popular-education"),
        programme="reti-solidali-e-competenti",
        sector="A04",
        legal_form="association",
        visibility="partners",
        is_example=True,
        published=dt.datetime(2023, 7, 1, 10, 0, tzinfo=UTC),
    ),
    PracticeSpec(
        slug="emporio-solidale-di-comunita",
        title=tr(
            it="Emporio solidale di comunità",
            en="Community solidarity shop",
            fr="Épicerie solidaire de quartier",
            pt="Mercearia solidária comunitária",
        ),
        summary=tr(
            it="Una cooperativa sociale gestisce un emporio dove le famiglie in difficoltà fanno "
            "la spesa con una tessera a punti, e lo rende luogo di incontro del quartiere.",
            en="A social cooperative runs a shop where families in difficulty buy with a points "
            "card, and makes it a meeting place for the neighbourhood.",
            fr="Une coopérative sociale gère une épicerie où les familles en difficulté achètent "
            "avec une carte à points, et en fait un lieu de rencontre du quartier.",
            pt="Uma cooperativa social gere uma mercearia onde as famílias em dificuldade compram "
            "com um cartão de pontos, e faz dela um lugar de encontro do bairro.",
        ),
        original_language="it",
        country="IT",
        region="Emilia-Romagna",
        place="Bologna",
        latitude="44.49490",
        longitude="11.34260",
        themes=("social-inclusion-job-placement", "care"),
        programme="futuro-coop",
        sector="A17",
        legal_form="social_cooperative",
        organisations=("Legacoopsociali",),
        origin="call",
        call="welfare",
        is_example=True,
        published=dt.datetime(2018, 9, 1, 10, 0, tzinfo=UTC),
    ),
]

CALLS = {
    "case-studies": {
        "programme": "looking-up",
        "title": tr(
            it="Casi di studio per il workshop di capitalizzazione di Timișoara",
            en="Case studies for the capitalisation workshop in Timișoara",
            fr="Études de cas pour l’atelier de capitalisation de Timișoara",
            pt="Estudos de caso para o workshop de capitalização de Timișoara",
        ),
        "description": tr(
            en="Participants of the online sessions propose the practices of their territories, "
            "to be analysed as case studies (strengths and weaknesses) in Timișoara."
        ),
        "themes": (
            "local-participatory-development",
            "urban-rural-relations",
            "networking-community-economies",
        ),
        "opens": lambda today: dt.datetime.combine(today - dt.timedelta(days=7), dt.time(9), UTC),
        "closes": lambda today: dt.datetime.combine(
            today + dt.timedelta(days=45), dt.time(18), UTC
        ),
        "question": tr(
            it="Quali punti deboli volete discutere con gli altri partecipanti?",
            en="Which weaknesses would you like to discuss with the other participants?",
            fr="Quels points faibles souhaitez-vous discuter avec les autres participants ?",
            pt="Que pontos fracos gostariam de discutir com os outros participantes?",
        ),
    },
    "welfare": {
        "programme": "futuro-coop",
        "title": tr(
            it="Call tematica: raccontateci i vostri progetti di welfare di comunità",
            en="Thematic call: tell us about your community welfare projects",
            fr="Appel thématique : racontez-nous vos projets de protection sociale de proximité",
            pt="Convocatória temática: contem-nos os vossos projetos de bem-estar comunitário",
        ),
        "description": tr(
            it="Le cooperative sociali raccontano i progetti di innovazione sociale che nascono "
            "dalla loro azione quotidiana: la mappatura di Futuro.coop ne ha raccolti 135, di 104 "
            "cooperative."
        ),
        "themes": ("care", "social-inclusion-job-placement"),
        "opens": lambda today: dt.datetime(2018, 3, 1, 9, 0, tzinfo=UTC),
        "closes": lambda today: dt.datetime(2018, 6, 30, 18, 0, tzinfo=UTC),
    },
    "abitare": {
        "programme": "futuro-coop",
        "title": tr(
            it="Call tematica: abitare collaborativo e rigenerazione urbana",
            en="Thematic call: collaborative housing and urban regeneration",
            fr="Appel thématique : habitat collaboratif et régénération urbaine",
            pt="Convocatória temática: habitação colaborativa e regeneração urbana",
        ),
        "description": tr(
            it="La seconda fase di Futuro.coop rilancia il blog come spazio di narrazione: "
            "inviate i progetti di abitare collaborativo delle vostre cooperative."
        ),
        "themes": ("networking-community-economies", "local-participatory-development"),
        "opens": lambda today: dt.datetime.combine(today - dt.timedelta(days=15), dt.time(9), UTC),
        "closes": lambda today: dt.datetime.combine(
            today + dt.timedelta(days=60), dt.time(18), UTC
        ),
        "question": tr(
            it="Quante persone abitano o lavorano nel progetto?",
            en="How many people live or work in the project?",
        ),
    },
}


def _texts(name: str, values: dict) -> dict:
    return {f"{name}_{code}": values.get(code) or None for code in LANGUAGES}


def load_practices(upsert) -> None:
    """Create or update the demo calls and practices with ``upsert(model, lookup, values)``,
    which saves only what differs (load_demo's helper), so a second run changes nothing."""
    from lookingup.demo.specs import session_uid

    today = timezone.localdate()
    themes = ensure_themes()
    programmes = {p.slug: p for p in Programme.objects.all()}
    organisations = {o.name: o for o in Organisation.objects.all()}
    calls = {}
    for key, spec in CALLS.items():
        call = upsert(
            Call,
            {"programme": programmes[spec["programme"]], "title_it": spec["title"]["it"]},
            {
                **_texts("title", spec["title"]),
                **_texts("description", spec["description"]),
                "opens_at": spec["opens"](today),
                "closes_at": spec["closes"](today),
            },
        )
        _set_m2m(call.themes, [themes[slug] for slug in spec["themes"]])
        if "question" in spec:
            upsert(
                CallQuestion,
                {"call": call, "order": 1},
                {**_texts("text", spec["question"]), "required": True},
            )
        calls[key] = call
    for spec in PRACTICES:
        practice = upsert(
            GoodPractice,
            {"slug": spec.slug},
            {
                **_texts("title", spec.title),
                **_texts("summary", spec.summary),
                **_texts("description", spec.description),
                **_texts("strengths", spec.strengths),
                **_texts("weaknesses", spec.weaknesses),
                "original_language": spec.original_language,
                "country": spec.country,
                "region": spec.region,
                "place": spec.place,
                "territory": spec.territory,
                "latitude": spec.latitude,
                "longitude": spec.longitude,
                "sector": spec.sector,
                "legal_form": spec.legal_form,
                "origin": spec.origin,
                "programme": programmes[spec.programme],
                "call": calls[spec.call] if spec.call else None,
                "visibility": spec.visibility,
                "status": "published",
                "published_at": spec.published,
                "is_example": spec.is_example,
            },
        )
        _set_m2m(practice.themes, [themes[slug] for slug in spec.themes])
        _set_m2m(practice.organisations, [organisations[name] for name in spec.organisations])
        sessions = Session.objects.filter(
            uid__in=[session_uid(slug, key) for slug, key in spec.sessions]
        )
        _set_m2m(practice.sessions, list(sessions))
        for order, language, title, link in spec.materials:
            upsert(
                PracticeMaterial,
                {"practice": practice, "order": order, "language": language},
                {"title": title, "kind": "link", "url": link},
            )


def _set_m2m(manager, objects) -> None:
    if set(manager.values_list("pk", flat=True)) != {obj.pk for obj in objects}:
        manager.set(objects)
