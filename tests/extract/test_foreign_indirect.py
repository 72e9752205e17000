"""Reported speech without quotation marks in the languages of `data/reporting_words.toml`:
invented wire-style sentences, one shape per case."""

from __future__ import annotations

import re

import pytest

from wirewatch.extract.foreign import foreign_statements
from wirewatch.extract.speakers import EntityIndex
from wirewatch.model import Entity


def person(body: str, name: str, *surfaces: str) -> Entity:
    spans = tuple((m.start(), m.end()) for s in (surfaces or (name,)) for m in re.finditer(re.escape(s), body))
    return Entity(name=name, type="PERSON", mentions=surfaces or (name,), count=len(spans), spans=spans)


def statements(body: str, language: str, *people: tuple[str, ...]):
    index = EntityIndex([person(body, p[0], *p[1:]) for p in people])
    return foreign_statements(body, index, language)


@pytest.mark.parametrize(
    ("language", "body", "people", "speaker", "content"),
    [
        # the cue after the content, a comma between
        ("ru", "Американские спецслужбы перебрасывают боевиков на север страны, заявил во вторник глава "
               "комитета Арман Досов.", (("Arman Dosov", "Арман Досов"),), "Arman Dosov",
         "Американские спецслужбы перебрасывают боевиков на север страны"),
        # the cue before a "that" word
        ("ru", "Глава комитета Арман Досов заявил, что вертолеты без опознавательных знаков садятся ночью.",
         (("Arman Dosov", "Арман Досов"),), "Arman Dosov", "вертолеты без опознавательных знаков садятся ночью"),
        # an "according to" phrase opening the sentence
        ("ru", "По словам Армана Досова, лагеря боевиков находятся у самой границы.",
         (("Arman Dosov", "Армана Досова"),), "Arman Dosov", "лагеря боевиков находятся у самой границы"),
        ("uk", "Бойовиків перекидають на північ країни, заявив голова комітету Арман Досов.",
         (("Arman Dosov", "Арман Досов"),), "Arman Dosov", "Бойовиків перекидають на північ країни"),
        ("de", "Amerikanische Geheimdienste bringen Kämpfer in den Norden des Landes, sagte der Chef des "
               "Komitees, Arman Dosov, am Dienstag.", (("Arman Dosov",),), "Arman Dosov",
         "Amerikanische Geheimdienste bringen Kämpfer in den Norden des Landes"),
        ("de", "Der Komiteechef Arman Dosov sagte, dass die Hubschrauber nachts ohne Kennzeichen landen.",
         (("Arman Dosov",),), "Arman Dosov", "die Hubschrauber nachts ohne Kennzeichen landen"),
        ("de", "Laut Arman Dosov liegen die Lager direkt an der Grenze, und niemand kontrolliert sie.",
         (("Arman Dosov",),), "Arman Dosov", "liegen die Lager direkt an der Grenze, und niemand kontrolliert sie"),
        ("fr", "Le chef du comité, Arman Dosov, a déclaré que des hélicoptères sans marquage atterrissent la nuit.",
         (("Arman Dosov",),), "Arman Dosov", "des hélicoptères sans marquage atterrissent la nuit"),
        ("fr", "Selon Arman Dosov, les camps se trouvent juste à la frontière du pays.",
         (("Arman Dosov",),), "Arman Dosov", "les camps se trouvent juste à la frontière du pays"),
        ("ro", "Serviciile americane mută luptători în nordul țării, a declarat marți Arman Dosov.",
         (("Arman Dosov",),), "Arman Dosov", "Serviciile americane mută luptători în nordul țării"),
        ("id", "Arman Dosov mengatakan bahwa helikopter tanpa tanda mendarat pada malam hari.",
         (("Arman Dosov",),), "Arman Dosov", "helikopter tanpa tanda mendarat pada malam hari"),
        ("es", "Según Arman Dosov, los campamentos están junto a la frontera del país.",
         (("Arman Dosov",),), "Arman Dosov", "los campamentos están junto a la frontera del país"),
    ],
)
def test_reported_speech_has_its_speaker_and_exact_content(language, body, people, speaker, content):
    found = [s for s in statements(body, language, *people) if s.quote == "indirect"]
    assert len(found) == 1
    st = found[0]
    assert (st.speaker, st.sourcing) == (speaker, "named")
    assert st.content == content
    assert body[st.span[0] : st.span[1]] == content


