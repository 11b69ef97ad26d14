"""12th SSE Academy, Elective 6 (seed 004)."""

import datetime as dt

from .specs import CohortSpec, ProgrammeSpec, SessionSpec, tr

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
