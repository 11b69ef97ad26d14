"""LOOKING UP (seed 000) and its upcoming second edition, dated from today."""

import datetime as dt

from .specs import ALL_LANGUAGES, CohortSpec, ProgrammeSpec, SessionSpec, tr

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
    languages=list(ALL_LANGUAGES),
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
            languages=ALL_LANGUAGES,
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
            languages=ALL_LANGUAGES,
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
        languages=list(ALL_LANGUAGES),
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
                languages=ALL_LANGUAGES,
            ),
        ],
        coordinated_by_demo_coordinator=True,
    )
