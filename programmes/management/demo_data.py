"""Demo data: the five real programmes of ../shared/seeds/ and one upcoming demo edition.

Facts (names, dates, places, numbers, languages) come from the seed texts. Where a seed is
silent (exact days, hours, meeting links), the values are plausible placeholders, and every
meeting link points at example.org. Read by ``manage.py load_demo``.
"""

import datetime as dt
from dataclasses import dataclass, field


def tr(it: str = "", en: str = "", fr: str = "", pt: str = "") -> dict[str, str]:
    return {"it": it, "en": en, "fr": fr, "pt": pt}


@dataclass
class Org:
    name: str
    kind: str
    country: str
    website: str = ""


@dataclass
class SessionSpec:
    key: str
    title: dict
    kind: str
    start: dt.datetime  # naive, local to time_zone
    end: dt.datetime
    time_zone: str = "Europe/Rome"
    description: dict = field(default_factory=dict)
    city: str = ""
    country: str = ""
    venue: str = ""
    online: bool = False
    languages: tuple = ("it",)
    capacity: int | None = None
    registration_required: bool = False
    hours: str = "2"
    track: int | None = None  # index in the programme's tracks
    cohorts: tuple = ()  # cohort keys; empty: the whole programme
    materials: tuple = ()  # (order, language, title dict, url)


@dataclass
class CohortSpec:
    key: str
    name: dict
    capacity: int | None = None
    language: str = "it"
    time_zone: str = "Europe/Rome"


@dataclass
class ProgrammeSpec:
    slug: str
    title: dict
    summary: dict
    start: dt.date
    end: dt.date
    original_language: str
    languages: list
    funder: str | None = None
    funding_line: dict = field(default_factory=dict)
    description: dict = field(default_factory=dict)
    partners: list = field(default_factory=list)  # (organisation name, role)
    tracks: list = field(default_factory=list)  # title dicts
    cohorts: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    status: str = "published"
    enrolment_mode: str = "open"
    enrolment_opens_at: dt.datetime | None = None
    enrolment_closes_at: dt.datetime | None = None
    coordinated_by_demo_coordinator: bool = False


ORGANISATIONS = [
    Org("Solidarius Italia", "association", "IT"),
    Org("RIPESS Europe", "network", "LU"),
    Org("UFISC", "network", "FR"),
    Org("Fekete Sereg", "association", "HU"),
    Org("CRIES", "association", "RO"),
    Org("Largo Residências", "cooperative", "PT"),
    Org("European Commission", "public_body", "BE"),
    Org("Ministero del Lavoro e delle Politiche Sociali", "public_body", "IT"),
    Org("Provincia autonoma di Trento", "public_body", "IT"),
    Org("Provincie Fryslân", "public_body", "NL"),
    Org("International Training Centre of the ILO (ITCILO)", "other", "IT"),
    Org("Sorbonne Paris Nord University", "university", "FR"),
    Org("CoopCycle", "cooperative", "FR"),
    Org("Casa do Impacto", "social_enterprise", "PT"),
    Org("SOS Group", "social_enterprise", ""),
    Org("Rome Social Solidarity Economy District", "network", "IT"),
    Org("Legacoopsociali", "network", "IT"),
]

_ROME = "Europe/Rome"
_MEET = "https://meet.example.org/"

# --- LOOKING UP (seed 000) -------------------------------------------------------------------

LOOKING_UP_TRACKS = [
    tr(
        it="Sviluppo locale partecipativo e transizione ecologica",
        en="Local participatory development and ecological transition",
        fr="Développement local participatif et transition écologique",
        pt="Desenvolvimento local participativo e transição ecológica",
    ),
    tr(
        it="Relazioni urbano-rurali attraverso il cibo e le sue filiere",
        en="Urban-rural relations through food and its supply chains",
        fr="Relations urbain-rural à travers l’alimentation et ses filières",
        pt="Relações urbano-rurais através da alimentação e das suas cadeias de abastecimento",
    ),
    tr(
        it="Lavoro in rete ed economie solidali e di comunità nelle aree urbane e rurali",
        en="Networking and solidarity and community economies in urban and rural areas",
        fr="Mise en réseau et économies solidaires et communautaires en milieu urbain et rural",
        pt="Trabalho em rede e economias solidárias e comunitárias em áreas urbanas e rurais",
    ),
]

_LOOKING_UP_ONLINE = [
    (
        dt.date(2024, 10, 15),
        0,
        tr(
            it="Sviluppo locale di tipo partecipativo: LEADER e Gruppi di Azione Locale",
            en="Community-led local development: LEADER and Local Action Groups",
            fr="Développement local mené par les acteurs locaux : LEADER et groupes "
            "d’action locale",
            pt="Desenvolvimento local de base comunitária: LEADER e Grupos de Ação Local",
        ),
    ),
    (
        dt.date(2024, 11, 12),
        0,
        tr(
            it="Comunità energetiche e transizione ecologica",
            en="Energy communities and the ecological transition",
            fr="Communautés énergétiques et transition écologique",
            pt="Comunidades de energia e transição ecológica",
        ),
    ),
    (
        dt.date(2024, 12, 10),
        0,
        tr(
            it="Casi studio: punti di forza e di debolezza dei processi partecipativi",
            en="Case studies: strengths and weaknesses of participatory processes",
            fr="Études de cas : forces et faiblesses des démarches participatives",
            pt="Estudos de caso: pontos fortes e fracos dos processos participativos",
        ),
    ),
    (
        dt.date(2025, 1, 14),
        1,
        tr(
            it="Filiere corte e gruppi di acquisto solidale",
            en="Short food supply chains and solidarity purchasing groups",
            fr="Circuits courts et groupements d’achat solidaires",
            pt="Circuitos curtos e grupos de compras solidárias",
        ),
    ),
    (
        dt.date(2025, 2, 11),
        1,
        tr(
            it="Politiche locali del cibo e consigli del cibo",
            en="Local food policies and food councils",
            fr="Politiques alimentaires locales et conseils de politique alimentaire",
            pt="Políticas alimentares locais e conselhos de política alimentar",
        ),
    ),
    (
        dt.date(2025, 3, 11),
        1,
        tr(
            it="Agricoltura contadina e mercati urbani",
            en="Peasant agriculture and urban markets",
            fr="Agriculture paysanne et marchés urbains",
            pt="Agricultura camponesa e mercados urbanos",
        ),
    ),
    (
        dt.date(2025, 4, 8),
        2,
        tr(
            it="Costruire reti transnazionali di economia sociale e solidale",
            en="Building transnational social and solidarity economy networks",
            fr="Construire des réseaux transnationaux de l’économie sociale et solidaire",
            pt="Construir redes transnacionais de economia social e solidária",
        ),
    ),
    (
        dt.date(2025, 5, 6),
        2,
        tr(
            it="Economie di comunità nelle aree rurali",
            en="Community economies in rural areas",
            fr="Économies communautaires en milieu rural",
            pt="Economias comunitárias em áreas rurais",
        ),
    ),
    (
        dt.date(2025, 5, 27),
        2,
        tr(
            it="Distretti di economia solidale e reti urbane",
            en="Solidarity economy districts and urban networks",
            fr="Districts d’économie solidaire et réseaux urbains",
            pt="Distritos de economia solidária e redes urbanas",
        ),
    ),
]

