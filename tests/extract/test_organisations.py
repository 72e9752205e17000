"""Organisations named whole on pages read without a parser.

The sentences are invented for these tests (the agencies, places and people are fictional or
generic), written the way wire reports in each language name an official body.
"""

from __future__ import annotations

import pytest

from wirewatch.extract.aliases import load_aliases
from wirewatch.extract.entities import find_entities
from wirewatch.extract.nlp import load_nlp
from wirewatch.extract.statements import find_statements


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def names(nlp, text, language, etype="ORG"):
    return [e.mentions[0] for e in find_entities(nlp(text), aliases=load_aliases(), language=language) if e.type == etype]


def statements(nlp, text, language):
    doc = nlp(text)
    entities = find_entities(doc, aliases=load_aliases(), language=language)
    return [s for s in find_statements(doc, entities, title=None, language=language) if s.span is not None]


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        # the parts joined by small words, the country after it left out
        ("ro", "Un post de frontieră a fost atacat, a anunțat Comitetul de Stat pentru Securitate Națională al Tadjikistanului.",
         "Comitetul de Stat pentru Securitate Națională"),
        ("id", "Pos itu diserang, kata Komite Negara untuk Keamanan Nasional Tajikistan pada Kamis.",
         "Komite Negara untuk Keamanan Nasional"),
        ("es", "La frontera sigue cerrada, dijo el Ministerio de Defensa de Tayikistán.", "Ministerio de Defensa"),
        # only the first word capitalised, the rest in the genitive, up to the verb or the country
        ("ru", "Погранзастава атакована, сообщил Государственный комитет национальной безопасности Таджикистана.",
         "Государственный комитет национальной безопасности"),
        ("uk", "Кордон закрито, повідомило Міністерство закордонних справ України.", "Міністерство закордонних справ"),
        # a French head in lower case after its article, a nationality and a capitalised part after it
        ("fr", "Les manœuvres ont commencé, a annoncé le ministère tadjik de la Défense.", "ministère tadjik de la Défense"),
        # a German compound alone, with the nationality before it
        ("de", "Das teilte das tadschikische Verteidigungsministerium am Mittwoch mit.",
         "tadschikische Verteidigungsministerium"),
        ("de", "Das teilte das Verteidigungsministerium am Mittwoch mit.", "Verteidigungsministerium"),
    ],
)
def test_an_organisation_is_named_whole(nlp, language, text, name):
    assert name in names(nlp, text, language)


def test_its_capitalised_parts_are_no_place_of_their_own(nlp):
    # "Stat" is an alternate name of a town in the gazetteer: inside the name it is no place
    text = "Atacul a fost confirmat de Comitetul de Stat pentru Securitate Națională."
    assert names(nlp, text, "ro", "GPE") == []


@pytest.mark.parametrize(
    ("language", "text", "not_a_name"),
    [
        # an office is a person's: the name after it is the person's
        ("ru", "Начальник службы Сергей Гладка выступил в Казани.", "Начальник службы Сергей Гладка"),
        # a compound descriptor before the body's own name, and a plural, name nobody
        ("de", "Die Kämpfer werden nach Angaben des Inlandsgeheimdienstes FSB verlegt.", "Inlandsgeheimdienstes"),
        ("de", "Die Geheimdienste mehrerer Länder schweigen.", "Geheimdienste"),
        # a head alone, opening a sentence
        ("ro", "Comitetul a refuzat să comenteze.", "Comitetul"),
        ("de", "Ein Sprecher des Ministeriums sagte nichts.", "Ministeriums"),
    ],
)
def test_what_is_no_organisations_name(nlp, language, text, not_a_name):
    assert not_a_name not in names(nlp, text, language)


def test_the_body_named_whole_is_the_speaker(nlp):
    text = "Trei grăniceri au fost uciși la frontieră, a anunțat Comitetul de Stat pentru Securitate Națională."
    (statement,) = statements(nlp, text, "ro")
    assert statement.speaker == "Comitetul de Stat pentru Securitate Națională"


def test_a_body_named_by_its_kind_after_a_russian_cue_is_the_source(nlp):
    # "сообщили в министерстве обороны ...": reported from the ministry, no name given
    text = "Учения начались на полигоне у границы, сообщили в министерстве обороны Таджикистана."
    (statement,) = statements(nlp, text, "ru")
    assert statement.source_text == "министерстве обороны Таджикистана" and statement.sourcing == "named"
    assert statement.content.startswith("Учения начались")


@pytest.mark.parametrize(
    ("language", "text", "source"),
    [
        # what many say, and where a body sits ("de la București") left out of its name
        ("ro", "Situația de la frontieră este calmă, au transmis reprezentanții Ministerului Apărării de la Dușanbe.",
         "Ministerului Apărării"),
        ("es", "Tres guardias murieron en el ataque, informaron las autoridades del Comité Estatal de Seguridad.",
         "Comité Estatal de Seguridad"),
        ("fr", "Trois gardes-frontières ont été tués, ont indiqué les responsables du Comité d'État.", "Comité d'État"),
        # the impersonal "hieß es aus ..."
        ("de", "Die Lage an der Grenze sei ruhig, hieß es aus dem tadschikischen Verteidigungsministerium.",
         "tadschikischen Verteidigungsministerium"),
    ],
)
def test_a_report_from_a_body_in_the_plural_or_impersonal_is_attributed(nlp, language, text, source):
    assert [s.source_text for s in statements(nlp, text, language)] == [source]
