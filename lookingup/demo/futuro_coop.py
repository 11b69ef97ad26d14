"""Futuro.coop (seed 001)."""

import datetime as dt

from .specs import ProgrammeSpec, SessionSpec, tr

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