_ALL_LANGUAGES = ("en", "it", "fr", "pt")

LOOKING_UP = ProgrammeSpec(
    slug="looking-up",
    title=tr(
        it="LOOKING UP – Un percorso formativo dalle esperienze di sviluppo locale alle "
        "strategie europee di Economia Sociale e Solidale",
        en="LOOKING UP – A training path from experiences of local development towards "
        "European Social Solidarity Economy strategies",
        fr="LOOKING UP – Un parcours de formation des expériences de développement local vers "
        "les stratégies européennes d’économie sociale et solidaire",
        pt="LOOKING UP – Um percurso formativo das experiências de desenvolvimento local às "
        "estratégias europeias de Economia Social e Solidária",
    ),
    summary=tr(
        it="Un progetto Erasmus+ che valorizza il patrimonio economico, sociale e culturale "
        "delle reti e delle organizzazioni territoriali dell’Economia Sociale e Solidale nel "
        "quadro della strategia europea di sviluppo locale partecipativo e multilivello. Un "
        "percorso formativo tra pari: un workshop co-progettato a Firenze, nove sessioni online "
        "in tre percorsi tematici, un workshop di capitalizzazione a Timișoara e un webinar "
        "finale con RIPESS Europe.",
        en="An Erasmus+ project that values the economic, social, cultural and capability "
        "heritage of Social Solidarity Economy networks and territorial organisations within "
        "the European strategy of participatory, multi-level local development. A peer-to-peer "
        "training path: a co-designed workshop in Florence, nine online sessions in three "
        "thematic tracks, a capitalisation workshop in Timișoara and a final webinar with "
        "RIPESS Europe.",
        fr="Un projet Erasmus+ qui valorise le patrimoine économique, social et culturel des "
        "réseaux et des organisations territoriales de l’économie sociale et solidaire dans le "
        "cadre de la stratégie européenne de développement local participatif et multiniveau. "
        "Un parcours de formation entre pairs : un atelier co-construit à Florence, neuf "
        "sessions en ligne en trois parcours thématiques, un atelier de capitalisation à "
        "Timișoara et un webinaire final avec RIPESS Europe.",
        pt="Um projeto Erasmus+ que valoriza o património económico, social e cultural das "
        "redes e organizações territoriais da Economia Social e Solidária no quadro da "
        "estratégia europeia de desenvolvimento local participativo e multinível. Um percurso "
        "formativo entre pares: um workshop co-desenhado em Florença, nove sessões online em "
        "três percursos temáticos, um workshop de capitalização em Timișoara e um webinar "
        "final com a RIPESS Europe.",
    ),
    description=tr(
        it="Per attivisti, volontari e lavoratori di piccole organizzazioni, associazioni, "
        "cooperative e Gruppi di Azione Locale radicati in aree rurali o urbane. I partecipanti "
        "incontrano esperienze simili in altri paesi dell’UE e le analizzano come casi studio, "
        "raccogliendone i punti di forza e di debolezza.",
        en="For activists, volunteers and workers of small organisations, associations, "
        "cooperatives and Local Action Groups rooted in rural or urban areas. Participants "
        "meet similar experiences in other EU countries and analyse them as case studies, "
        "gathering their strengths and weaknesses.",
        fr="Pour les militants, bénévoles et salariés de petites organisations, associations, "
        "coopératives et groupes d’action locale ancrés en milieu rural ou urbain. Les "
        "participants découvrent des expériences similaires dans d’autres pays de l’UE et les "
        "analysent comme des études de cas, en relevant leurs forces et leurs faiblesses.",
        pt="Para ativistas, voluntários e trabalhadores de pequenas organizações, associações, "
        "cooperativas e Grupos de Ação Local enraizados em áreas rurais ou urbanas. Os "
        "participantes conhecem experiências semelhantes noutros países da UE e analisam-nas "
        "como estudos de caso, recolhendo os seus pontos fortes e fracos.",
    ),
    start=dt.date(2024, 4, 1),
    end=dt.date(2025, 9, 30),
    original_language="en",
    languages=list(_ALL_LANGUAGES),
    funder="European Commission",
    funding_line=tr(it="Erasmus+ KA2", en="Erasmus+ KA2", fr="Erasmus+ KA2", pt="Erasmus+ KA2"),
    partners=[
        ("Solidarius Italia", "coordinator"),
        ("RIPESS Europe", "partner"),
        ("UFISC", "partner"),
        ("Fekete Sereg", "partner"),
        ("CRIES", "partner"),
        ("Largo Residências", "partner"),
    ],
    tracks=LOOKING_UP_TRACKS,
    cohorts=[
        CohortSpec(
            "participants",
            tr(it="Partecipanti", en="Participants", fr="Participants", pt="Participantes"),
            language="en",
        ),
    ],
    sessions=[
        SessionSpec(
            "florence-workshop",
            tr(
                it="Workshop di co-progettazione a Firenze",
                en="Co-designed workshop in Florence",
                fr="Atelier de co-construction à Florence",
                pt="Workshop de co-desenho em Florença",
            ),
            "workshop",
            dt.datetime(2024, 6, 18, 9, 30),
            dt.datetime(2024, 6, 20, 13, 0),
            city="Firenze",
            country="IT",
            languages=_ALL_LANGUAGES,
            hours="16",
            cohorts=("participants",),
        ),
        *[
            SessionSpec(
                f"online-{number}",
                title,
                "online",
                dt.datetime.combine(day, dt.time(16, 0)),
                dt.datetime.combine(day, dt.time(18, 0)),
                online=True,
                languages=("en",),
                hours="2",
                track=track,
                cohorts=("participants",),
            )
            for number, (day, track, title) in enumerate(_LOOKING_UP_ONLINE, start=1)
        ],
        SessionSpec(
            "timisoara-workshop",
            tr(
                it="Workshop di capitalizzazione a Timișoara",
                en="Capitalisation workshop in Timișoara",
                fr="Atelier de capitalisation à Timișoara",
                pt="Workshop de capitalização em Timișoara",
            ),
            "workshop",
            dt.datetime(2025, 6, 10, 9, 30),
            dt.datetime(2025, 6, 12, 13, 0),
            time_zone="Europe/Bucharest",
            city="Timișoara",
            country="RO",
            languages=_ALL_LANGUAGES,
            hours="16",
            cohorts=("participants",),
        ),
        SessionSpec(
            "final-webinar",
            tr(
                it="Webinar finale con RIPESS Europe",
                en="Final webinar with RIPESS Europe",
                fr="Webinaire final avec RIPESS Europe",
                pt="Webinar final com a RIPESS Europe",
            ),
            "webinar",
            dt.datetime(2025, 9, 23, 15, 0),
            dt.datetime(2025, 9, 23, 17, 0),
            online=True,
            languages=("en",),
            hours="2",
        ),
    ],
    coordinated_by_demo_coordinator=True,
)