@pytest.mark.parametrize(
    ("language", "body", "via"),
    [
        ("id", "Helikopter tanpa tanda mendarat pada malam hari di perbatasan, kata kepala komite Arman Dosov, "
               "seperti dikutip kantor berita Kabar.", "kantor berita Kabar"),
        ("ru", "Вертолеты без опознавательных знаков садятся ночью у границы, заявил Арман Досов, по данным "
               "агентства Кабар.", "агентства Кабар"),
    ],
)
def test_an_according_to_clause_after_the_speaker_names_the_relay_not_the_speaker(language, body, via):
    people = ("Arman Dosov", "Arman Dosov", "Арман Досов")
    (st,) = [s for s in statements(body, language, people) if s.quote == "indirect"]
    assert (st.speaker, st.via) == ("Arman Dosov", via)
    assert st.content.startswith(("Helikopter", "Вертолеты"))


def test_a_pronoun_points_back_to_the_last_speaker():
    body = ("Граница закрыта для всех гражданских машин, заявил Арман Досов. "
            "Он также сообщил, что патрули усилены на всех дорогах региона.")
    found = statements(body, "ru", ("Arman Dosov", "Арман Досов"))
    assert [s.speaker for s in found] == ["Arman Dosov", "Arman Dosov"]
    assert found[1].source_text == "Он"


def test_a_vague_formula_gives_vague_sourcing_without_a_speaker():
    body = "Сообщается, что на складе хранилось около тонны взрывчатки."
    (st,) = statements(body, "ru")
    assert (st.speaker, st.sourcing, st.content) == (None, "vague", "на складе хранилось около тонны взрывчатки")


def test_a_sentence_with_a_quotation_is_left_to_the_quotation_pass():
    body = "«Граница будет закрыта до конца месяца», — заявил Арман Досов журналистам."
    found = statements(body, "ru", ("Arman Dosov", "Арман Досов"))
    assert [s.quote for s in found] == ["direct"]


def test_a_separable_verb_particle_does_not_open_an_attribution():
    # "mit" after a comma is a preposition here, not the end of "teilte ... mit".
    body = "Die Behörde schloss den Grenzübergang am Morgen, mit Folgen für Hunderte Lastwagen."
    assert statements(body, "de") == ()


def test_no_statement_without_a_source():
    body = "Der Grenzübergang wurde am Morgen geschlossen, sagte er."
    assert statements(body, "de") == ()


@pytest.mark.parametrize(
    ("language", "said", "back", "people"),
    [
        ("ru", "Боевики прибыли из Сирии и пересекли границу в районе Термеза.",
         "Об этом в среду заявил глава комитета Арман Досов.", ("Arman Dosov", "Арман Досов")),
        ("de", "Die Kämpfer seien aus Syrien gekommen und hätten die Grenze überquert.",
         "Das sagte Arman Dosov am Dienstag in Astana.", ("Arman Dosov",)),
        ("fr", "Les combattants sont arrivés de Syrie et ont franchi la frontière près de Termez.",
         "C'est ce qu'a déclaré mercredi le chef du comité, Arman Dosov.", ("Arman Dosov",)),
    ],
)
def test_a_sentence_pointing_back_gives_the_one_before_its_speaker(language, said, back, people):
    body = f"{said} {back}"
    (st,) = statements(body, language, people)
    assert (st.speaker, st.sourcing) == ("Arman Dosov", "named")
    assert st.content == said.rstrip(".")


def test_an_article_and_a_noun_do_not_point_back():
    body = "Die Lage an der Grenze ist ruhig. Das Ministerium sagte am Montag nichts dazu."
    assert not statements(body, "de")


def test_german_reported_speech_needs_no_dass_when_its_mood_says_it():
    body = "Der Minister sagte am Montag, die Lage an der Grenze sei ruhig und die Posten seien besetzt."
    (st,) = statements(body, "de")
    assert (st.speaker, st.source_text, st.cue) == ("Minister", "Der Minister", "sagte")
    assert st.content == "die Lage an der Grenze sei ruhig und die Posten seien besetzt"
    assert not statements("Die Behörde sagte die Sitzung am Montag ab, weil der Saal belegt war.", "de")


