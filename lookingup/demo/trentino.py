"""Trentino solidarity economy (seed 003)."""

import datetime as dt

from .specs import CohortSpec, ProgrammeSpec, SessionSpec, tr

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