# --- Reti solidali e competenti (seed 002) ---------------------------------------------------

_RETI_MODULES = [
    (
        0,
        tr(
            it="Le reti associative del Terzo settore dopo la pandemia",
            en="Third-sector associative networks after the pandemic",
            fr="Les réseaux associatifs du tiers secteur après la pandémie",
            pt="As redes associativas do terceiro setor depois da pandemia",
        ),
    ),
    (
        0,
        tr(
            it="Programmare e pianificare strategie di intervento territoriale",
            en="Programming and planning territorial intervention strategies",
            fr="Programmer et planifier des stratégies d’intervention territoriale",
            pt="Programar e planear estratégias de intervenção territorial",
        ),
    ),
    (
        0,
        tr(
            it="Servizi di supporto agli enti del Terzo settore",
            en="Support services for third-sector organisations",
            fr="Services d’appui aux organisations du tiers secteur",
            pt="Serviços de apoio às entidades do terceiro setor",
        ),
    ),
    (
        0,
        tr(
            it="Valutare l’impatto sociale, economico e ambientale",
            en="Assessing social, economic and environmental impact",
            fr="Évaluer l’impact social, économique et environnemental",
            pt="Avaliar o impacto social, económico e ambiental",
        ),
    ),
    (
        1,
        tr(
            it="Produzione e consumo dopo il COVID-19",
            en="Production and consumption after COVID-19",
            fr="Production et consommation après la COVID-19",
            pt="Produção e consumo depois da COVID-19",
        ),
    ),
    (
        1,
        tr(
            it="Gruppi di acquisto solidale e filiere corte",
            en="Solidarity purchasing groups and short supply chains",
            fr="Groupements d’achat solidaires et circuits courts",
            pt="Grupos de compras solidárias e circuitos curtos",
        ),
    ),
    (
        1,
        tr(
            it="Decarbonizzazione: strumenti per le organizzazioni",
            en="Decarbonisation: tools for organisations",
            fr="Décarbonation : des outils pour les organisations",
            pt="Descarbonização: ferramentas para as organizações",
        ),
    ),
    (
        1,
        tr(
            it="Gli Obiettivi per lo sviluppo sostenibile nei territori",
            en="The Sustainable Development Goals in the territories",
            fr="Les objectifs de développement durable dans les territoires",
            pt="Os Objetivos de Desenvolvimento Sustentável nos territórios",
        ),
    ),
    (
        2,
        tr(
            it="Cultura del volontariato e cittadinanza attiva",
            en="Volunteering culture and active citizenship",
            fr="Culture du bénévolat et citoyenneté active",
            pt="Cultura do voluntariado e cidadania ativa",
        ),
    ),
    (
        2,
        tr(
            it="Giovani, solidarietà e cooperazione internazionale",
            en="Young people, solidarity and international cooperation",
            fr="Jeunes, solidarité et coopération internationale",
            pt="Jovens, solidariedade e cooperação internacional",
        ),
    ),
    (
        2,
        tr(
            it="Resilienza e nuove forme di assistenza",
            en="Resilience and new forms of care",
            fr="Résilience et nouvelles formes d’accompagnement",
            pt="Resiliência e novas formas de assistência",
        ),
    ),
    (
        2,
        tr(
            it="Progettazione inclusiva dei territori",
            en="Inclusive design of the territories",
            fr="Conception inclusive des territoires",
            pt="Planeamento inclusivo dos territórios",
        ),
    ),
]
# One module a month (no August); the hubs meet on Tuesday, Wednesday and Thursday.
_RETI_MONTHS = [
    (2022, 3),
    (2022, 4),
    (2022, 5),
    (2022, 6),
    (2022, 7),
    (2022, 9),
    (2022, 10),
    (2022, 11),
    (2022, 12),
    (2023, 1),
    (2023, 2),
    (2023, 3),
]
_RETI_HUBS = [("nord", 0), ("centro", 1), ("sud", 2)]  # key, days after the module's Tuesday
_TUTORING_TOPICS = [
    tr(it="Decarbonizzazione", en="Decarbonisation", fr="Décarbonation", pt="Descarbonização"),
    tr(
        it="Gruppi di acquisto solidale",
        en="Solidarity purchasing groups",
        fr="Groupements d’achat solidaires",
        pt="Grupos de compras solidárias",
    ),
    tr(
        it="Reti territoriali e co-progettazione",
        en="Territorial networks and co-design",
        fr="Réseaux territoriaux et co-construction",
        pt="Redes territoriais e co-desenho",
    ),
    tr(
        it="Consumo responsabile",
        en="Responsible consumption",
        fr="Consommation responsable",
        pt="Consumo responsável",
    ),
    tr(
        it="Volontariato giovanile",
        en="Youth volunteering",
        fr="Bénévolat des jeunes",
        pt="Voluntariado jovem",
    ),
]
# The city as it is stored (Italian) and as each language names it.
_RESIDENCIES = [
    (tr(it="Torino", en="Turin", fr="Turin", pt="Turim"), dt.date(2023, 5, 18)),
    (tr(it="Firenze", en="Florence", fr="Florence", pt="Florença"), dt.date(2023, 6, 15)),
    (tr(it="Perugia", en="Perugia", fr="Pérouse", pt="Perugia"), dt.date(2023, 9, 21)),
    (tr(it="Lecce", en="Lecce", fr="Lecce", pt="Lecce"), dt.date(2023, 10, 19)),
]


def _second_tuesday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(1 - first.weekday()) % 7 + 7)


def _reti_sessions() -> list[SessionSpec]:
    sessions = []
    for number, ((track, topic), (year, month)) in enumerate(
        zip(_RETI_MODULES, _RETI_MONTHS, strict=True), start=1
    ):
        tuesday = _second_tuesday(year, month)
        for hub, offset in _RETI_HUBS:
            day = tuesday + dt.timedelta(days=offset)
            sessions.append(
                SessionSpec(
                    f"modulo-{number}-{hub}",
                    tr(
                        it=f"Modulo {number} – {topic['it']}",
                        en=f"Module {number} – {topic['en']}",
                        fr=f"Module {number} – {topic['fr']}",
                        pt=f"Módulo {number} – {topic['pt']}",
                    ),
                    "online",
                    dt.datetime.combine(day, dt.time(17, 30)),
                    dt.datetime.combine(day, dt.time(19, 30)),
                    online=True,
                    hours="2",
                    track=track,
                    cohorts=(hub,),
                )
            )
    for number in range(1, 11):
        topic = _TUTORING_TOPICS[(number - 1) % len(_TUTORING_TOPICS)]
        day = dt.date(2023, 4, 4) + dt.timedelta(weeks=2 * (number - 1))
        sessions.append(
            SessionSpec(
                f"tutoraggio-{number}",
                tr(
                    it=f"Tutoraggio on demand n. {number} – {topic['it']}",
                    en=f"On-demand tutoring no. {number} – {topic['en']}",
                    fr=f"Tutorat à la demande n° {number} – {topic['fr']}",
                    pt=f"Tutoria a pedido n.º {number} – {topic['pt']}",
                ),
                "tutoring",
                dt.datetime.combine(day, dt.time(18, 0)),
                dt.datetime.combine(day, dt.time(19, 30)),
                online=True,
                hours="1.5",
                capacity=30,
                registration_required=True,
            )
        )
    for city, day in _RESIDENCIES:
        sessions.append(
            SessionSpec(
                f"residenza-{city['it'].lower()}",
                tr(
                    it=f"Residenza a {city['it']}: workshop tematici su innovazione e impatto "
                    "sociale",
                    en=f"Residency in {city['en']}: thematic workshops on innovation and social "
                    "impact",
                    fr=f"Résidence à {city['fr']} : ateliers thématiques sur l’innovation et "
                    "l’impact social",
                    pt=f"Residência em {city['pt']}: workshops temáticos sobre inovação e impacto "
                    "social",
                ),
                "residency",
                dt.datetime.combine(day, dt.time(10, 0)),
                dt.datetime.combine(day + dt.timedelta(days=1), dt.time(17, 0)),
                city=city["it"],
                country="IT",
                hours="12",
                capacity=30,
                registration_required=True,
            )
        )
    return sessions