@pytest.mark.parametrize(
    ("language", "body", "people", "role", "content"),
    [
        ("de", "Nach Angaben von Arman Dosov, dem Leiter des Grenzkomitees, werden die Lager nachts verlegt.",
         (("Arman Dosov", "Arman Dosov"),), "dem Leiter des Grenzkomitees", "werden die Lager nachts verlegt"),
        ("ru", "По словам Армана Досова, главы пограничного комитета, лагеря боевиков находятся у границы.",
         (("Arman Dosov", "Армана Досова"),), "главы пограничного комитета", "лагеря боевиков находятся у границы"),
        ("fr", "Selon Arman Dosov, chef du comité des frontières, les camps se trouvent près de la frontière.",
         (("Arman Dosov", "Arman Dosov"),), "chef du comité des frontières", "les camps se trouvent près de la frontière"),
    ],
)
def test_an_office_between_commas_after_the_source_is_its_role(language, body, people, role, content):
    [s] = statements(body, language, *people)
    assert (s.speaker, s.speaker_role, s.content) == ("Arman Dosov", role, content)


def test_words_between_commas_without_an_office_stay_in_the_content():
    body = "По словам Армана Досова, боевики, прибывшие из Сирии, находятся у самой границы."
    [s] = statements(body, "ru", ("Arman Dosov", "Армана Досова"))
    assert s.speaker_role is None
    assert s.content == "боевики, прибывшие из Сирии, находятся у самой границы"


def test_a_title_before_the_name_joins_the_source_not_the_content():
    body = "Laut FSB-Chef Arman Dosov sind mehr als 5000 Kämpfer an der Grenze eingetroffen."
    fsb = Entity(name="Federal Security Service", type="ORG", mentions=("FSB",), count=1, spans=((5, 8),))
    index = EntityIndex([fsb, person(body, "Arman Dosov")])
    [s] = foreign_statements(body, index, "de")
    assert s.speaker == "Arman Dosov"
    assert s.content == "sind mehr als 5000 Kämpfer an der Grenze eingetroffen"


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("de", "Die Lage an der Grenze ist nach Angaben von Arman Dosov seit Wochen angespannt."),
        ("ru", "Ситуация на границе, по словам Армана Досова, остается напряженной уже несколько недель."),
        ("fr", "La situation à la frontière reste, selon Arman Dosov, tendue depuis des semaines."),
    ],
)
def test_according_to_inside_a_sentence_makes_the_whole_sentence_the_claim(language, body):
    surface = "Армана Досова" if language == "ru" else "Arman Dosov"
    [s] = statements(body, language, ("Arman Dosov", surface))
    assert s.speaker == "Arman Dosov"
    assert s.content == body.rstrip(".")


def test_an_office_after_a_source_inside_a_sentence_is_its_role():
    body = "Ситуация на границе, по словам Армана Досова, главы пограничной службы, остается напряженной."
    [s] = statements(body, "ru", ("Arman Dosov", "Армана Досова"))
    assert (s.speaker, s.speaker_role) == ("Arman Dosov", "главы пограничной службы")
    assert s.content == body.rstrip(".")


def test_laut_as_an_ordinary_word_inside_a_sentence_names_no_source():
    body = "Die Sirenen waren in der ganzen Stadt laut und deutlich zu hören."
    assert statements(body, "de") == ()


def test_a_source_closing_the_sentence_leaves_the_content_before_it():
    body = "Die Kämpfer werden nachts über den Fluss gebracht, laut Arman Dosov."
    [s] = statements(body, "de", ("Arman Dosov",))
    assert (s.speaker, s.content) == ("Arman Dosov", "Die Kämpfer werden nachts über den Fluss gebracht")


@pytest.mark.parametrize(
    ("language", "body", "speaker"),
    [
        ("ru", "Досов также заявил, что лагеря боевиков находятся у самой границы.", "Dosov"),
        ("ru", "Досов в среду заявил, что лагеря боевиков находятся у самой границы.", "Dosov"),
    ],
)
def test_a_name_a_few_words_before_its_cue_is_the_speaker(language, body, speaker):
    [s] = statements(body, language)
    assert s.speaker == speaker


def test_a_clause_between_a_name_and_the_cue_keeps_them_apart():
    body = "Досов приехал в Казань, где губернатор заявил, что лагеря боевиков находятся у самой границы."
    assert all(s.speaker != "Dosov" for s in statements(body, "ru"))


