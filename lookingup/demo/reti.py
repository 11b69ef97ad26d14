"""Reti solidali e competenti (seed 002)."""

import datetime as dt

from .specs import CohortSpec, ProgrammeSpec, SessionSpec, tr

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