RETI_SOLIDALI = ProgrammeSpec(
    slug="reti-solidali-e-competenti",
    title=tr(
        it="Reti solidali e competenti",
        en="Reti solidali e competenti – Skilled solidarity networks",
        fr="Reti solidali e competenti – Réseaux solidaires et compétents",
        pt="Reti solidali e competenti – Redes solidárias e competentes",
    ),
    summary=tr(
        it="Rafforzare le reti territoriali locali promuovendo conoscenza sulle diverse forme "
        "della sostenibilità: economica, sociale, ambientale. Dodici moduli formativi da remoto "
        "in tre macro-azioni, replicati nei tre hub nord, centro e sud (2.160 persone), un "
        "tutoraggio on demand per 300 persone, quattro residenze a Torino, Firenze, Perugia e "
        "Lecce (120 persone) e una libreria digitale delle buone pratiche.",
        en="Strengthening local territorial networks by promoting knowledge of the different "
        "forms of sustainability: economic, social and environmental. Twelve remote training "
        "modules in three macro-actions, replicated in three hubs (north, centre and south) "
        "for 2,160 people, on-demand tutoring for 300 people, four residencies in Turin, "
        "Florence, Perugia and Lecce (120 people) and a digital library of good practices.",
        fr="Renforcer les réseaux territoriaux locaux en faisant connaître les différentes "
        "formes de durabilité : économique, sociale et environnementale. Douze modules de "
        "formation à distance en trois macro-actions, reproduits dans trois pôles (nord, centre "
        "et sud) pour 2 160 personnes, un tutorat à la demande pour 300 personnes, quatre "
        "résidences à Turin, Florence, Pérouse et Lecce (120 personnes) et une bibliothèque "
        "numérique de bonnes pratiques.",
        pt="Reforçar as redes territoriais locais promovendo o conhecimento das diferentes "
        "formas de sustentabilidade: económica, social e ambiental. Doze módulos de formação à "
        "distância em três macro-ações, replicados em três polos (norte, centro e sul) para "
        "2160 pessoas, tutoria a pedido para 300 pessoas, quatro residências em Turim, "
        "Florença, Perugia e Lecce (120 pessoas) e uma biblioteca digital de boas práticas.",
    ),
    description=tr(
        it="Per operatori, attivisti, volontari e dirigenti delle reti territoriali, "
        "rappresentanti del Terzo settore, studenti universitari e giovani dei territori "
        "coinvolti in attività solidali o interessati al volontariato, alla cooperazione "
        "internazionale e ai temi della sostenibilità.",
        en="For workers, activists, volunteers and leaders of territorial networks, "
        "representatives of the third sector, university students and young people of the "
        "territories involved in solidarity activities or interested in volunteering, "
        "international cooperation and sustainability.",
        fr="Pour les professionnels, militants, bénévoles et dirigeants des réseaux "
        "territoriaux, les représentants du tiers secteur, les étudiants et les jeunes des "
        "territoires engagés dans des activités solidaires ou intéressés par le bénévolat, la "
        "coopération internationale et les questions de durabilité.",
        pt="Para profissionais, ativistas, voluntários e dirigentes das redes territoriais, "
        "representantes do terceiro setor, estudantes universitários e jovens dos territórios "
        "envolvidos em atividades solidárias ou interessados no voluntariado, na cooperação "
        "internacional e nos temas da sustentabilidade.",
    ),
    start=dt.date(2022, 1, 1),
    end=dt.date(2023, 12, 31),
    original_language="it",
    languages=["it"],
    funder="Ministero del Lavoro e delle Politiche Sociali",
    tracks=[
        tr(
            it="Macro-azione 1 – Reti del Terzo settore e capacity building",
            en="Macro-action 1 – Third-sector networks and capacity building",
            fr="Macro-action 1 – Réseaux du tiers secteur et renforcement des capacités",
            pt="Macro-ação 1 – Redes do terceiro setor e reforço de capacidades",
        ),
        tr(
            it="Macro-azione 2 – Consumo sostenibile e responsabile",
            en="Macro-action 2 – Sustainable and responsible consumption",
            fr="Macro-action 2 – Consommation durable et responsable",
            pt="Macro-ação 2 – Consumo sustentável e responsável",
        ),
        tr(
            it="Macro-azione 3 – Volontariato e cittadinanza attiva",
            en="Macro-action 3 – Volunteering and active citizenship",
            fr="Macro-action 3 – Bénévolat et citoyenneté active",
            pt="Macro-ação 3 – Voluntariado e cidadania ativa",
        ),
    ],
    cohorts=[
        CohortSpec(
            "nord", tr(it="Hub Nord", en="North hub", fr="Pôle Nord", pt="Polo Norte"), capacity=720
        ),
        CohortSpec(
            "centro",
            tr(it="Hub Centro", en="Centre hub", fr="Pôle Centre", pt="Polo Centro"),
            capacity=720,
        ),
        CohortSpec(
            "sud", tr(it="Hub Sud", en="South hub", fr="Pôle Sud", pt="Polo Sul"), capacity=720
        ),
    ],
    sessions=_reti_sessions(),
)

# --- Trentino solidarity economy (seed 003) --------------------------------------------------

_DES_WORKSHOP = tr(
    it="Workshop locale: priorità politiche per i cluster dell’economia sociale e solidale",
    en="Local workshop: political priorities for social and solidarity economy clusters",
    fr="Atelier local : priorités politiques pour les clusters de l’économie sociale et solidaire",
    pt="Workshop local: prioridades políticas para os clusters da economia social e solidária",
)