@pytest.mark.parametrize(
    ("language", "body", "surface", "role"),
    [
        # an office before the name, from its head word
        ("ru", "Боевиков перебрасывают на север страны, заявил во вторник глава пограничного комитета "
               "Арман Досов на совещании в Астане.", "Арман Досов", "глава пограничного комитета"),
        # an office before the name, an acronym in brackets and a comma between them
        ("id", "Militan dipindahkan ke utara negara itu, kata kepala Komite Perbatasan Nasional (KPN), "
               "Arman Dosov, pada Selasa.", "Arman Dosov", "kepala Komite Perbatasan Nasional (KPN)"),
        # an office set off after the name
        ("de", "Die Kämpfer werden nachts über den Fluss gebracht, sagte Arman Dosov, Leiter des "
               "Grenzkomitees, am Dienstag.", "Arman Dosov", "Leiter des Grenzkomitees"),
        ("ro", "Militanții sunt transferați spre nordul țării, a declarat marți Arman Dosov, șeful "
               "Comitetului de Frontieră (CF) al Kazahstanului, la Astana.", "Arman Dosov",
         "șeful Comitetului de Frontieră (CF) al Kazahstanului"),
    ],
)
def test_an_office_beside_the_speakers_name_is_the_role(language, body, surface, role):
    [s] = statements(body, language, ("Arman Dosov", surface))
    assert (s.speaker, s.speaker_role) == ("Arman Dosov", role)


def test_words_beside_a_name_without_an_office_are_no_role():
    body = "Боевиков перебрасывают на север страны, заявил во вторник Арман Досов на совещании в Астане."
    [s] = statements(body, "ru", ("Arman Dosov", "Арман Досов"))
    assert s.speaker_role is None


def test_the_role_found_once_is_the_speakers_in_every_statement():
    body = ("Militan dipindahkan ke utara negara itu, kata kepala Komite Perbatasan Nasional, Arman Dosov. "
            "Menurut Dosov, para militan akan menyeberangi sungai pada malam hari.")
    found = statements(body, "id", ("Arman Dosov", "Arman Dosov", "Dosov"))
    assert [s.speaker_role for s in found] == ["kepala Komite Perbatasan Nasional"] * 2


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("ru", "Лагеря перенесены к самой границе, заявил Арман Досов. По его словам, вертолеты без "
               "опознавательных знаков садятся ночью."),
        ("uk", "Табори перенесено до кордону, заявив Арман Досов. За його словами, гелікоптери без "
               "розпізнавальних знаків сідають уночі."),
        ("de", "Die Lager wurden an die Grenze verlegt, sagte Arman Dosov. Nach seinen Worten landen nachts "
               "Hubschrauber ohne Kennzeichen bei den Lagern."),
        ("fr", "Les camps ont été déplacés vers la frontière, a affirmé Arman Dosov. Selon lui, des "
               "hélicoptères sans marquage se posent la nuit."),
        ("ro", "Taberele au fost mutate la graniță, a declarat Arman Dosov. Potrivit lui, elicoptere fără "
               "însemne aterizează noaptea lângă tabere."),
        ("id", "Kamp-kamp dipindahkan ke perbatasan, kata Arman Dosov. Menurutnya, helikopter tanpa tanda "
               "mendarat di dekat kamp pada malam hari."),
    ],
)
def test_according_to_him_points_back_to_the_last_speaker(language, body):
    found = statements(body, language, ("Arman Dosov", "Arman Dosov", "Арман Досов"))
    assert [s.speaker for s in found] == ["Arman Dosov", "Arman Dosov"]
    assert found[1].content.split()[-1].rstrip(".") in body.split()[-1]


def test_a_pronoun_with_no_one_named_before_it_is_no_speaker():
    (st,) = statements("Le ministre a parlé à la presse. Il a ajouté que la frontière restait ouverte aux camions.",
                       "fr")
    assert (st.speaker, st.source_text, st.sourcing) == (None, "Il", "anonymous")


def test_a_pronoun_before_any_statement_stands_for_the_person_named_just_before():
    body = "Arman Dosov sprach am Dienstag mit der Presse. Er sagte, die Grenze bleibe für alle Lastwagen offen."
    (st,) = statements(body, "de", ("Arman Dosov",))
    assert (st.speaker, st.source_text, st.content) == ("Arman Dosov", "Er", "die Grenze bleibe für alle Lastwagen offen")


def test_an_indonesian_dateline_is_no_part_of_the_statement():
    body = "Moskow - Dinas intelijen asing memindahkan militan ke utara negara itu, kata Arman Dosov."
    (s,) = statements(body, "id", ("Arman Dosov",))
    assert s.speaker == "Arman Dosov" and s.content.startswith("Dinas intelijen")


def test_polish_reported_speech_after_a_hyphen_typed_as_a_dash():
    body = ("Obce służby przerzucają bojowników na północ kraju - oświadczył szef komitetu Arman Dosov "
            "podczas spotkania w Kazaniu.")
    (s,) = statements(body, "pl", ("Arman Dosov",))
    assert s.speaker == "Arman Dosov" and s.content == "Obce służby przerzucają bojowników na północ kraju"
