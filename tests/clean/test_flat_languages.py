"""The flattened-text cleaner on relays in other languages: a Russian and an Indonesian page (invented,
with their site menus, share bars, related links, comment sections and forms), and the same pages
padded to the length where the line model decides."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.clean.dates import find_dates
from wirewatch.clean.flat import clean_flat

FIXTURES = Path(__file__).parent / "fixtures"
RU = (FIXTURES / "flat_ru_relay.txt").read_text(encoding="utf-8")
ID = (FIXTURES / "flat_id_relay.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Rabu, 5 Maret 2031 | 08:15 WIB", "2031-03-05"),
        ("5 de marzo de 2031", "2031-03-05"),
        ("marți, 4 martie 2031", "2031-03-04"),
        ("4 мая 2031", "2031-05-04"),
    ],
)
def test_month_names_of_the_relay_languages(text, iso):
    assert [d for d, _ in find_dates(text)] == [iso]


def test_indonesian_headline_date_line_and_byline():
    parts = clean_flat(ID, language="id")
    assert parts.title.value.startswith("Kepala keamanan Kazakhstan")
    assert parts.author.value == "Rina Wulandari"
    assert any(d.date == "2031-03-05" for d in parts.dates)
    body = "\n".join(parts.paragraphs)
    assert body.startswith("Ketua Komite Keamanan Nasional") and "Dosov" in body
    for chrome in ("Beranda", "Bagikan", "Baca Juga", "Tulis komentar", "Copyright"):
        assert chrome not in body


def test_russian_comment_form_is_neither_body_nor_a_comment():
    parts = clean_flat(RU, language="ru")
    assert parts.title.value.startswith("Досов:")
    assert [c.text.split("\n")[0] for c in parts.comments] == ["Иван", "Петр"]
    body = "\n".join(parts.paragraphs)
    assert body.startswith("Американские спецслужбы") and "Ответить" not in body and "Реклама" not in body


@pytest.mark.parametrize(("text", "language", "first"), [(RU, "ru", "Американские"), (ID, "id", "Ketua")])
def test_a_long_menu_does_not_cost_a_short_foreign_article_its_body(text, language, first):
    padded = "\n".join(f"Menu {i}" for i in range(20)) + "\n" + text
    body = "\n".join(clean_flat(padded, language=language).paragraphs)
    assert body.startswith(first)


def test_date_under_the_headline_is_the_articles_stamp_not_the_sites_today():
    parts = clean_flat(RU, language="ru")
    by_place = {d.where: d.date for d in parts.dates}
    assert by_place["byline"] == "2031-03-04"  # "04.03.2031 14:25" under the headline
    assert by_place["page_header"] == "2031-03-05"  # "Вторник, 5 марта 2031" above it


_INTERRUPTED = {
    "ru": ("Главная\nПолитика\nВ мире\n\nКомитет: лагеря боевиков перенесли к границе\n\n"
           "АСТАНА, 4 мая. Лагеря боевиков перенесены к самой границе, заявил глава комитета Арман Досов на "
           "совещании в Астане.\n\n"
           "По его словам, вертолеты без опознавательных знаков садятся у лагерей по ночам.\n\n"
           "Реклама\n\n"
           "Досов также отметил, что число боевиков в лагерях превышает три тысячи человек.\n\n"
           "Читайте также:\nВ Астане прошли учения пограничников\nПогода на выходные\n\nКомментарии (2)\n",
           "Досов также отметил"),
    "id": ("Beranda\nInternasional\n\nKomite: Kamp Militan Dipindahkan ke Perbatasan\n\n"
           "Astana - Kamp-kamp militan dipindahkan ke dekat perbatasan, kata ketua komite Arman Dosov dalam "
           "rapat di Astana pada Rabu.\n\n"
           "Baca Juga: Latihan Penjaga Perbatasan Digelar di Astana\n\n"
           "Menurut Dosov, helikopter tanpa tanda mendarat di dekat kamp pada malam hari dan pergi sebelum fajar.\n\n"
           "Baca Juga: Cuaca Akhir Pekan di Astana\n\n"
           "Dosov tidak memberikan bukti atas tuduhannya.\n\n"
           "(rw/rw)\nBagikan:\nFacebook\nTwitter\nBerita Terkait\n",
           "Dosov tidak memberikan bukti"),
}


@pytest.mark.parametrize("language", sorted(_INTERRUPTED))
def test_an_ad_label_or_a_read_also_link_does_not_end_the_article(language):
    text, last = _INTERRUPTED[language]
    body = "\n".join(clean_flat(text, language=language).paragraphs)
    assert body.rstrip().splitlines()[-1].startswith(last)
    for aside in ("Реклама", "Baca Juga", "Читайте также"):
        assert aside not in body


def test_a_read_also_link_that_closes_the_article_does_not_pull_in_the_links_below():
    text = ("Home\nWorld\n\nCamps moved to the border, committee says\n\n"
            "The militant camps have been moved right up to the border, committee chairman Arman Dosov told a "
            "meeting in Astana on Wednesday.\n\n"
            "Unmarked helicopters land near the camps at night and leave before dawn, Dosov said, without "
            "offering evidence for the claim.\n\n"
            "Related: Border guards hold exercises near Astana as tension rises\n\n"
            "More from our correspondent\n"
            "Five things to know about the new border rules that come into force in the capital next month.\n")
    body = "\n".join(clean_flat(text, language="en").paragraphs)
    assert body.rstrip().endswith("without offering evidence for the claim.")


def test_a_french_publication_stamp_is_the_date_not_the_headline():
    text = ("Accueil\nInternational\nSe connecter\n\nInternational\n"
            "Le comité accuse des services étrangers de déplacer des camps vers la frontière\n\n"
            "Par Claire Dubois\nPublié le 24/03/2031 à 14:05, mis à jour le 24/03/2031 à 16:30\n\n"
            "Les camps de combattants ont été déplacés jusqu'à la frontière, a affirmé mardi le président du "
            "comité, Arman Dosov, lors d'une réunion à Astana.\n\n"
            "Selon lui, des hélicoptères sans marquage se posent la nuit près des camps.\n\nPartager\n")
    parts = clean_flat(text, language="fr")
    assert parts.title.value.startswith("Le comité accuse")
    assert [d.date for d in parts.dates][:1] == ["2031-03-24"]
    ambiguous = clean_flat(text.replace("24/03/2031", "04/03/2031"), language="fr")
    assert ambiguous.title.value.startswith("Le comité accuse")  # the 4th of March or the 3rd of April


def test_a_labelled_stamp_above_the_headline_is_the_articles_date_not_the_sites_today():
    text = ("Last updated: Monday, 24 March 2031, 02:24 GMT\n\n"
            "Camps moved to the border, committee says\n\n"
            "The militant camps have been moved right up to the border, committee chairman Arman Dosov told a "
            "meeting in Astana on Wednesday, without offering evidence for the claim.\n")
    dates = clean_flat(text, language="en").dates
    assert [(d.date, d.where) for d in dates] == [("2031-03-24", "byline")]
    plain = clean_flat(text.replace("Last updated: ", ""), language="en").dates
    assert [(d.date, d.where) for d in plain] == [("2031-03-24", "page_header")]


def test_a_weather_widget_over_a_russian_headline_is_not_the_headline():
    # capitalised words mark no headline in Russian: the widget's "Погода в Тальске" is as capitalised
    text = ("Тальские вести\nГлавная\nНовости\nПроисшествия\nПогода в Тальске: -4\n"
            "В Тальске беспилотник повредил котельную, пострадавших нет\n04.03.2031 11:40\n\n"
            "Беспилотник повредил котельную на окраине Тальска в ночь на вторник, сообщил губернатор области "
            "Пётр Ларин.\n\nПо его словам, пострадавших нет, подача тепла восстановлена к утру.\n\nРеклама\n")
    parts = clean_flat(text, language="ru")
    assert parts.title.value == "В Тальске беспилотник повредил котельную, пострадавших нет"
    assert [d.date for d in parts.dates] == ["2031-03-04"]


def test_a_search_box_and_a_stamp_with_its_author_are_neither_headline_nor_body():
    text = ("ВЗГЛЯД С ВОСТОКА\nполитика | общество | мир\nПоиск по сайту\nМИР\n"
            "Готовит ли Лондон боевиков у границ Тарании?\n"
            "Опубликовано: 4 марта 2031 г. Автор: Игорь Беленький\n"
            "Спецслужбы Тарании обвинили Лондон в подготовке боевиков на севере соседней страны, заявив, что "
            "инструкторы работают в двух лагерях у границы.\n\n"
            "Британская сторона комментариев не дала, а эксперты разделились во мнениях о том, насколько "
            "правдоподобно это обвинение.\n")
    parts = clean_flat(text, language="ru")
    assert parts.title.value == "Готовит ли Лондон боевиков у границ Тарании?"
    assert parts.paragraphs[0].startswith("Спецслужбы Тарании")
    assert [d.date for d in parts.dates] == ["2031-03-04"]


def test_an_arabic_page_dates_itself_under_its_headline():
    text = ("الخبر اليومي\nالرئيسية\nأخبار العالم\nالأحد 5 مارس 2031\n"
            "الدفاع: مسيّرة تضرب مستودعا للوقود في بلدة حدودية\nالسبت 4 مارس/آذار 2031\n"
            "أعلن المتحدث باسم وزارة الدفاع اليوم السبت أن طائرة مسيّرة أصابت مستودعا للوقود في بلدة تالسك "
            "الحدودية، ما أدى إلى اندلاع حريق كبير.\n"
            "وقال المتحدث إن فرق الإطفاء سيطرت على الحريق بعد ساعات، وإن الدفاعات الجوية أسقطت مسيّرات أخرى.\n")
    parts = clean_flat(text, language="ar")
    assert parts.title.value == "الدفاع: مسيّرة تضرب مستودعا للوقود في بلدة حدودية"
    assert ("2031-03-04", "byline") in [(d.date, d.where) for d in parts.dates]


def test_a_spanish_stamp_is_read_day_first():
    text = ("El Diario Hoy\nPortada | Internacional | España\n"
            "Un dron incendia un depósito de combustible en una ciudad fronteriza, según el ministerio\n"
            "Agencias | Talsk\n04/03/2031 - 13:15 CET\n"
            "Un dron alcanzó en la madrugada de este sábado un depósito de combustible en Talsk, según informó el "
            "portavoz del ministerio de Defensa.\n\nEl ataque provocó un incendio en un tanque de gasóleo.\n")
    assert [d.date for d in clean_flat(text, language="es").dates] == ["2031-03-04"]