TRENTINO = ProgrammeSpec(
    slug="trentino-economia-solidale",
    title=tr(
        it="Concreta e sostenibile: in viaggio con l’economia solidale",
        en="Concrete and sustainable: travelling with the solidarity economy",
        fr="Concrète et durable : voyager avec l’économie solidaire",
        pt="Concreta e sustentável: viajar com a economia solidária",
    ),
    summary=tr(
        it="Incontri formativi e visite studio in Italia e all’estero per i soggetti "
        "dell’economia solidale trentina, per comprendere opportunità e sfide dell’economia "
        "solidale a livello europeo, nell’ambito del progetto INTERREG Europe GOCORE. Il "
        "percorso si è chiuso con la visita studio in Frisia (novembre 2023) e con due workshop "
        "locali a Trento sulle priorità politiche per i Distretti di economia solidale (DES).",
        en="Training meetings and study visits in Italy and abroad for the stakeholders of the "
        "Trentino solidarity economy, to understand the opportunities and challenges of the "
        "solidarity economy at EU level, within the INTERREG Europe GOCORE project. It closed "
        "with a study visit to Fryslân (November 2023) and two local workshops in Trento on "
        "the political priorities for Solidarity Economy Districts (DES).",
        fr="Des rencontres de formation et des visites d’étude en Italie et à l’étranger pour "
        "les acteurs de l’économie solidaire du Trentin, afin de comprendre les opportunités et "
        "les défis de l’économie solidaire à l’échelle européenne, dans le cadre du projet "
        "INTERREG Europe GOCORE. Le parcours s’est achevé par une visite d’étude en Frise "
        "(novembre 2023) et deux ateliers locaux à Trente sur les priorités politiques des "
        "districts d’économie solidaire (DES).",
        pt="Encontros de formação e visitas de estudo em Itália e no estrangeiro para os atores "
        "da economia solidária do Trentino, para compreender as oportunidades e os desafios da "
        "economia solidária a nível europeu, no âmbito do projeto INTERREG Europe GOCORE. O "
        "percurso terminou com uma visita de estudo à Frísia (novembro de 2023) e dois "
        "workshops locais em Trento sobre as prioridades políticas para os Distritos de "
        "Economia Solidária (DES).",
    ),
    start=dt.date(2023, 3, 1),
    end=dt.date(2024, 2, 29),
    original_language="it",
    languages=["it"],
    funder="Provincia autonoma di Trento",
    funding_line=tr(
        it="INTERREG Europe – GOCORE (GOVERning COmmunity REsilience)",
        en="INTERREG Europe – GOCORE (GOVERning COmmunity REsilience)",
        fr="INTERREG Europe – GOCORE (GOVERning COmmunity REsilience)",
        pt="INTERREG Europe – GOCORE (GOVERning COmmunity REsilience)",
    ),
    partners=[("Provincia autonoma di Trento", "coordinator"), ("Provincie Fryslân", "partner")],
    cohorts=[
        CohortSpec(
            "stakeholder",
            tr(
                it="Soggetti dell’economia solidale trentina",
                en="Trentino solidarity economy stakeholders",
                fr="Acteurs de l’économie solidaire du Trentin",
                pt="Atores da economia solidária do Trentino",
            ),
        ),
    ],
    sessions=[
        SessionSpec(
            "visita-fryslan",
            tr(
                it="Visita studio in Frisia (Fryslân)",
                en="Study visit to Fryslân",
                fr="Visite d’étude en Frise (Fryslân)",
                pt="Visita de estudo à Frísia (Fryslân)",
            ),
            "study_visit",
            dt.datetime(2023, 11, 14, 9, 0),
            dt.datetime(2023, 11, 16, 18, 0),
            time_zone="Europe/Amsterdam",
            city="Leeuwarden",
            country="NL",
            hours="20",
            capacity=12,
            registration_required=True,
            cohorts=("stakeholder",),
            description=tr(
                it="Una delegazione di 12 soggetti dell’economia solidale trentina in visita "
                "alla Provincia di Fryslân, partner olandese di GOCORE: l’approccio dal basso e "
                "il metodo di collaborazione DOM tra comuni e cittadini.",
                en="A delegation of 12 Trentino solidarity economy stakeholders visits the "
                "Province of Fryslân, GOCORE’s Dutch partner: the bottom-up approach and the "
                "DOM collaboration method between municipalities and citizens.",
                fr="Une délégation de 12 acteurs de l’économie solidaire du Trentin en visite "
                "dans la province de Fryslân, partenaire néerlandais de GOCORE : l’approche "
                "ascendante et la méthode de collaboration DOM entre communes et citoyens.",
                pt="Uma delegação de 12 atores da economia solidária do Trentino visita a "
                "Província da Frísia (Fryslân), parceira neerlandesa do GOCORE: a abordagem de "
                "baixo para cima e o método de colaboração DOM entre municípios e cidadãos.",
            ),
        ),
        *[
            SessionSpec(
                f"workshop-trento-{number}",
                {lang: f"{text} ({number}/2)" for lang, text in _DES_WORKSHOP.items()},
                "local_workshop",
                dt.datetime.combine(day, dt.time(9, 30)),
                dt.datetime.combine(day, dt.time(13, 0)),
                city="Trento",
                country="IT",
                hours="3.5",
                cohorts=("stakeholder",),
            )
            for number, day in ((1, dt.date(2024, 1, 23)), (2, dt.date(2024, 2, 6)))
        ],
    ],
)

# --- 12th SSE Academy, Elective 6 (seed 004) -------------------------------------------------

_ELECTIVE_URL = "https://example.org/sse-academy-2021/elective-6/"


def _presentation(order: int, speakers: list[str], languages: tuple, slug: str) -> tuple:
    def names(conjunction: str) -> str:
        return f" {conjunction} ".join(speakers)

    titles = tr(
        it=f"Presentazione di {names('e')}",
        en=f"Presentation by {names('and')}",
        fr=f"Présentation de {names('et')}",
        pt=f"Apresentação de {names('e')}",
    )
    return tuple((order, lang, titles, f"{_ELECTIVE_URL}{slug}-{lang}.pdf") for lang in languages)


_TRILINGUAL = ("en", "fr", "pt")

SSE_ACADEMY = ProgrammeSpec(
    slug="sse-academy-2021-elective-6",
    title=tr(
        it="12ª Accademia sull’Economia Sociale e Solidale – Corso elettivo 6: ESS, sviluppo "
        "economico locale e innovazione sociale",
        en="12th Academy on Social and Solidarity Economy – Elective 6: SSE, Local Economic "
        "Development and social innovation",
        fr="12e Académie sur l’économie sociale et solidaire – Cours optionnel 6 : ESS, "
        "développement économique local et innovation sociale",
        pt="12.ª Academia sobre Economia Social e Solidária – Eletiva 6: ESS, desenvolvimento "
        "económico local e inovação social",
    ),
    summary=tr(
        it="Il sesto corso elettivo della 12ª Accademia sull’ESS ha analizzato il nesso tra "
        "sviluppo economico locale, innovazione sociale ed Economia Sociale e Solidale, "
        "attraverso casi come CoopCycle, Casa do Impacto, SOS Group e il Distretto di economia "
        "sociale e solidale di Roma. Tre giornate, offerte in inglese, francese e portoghese, "
        "preparate e facilitate da Martin Gasser (ITCILO).",
        en="The sixth elective of the 12th SSE Academy analysed the nexus between Local "
        "Economic Development, social innovation and the Social and Solidarity Economy, "
        "through cases such as CoopCycle, Casa do Impacto, SOS Group and the Rome SSE District. "
        "Three days, offered in English, French and Portuguese, prepared, coordinated and "
        "facilitated by Mr. Martin Gasser (ITCILO).",
        fr="Le sixième cours optionnel de la 12e Académie de l’ESS a analysé les liens entre "
        "développement économique local, innovation sociale et économie sociale et solidaire, "
        "à travers des cas comme CoopCycle, Casa do Impacto, SOS Group et le district de l’ESS "
        "de Rome. Trois jours, proposés en anglais, en français et en portugais, préparés et "
        "animés par M. Martin Gasser (CIF-OIT).",
        pt="A sexta eletiva da 12.ª Academia de ESS analisou a relação entre desenvolvimento "
        "económico local, inovação social e Economia Social e Solidária, através de casos como "
        "a CoopCycle, a Casa do Impacto, o SOS Group e o Distrito de ESS de Roma. Três dias, "
        "oferecidos em inglês, francês e português, preparados e facilitados por Martin Gasser "
        "(CIF-OIT).",
    ),
    start=dt.date(2021, 11, 22),
    end=dt.date(2021, 11, 24),
    original_language="en",
    languages=list(_TRILINGUAL),
    funder="International Training Centre of the ILO (ITCILO)",
    funding_line=tr(
        it="12ª Accademia ESS",
        en="12th SSE Academy",
        fr="12e Académie de l’ESS",
        pt="12.ª Academia de ESS",
    ),
    partners=[
        ("International Training Centre of the ILO (ITCILO)", "coordinator"),
        ("RIPESS Europe", "partner"),
        ("Sorbonne Paris Nord University", "associated"),
        ("CoopCycle", "associated"),
        ("Casa do Impacto", "associated"),
        ("SOS Group", "associated"),
        ("Rome Social Solidarity Economy District", "associated"),
    ],
    cohorts=[
        CohortSpec(
            "en",
            tr(
                it="Gruppo in inglese",
                en="English group",
                fr="Groupe anglophone",
                pt="Grupo em inglês",
            ),
            language="en",
        ),
        CohortSpec(
            "fr",
            tr(
                it="Gruppo in francese",
                en="French group",
                fr="Groupe francophone",
                pt="Grupo em francês",
            ),
            language="fr",
        ),
        CohortSpec(
            "pt",
            tr(
                it="Gruppo in portoghese",
                en="Portuguese group",
                fr="Groupe lusophone",
                pt="Grupo em português",
            ),
            language="pt",
        ),
    ],
    sessions=[
        SessionSpec(
            "day-1",
            tr(
                it="Giorno 1 – Piattaforme alternative per la transizione sociale e ambientale",
                en="Day 1 – Alternative platforms for social and environmental transition",
                fr="Jour 1 – Plateformes alternatives pour la transition sociale et écologique",
                pt="Dia 1 – Plataformas alternativas para a transição social e ambiental",
            ),
            "webinar",
            dt.datetime(2021, 11, 22, 13, 0),
            dt.datetime(2021, 11, 22, 16, 0),
            online=True,
            languages=_TRILINGUAL,
            hours="3",
            description=tr(
                it="Laura Aufrère (Università Sorbonne Paris Nord, Comitato scientifico europeo "
                "di RIPESS) su come inquadrare l’innovazione sociale e l’ESS per la giustizia "
                "sociale e ambientale; Corinne Vercher-Chaptal (TAPAS – There Are Platforms as "
                "AlternativeS) sulle piattaforme alternative e il caso di CoopCycle.",
                fr="Mme Laura Aufrère (Université Sorbonne Paris Nord, comité scientifique "
                "européen du RIPESS) sur la manière de penser l’innovation sociale et l’ESS au "
                "service de la justice sociale et environnementale ; Mme Corinne Vercher-Chaptal "
                "(TAPAS – There Are Platforms as AlternativeS) sur les plateformes alternatives "
                "et le cas de CoopCycle.",
                pt="Laura Aufrère (Universidade Sorbonne Paris Nord, Comité Científico Europeu "
                "da RIPESS) sobre como enquadrar a inovação social e a ESS ao serviço da justiça "
                "social e ambiental; Corinne Vercher-Chaptal (TAPAS – There Are Platforms as "
                "AlternativeS) sobre as plataformas alternativas e o caso da CoopCycle.",
                en="Ms. Laura Aufrère (Sorbonne Paris Nord University, EU Scientific Committee "
                "of RIPESS) on framing social innovation and the SSE for social and "
                "environmental justice; Ms. Corinne Vercher-Chaptal (TAPAS – There Are "
                "Platforms as AlternativeS) on alternative platforms and the case of CoopCycle.",
            ),
            materials=(
                *_presentation(1, ["Laura Aufrère"], _TRILINGUAL, "aufrere"),
                *_presentation(2, ["Corinne Vercher-Chaptal"], _TRILINGUAL, "vercher-chaptal"),
            ),
        ),
        SessionSpec(
            "day-2",
            tr(
                it="Giorno 2 – Innovazione sociale attraverso l’incubazione di imprese sociali",
                en="Day 2 – Social innovation through social enterprise incubation",
                fr="Jour 2 – L’innovation sociale par l’incubation d’entreprises sociales",
                pt="Dia 2 – Inovação social através da incubação de empresas sociais",
            ),
            "webinar",
            dt.datetime(2021, 11, 23, 13, 0),
            dt.datetime(2021, 11, 23, 16, 0),
            online=True,
            languages=_TRILINGUAL,
            hours="3",
            description=tr(
                it="Inês Sequeira presenta Casa do Impacto (Portogallo); Corinne Hartmann e "
                "Abdoul Alpha Dia (SOS Group) sull’ESS e l’innovazione sociale in Africa e sul "
                "nuovo quadro giuridico dell’ESS in Senegal.",
                fr="Mme Inês Sequeira présente Casa do Impacto (Portugal) ; Mme Corinne Hartmann "
                "et M. Abdoul Alpha Dia (SOS Group) sur l’ESS et l’innovation sociale en Afrique "
                "et le nouveau cadre juridique de l’ESS au Sénégal.",
                pt="Inês Sequeira apresenta a Casa do Impacto (Portugal); Corinne Hartmann e "
                "Abdoul Alpha Dia (SOS Group) sobre a ESS e a inovação social em África e o novo "
                "quadro jurídico da ESS no Senegal.",
                en="Ms. Inês Sequeira presents Casa do Impacto (Portugal); Ms. Corinne Hartmann "
                "and Mr. Abdoul Alpha Dia (SOS Group) on SSE and social innovation in Africa "
                "and the new legal framework on SSE in Senegal.",
            ),
            materials=_presentation(
                1, ["Corinne Hartmann", "Abdoul Alpha Dia"], ("fr", "pt"), "hartmann-dia"
            ),
        ),
        SessionSpec(
            "day-3",
            tr(
                it="Giorno 3 – Appalti pubblici a impatto sociale a livello locale",
                en="Day 3 – Public procurement with social impact at the local level",
                fr="Jour 3 – Marchés publics à impact social au niveau local",
                pt="Dia 3 – Contratação pública com impacto social a nível local",
            ),
            "webinar",
            dt.datetime(2021, 11, 24, 13, 0),
            dt.datetime(2021, 11, 24, 16, 0),
            online=True,
            languages=_TRILINGUAL,
            hours="3",
            description=tr(
                it="Jason Nardi (RIPESS Europe) su esempi internazionali di appalti pubblici a "
                "impatto sociale; Gabriella D’Amico (Distretto dell’economia sociale e solidale "
                "di Roma) sui Consigli locali del cibo a Roma.",
                fr="M. Jason Nardi (RIPESS Europe) sur des exemples internationaux de marchés "
                "publics à impact social ; Mme Gabriella D’Amico (district de l’économie sociale "
                "et solidaire de Rome) sur les conseils de politique alimentaire locale à Rome.",
                pt="Jason Nardi (RIPESS Europe) sobre exemplos internacionais de contratação "
                "pública com impacto social; Gabriella D’Amico (Distrito de Economia Social e "
                "Solidária de Roma) sobre os Conselhos Locais de Política Alimentar em Roma.",
                en="Mr. Jason Nardi (RIPESS Europe) on international examples of public "
                "procurement with social impact; Ms. Gabriella D’Amico (Rome Social Solidarity "
                "Economy District) on the Local Food Policy Councils in Rome.",
            ),
            materials=_presentation(1, ["Gabriella D’Amico"], _TRILINGUAL, "damico"),
        ),
    ],
)

# --- Futuro.coop (seed 001) ------------------------------------------------------------------

FUTURO_COOP = ProgrammeSpec(
    slug="futuro-coop",
    title=tr(
        it="Futuro.coop – Buone pratiche di innovazione sociale delle cooperative sociali",
        en="Futuro.coop – Social innovation good practices of social cooperatives",
        fr="Futuro.coop – Bonnes pratiques d’innovation sociale des coopératives sociales",
        pt="Futuro.coop – Boas práticas de inovação social das cooperativas sociais",
    ),
    summary=tr(
        it="Ricerca, mappatura e valorizzazione delle buone pratiche di innovazione sociale "
        "delle cooperative sociali. La prima fase, coordinata da Andrea Bernardoni "
        "(Legacoopsociali), ha analizzato in diciotto mesi 135 progetti di 104 cooperative, tra "
        "call pubblica, workshop nazionali e incontri territoriali; la seconda rilancia il blog "
        "futuro.coop con call tematiche.",
        en="Research, mapping and promotion of the social innovation good practices of social "
        "cooperatives. The first phase, coordinated by Andrea Bernardoni (Legacoopsociali), "
        "analysed 135 projects by 104 cooperatives over eighteen months through a public call, "
        "national workshops and territorial meetings; the second relaunches the futuro.coop "
        "blog with thematic calls.",
        fr="Recherche, cartographie et valorisation des bonnes pratiques d’innovation sociale "
        "des coopératives sociales. La première phase, coordonnée par Andrea Bernardoni "
        "(Legacoopsociali), a analysé en dix-huit mois 135 projets de 104 coopératives, à "
        "travers un appel public, des ateliers nationaux et des rencontres territoriales ; la "
        "seconde relance le blog futuro.coop avec des appels thématiques.",
        pt="Investigação, mapeamento e valorização das boas práticas de inovação social das "
        "cooperativas sociais. A primeira fase, coordenada por Andrea Bernardoni "
        "(Legacoopsociali), analisou em dezoito meses 135 projetos de 104 cooperativas, "
        "através de um concurso público, workshops nacionais e encontros territoriais; a "
        "segunda relança o blogue futuro.coop com concursos temáticos.",
    ),
    start=dt.date(2017, 3, 1),
    end=dt.date(2027, 6, 30),
    original_language="it",
    languages=["it"],
    funder="Legacoopsociali",
    partners=[("Legacoopsociali", "coordinator")],
    enrolment_mode="approval",
    tracks=[
        tr(
            it="Prima fase: ricerca e mappatura (2017–2018)",
            en="First phase: research and mapping (2017–2018)",
            fr="Première phase : recherche et cartographie (2017–2018)",
            pt="Primeira fase: investigação e mapeamento (2017–2018)",
        ),
        tr(
            it="Seconda fase: call tematiche e blog futuro.coop",
            en="Second phase: thematic calls and the futuro.coop blog",
            fr="Deuxième phase : appels thématiques et blog futuro.coop",
            pt="Segunda fase: concursos temáticos e blogue futuro.coop",
        ),
    ],
    sessions=[
        SessionSpec(
            "workshop-nazionale-call",
            tr(
                it="Workshop nazionale: lancio della call pubblica",
                en="National workshop: launch of the public call",
                fr="Atelier national : lancement de l’appel public",
                pt="Workshop nacional: lançamento do concurso público",
            ),
            "workshop",
            dt.datetime(2017, 5, 18, 10, 0),
            dt.datetime(2017, 5, 18, 17, 0),
            city="Roma",
            country="IT",
            hours="6",
            track=0,
        ),
        *[
            SessionSpec(
                f"incontro-{city['it'].lower()}",
                tr(
                    it=f"Incontro territoriale a {city['it']}: le pratiche delle cooperative "
                    "sociali",
                    en=f"Territorial meeting in {city['en']}: the practices of social cooperatives",
                    fr=f"Rencontre territoriale à {city['fr']} : les pratiques des coopératives "
                    "sociales",
                    pt=f"Encontro territorial em {city['pt']}: as práticas das cooperativas "
                    "sociais",
                ),
                "local_workshop",
                dt.datetime.combine(day, dt.time(14, 30)),
                dt.datetime.combine(day, dt.time(18, 0)),
                city=city["it"],
                country="IT",
                hours="3.5",
                track=0,
            )
            for city, day in (
                (tr(it="Milano", en="Milan", fr="Milan", pt="Milão"), dt.date(2017, 10, 12)),
                (
                    tr(it="Firenze", en="Florence", fr="Florence", pt="Florença"),
                    dt.date(2017, 11, 16),
                ),
                (tr(it="Napoli", en="Naples", fr="Naples", pt="Nápoles"), dt.date(2018, 1, 25)),
            )
        ],
        SessionSpec(
            "workshop-nazionale-risultati",
            tr(
                it="Workshop nazionale: 135 progetti di 104 cooperative sociali",
                en="National workshop: 135 projects by 104 social cooperatives",
                fr="Atelier national : 135 projets de 104 coopératives sociales",
                pt="Workshop nacional: 135 projetos de 104 cooperativas sociais",
            ),
            "workshop",
            dt.datetime(2018, 9, 20, 10, 0),
            dt.datetime(2018, 9, 20, 17, 0),
            city="Roma",
            country="IT",
            hours="6",
            track=0,
        ),
        SessionSpec(
            "call-tematica-2026",
            tr(
                it="Call tematica: raccontateci i vostri progetti di welfare di comunità",
                en="Thematic call: tell us about your community welfare projects",
                fr="Appel thématique : racontez-nous vos projets de protection sociale de "
                "proximité",
                pt="Concurso temático: contem-nos os vossos projetos de bem-estar comunitário",
            ),
            "webinar",
            dt.datetime(2026, 3, 10, 11, 0),
            dt.datetime(2026, 3, 10, 12, 30),
            online=True,
            hours="1.5",
            track=1,
        ),
        SessionSpec(
            "call-tematica-2027",
            tr(
                it="Call tematica: abitare collaborativo e rigenerazione urbana",
                en="Thematic call: collaborative housing and urban regeneration",
                fr="Appel thématique : habitat participatif et régénération urbaine",
                pt="Concurso temático: habitação colaborativa e regeneração urbana",
            ),
            "webinar",
            dt.datetime(2027, 3, 16, 11, 0),
            dt.datetime(2027, 3, 16, 12, 30),
            online=True,
            hours="1.5",
            track=1,
            registration_required=True,
            capacity=150,
        ),
    ],
)

SEED_PROGRAMMES = [LOOKING_UP, RETI_SOLIDALI, TRENTINO, SSE_ACADEMY, FUTURO_COOP]

# --- Upcoming demo edition, relative to today ------------------------------------------------


def second_edition(today: dt.date) -> ProgrammeSpec:
    """An upcoming programme to enrol in. Dates hang on the first of a month 15 to 45 days
    ahead, so running the command again within the same month changes nothing."""
    base = (today + dt.timedelta(days=45)).replace(day=1)  # 15 to 45 days ahead

    def at(days: int, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(base + dt.timedelta(days=days), dt.time(hour, minute))

    year = base.year
    return ProgrammeSpec(
        slug="looking-up-second-edition",
        title=tr(
            it=f"LOOKING UP – seconda edizione ({year})",
            en=f"LOOKING UP – second edition ({year})",
            fr=f"LOOKING UP – deuxième édition ({year})",
            pt=f"LOOKING UP – segunda edição ({year})",
        ),
        summary=tr(
            it="Programma dimostrativo con iscrizioni aperte: la seconda edizione del percorso "
            "LOOKING UP per le piccole organizzazioni dell’ESS, con un avvio in presenza a "
            "Firenze, sessioni online in tre percorsi, una clinica di mentoring tra pari con "
            "pochissimi posti (per provare la lista d’attesa) e un webinar finale.",
            en="Demo programme, open for enrolment: the second edition of the LOOKING UP path "
            "for small SSE organisations, with an in-person kick-off in Florence, online "
            "sessions in three tracks, a peer mentoring clinic with very few places (to try the "
            "waiting list) and a final webinar.",
            fr="Programme de démonstration, inscriptions ouvertes : la deuxième édition du "
            "parcours LOOKING UP pour les petites organisations de l’ESS, avec un lancement en "
            "présentiel à Florence, des sessions en ligne en trois parcours, un atelier de "
            "mentorat entre pairs avec très peu de places (pour essayer la liste d’attente) et "
            "un webinaire final.",
            pt="Programa de demonstração, com inscrições abertas: a segunda edição do percurso "
            "LOOKING UP para pequenas organizações da ESS, com um arranque presencial em "
            "Florença, sessões online em três percursos, uma clínica de mentoria entre pares "
            "com muito poucas vagas (para experimentar a lista de espera) e um webinar final.",
        ),
        start=base,
        end=base + dt.timedelta(days=150),
        original_language="en",
        languages=list(_ALL_LANGUAGES),
        funder="European Commission",
        funding_line=tr(it="Erasmus+ KA2", en="Erasmus+ KA2", fr="Erasmus+ KA2", pt="Erasmus+ KA2"),
        partners=[("Solidarius Italia", "coordinator"), ("RIPESS Europe", "partner")],
        tracks=LOOKING_UP_TRACKS,
        cohorts=[
            CohortSpec(
                "italian",
                tr(
                    it="Gruppo italiano",
                    en="Italian-speaking group",
                    fr="Groupe italophone",
                    pt="Grupo italófono",
                ),
                capacity=40,
                language="it",
            ),
            CohortSpec(
                "international",
                tr(
                    it="Gruppo internazionale",
                    en="International group",
                    fr="Groupe international",
                    pt="Grupo internacional",
                ),
                capacity=40,
                language="en",
            ),
        ],
        enrolment_closes_at=at(7, 23, 59),
        sessions=[
            SessionSpec(
                "kick-off",
                tr(
                    it="Workshop di avvio a Firenze",
                    en="Kick-off workshop in Florence",
                    fr="Atelier de lancement à Florence",
                    pt="Workshop de arranque em Florença",
                ),
                "workshop",
                at(9, 9, 30),
                at(9, 17, 30),
                city="Firenze",
                country="IT",
                languages=("it", "en"),
                hours="7",
                capacity=30,
                registration_required=True,
            ),
            SessionSpec(
                "online-1",
                tr(
                    it="Sviluppo locale partecipativo: strumenti e casi studio",
                    en="Participatory local development: tools and case studies",
                    fr="Développement local participatif : outils et études de cas",
                    pt="Desenvolvimento local participativo: ferramentas e estudos de caso",
                ),
                "online",
                at(30, 17),
                at(30, 19),
                online=True,
                languages=("en", "it"),
                track=0,
                cohorts=("italian", "international"),
            ),
            SessionSpec(
                "mentoring-clinic",
                tr(
                    it="Clinica di mentoring tra pari (3 posti)",
                    en="Peer mentoring clinic (3 places)",
                    fr="Atelier de mentorat entre pairs (3 places)",
                    pt="Clínica de mentoria entre pares (3 vagas)",
                ),
                "online",
                at(44, 17),
                at(44, 18, 30),
                online=True,
                languages=("en",),
                hours="1.5",
                capacity=3,
                registration_required=True,
            ),
            SessionSpec(
                "online-2",
                tr(
                    it="Cibo, filiere e relazioni urbano-rurali",
                    en="Food, supply chains and urban-rural relations",
                    fr="Alimentation, filières et relations urbain-rural",
                    pt="Alimentação, cadeias de abastecimento e relações urbano-rurais",
                ),
                "online",
                at(58, 17),
                at(58, 19),
                online=True,
                languages=("en", "it"),
                track=1,
                cohorts=("italian", "international"),
            ),
            SessionSpec(
                "online-3",
                tr(
                    it="Economie solidali e di comunità: costruire reti",
                    en="Solidarity and community economies: building networks",
                    fr="Économies solidaires et communautaires : construire des réseaux",
                    pt="Economias solidárias e comunitárias: construir redes",
                ),
                "online",
                at(86, 17),
                at(86, 19),
                online=True,
                languages=("en", "it"),
                track=2,
                cohorts=("italian", "international"),
            ),
            SessionSpec(
                "final-webinar",
                tr(
                    it="Webinar finale",
                    en="Final webinar",
                    fr="Webinaire final",
                    pt="Webinar final",
                ),
                "webinar",
                at(120, 15),
                at(120, 17),
                online=True,
                languages=_ALL_LANGUAGES,
            ),
        ],
        coordinated_by_demo_coordinator=True,
    )
