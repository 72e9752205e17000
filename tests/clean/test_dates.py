"""Full dates read off a page in the forms sites print them."""

from __future__ import annotations

import pytest

from wirewatch.clean.dates import find_dates


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Published June 17, 2031 at 14:35", "2031-06-17"),
        ("17 июня 2031", "2031-06-17"),
        ("Diperbarui 17/06/2031 14:35 WIB", "2031-06-17"),  # day first
        ("Updated 06/17/2031", "2031-06-17"),  # month first
        ("2031/06/17", "2031-06-17"),
        ("17.06.2031", "2031-06-17"),
        ("06/06/2031", "2031-06-06"),
    ],
)
def test_a_date_in_the_forms_sites_print(text, iso):
    assert [d for d, _ in find_dates(text)] == [iso]


@pytest.mark.parametrize("text", ["05/06/2031", "31/02/2031", "June 2031", "17/06"])
def test_a_date_whose_day_and_month_cannot_be_told_apart_or_that_does_not_exist_is_none(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("24 Eylül 2031, 14:20", "2031-09-24"),  # Turkish
        ("24 września 2031", "2031-09-24"),  # Polish
        ("24 sentabr 2031", "2031-09-24"),  # Uzbek
        ("24 қыркүйек 2031 ж.", "2031-09-24"),  # Kazakh
        ("24 сентябр 2031", "2031-09-24"),  # Tajik
        ("24 de setembro de 2031", "2031-09-24"),  # Portuguese
        ("الأربعاء 24 سبتمبر 2031", "2031-09-24"),  # Arabic (Egypt, the Gulf)
        ("السبت 24 أيلول 2031", "2031-09-24"),  # Arabic (the Levant)
        ("24 سبتمبر/أيلول 2031", "2031-09-24"),  # both names, as pages print them
        ("Toshkent, 24-sentabr, 2031-yil", "2031-09-24"),  # Uzbek, with its suffixes
    ],
)
def test_month_names_of_the_regions_other_languages(text, iso):
    assert [d for d, _ in find_dates(text)] == [iso]


@pytest.mark.parametrize(("text", "expected"), [
    ("Tue, 02/11/2031 - 16:32", "2031-02-11"),  # a Tuesday: month first (Drupal's date)
    ("Tuesday 11/02/2031", "2031-02-11"),  # day first
    ("Mardi 11/02/2031", "2031-02-11"),
    ("вторник, 11/02/2031", "2031-02-11"),
])
def test_the_weekday_before_a_numeric_date_tells_its_order(text, expected):
    assert [iso for iso, _ in find_dates(text)] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("\u06f1\u06f9 \u0627\u0631\u062f\u06cc\u0628\u0647\u0634\u062a \u06f1\u06f4\u06f1\u06f0", "2031-05-09"),  # Iran's Ordibehesht
    ("\u06f7 \u0639\u0642\u0631\u0628 \u06f1\u06f4\u06f1\u06f0", "2031-10-29"),  # Afghanistan's Aqrab
    ("\u0669 \u0645\u0627\u0631\u0633 \u0662\u0660\u0663\u0661", "2031-03-09"),  # Arabic-Indic digits
])
def test_solar_hijri_dates_and_digits_of_other_scripts(text, expected):
    assert [iso for iso, _ in find_dates(text)] == [expected]
    assert find_dates(text)[0][1] == text  # the evidence as written


def test_a_weekday_that_fits_neither_order_leaves_the_date_unread():
    assert find_dates("Sat, 02/11/2031") == []
    assert find_dates("on 02/11/2031") == []


def test_a_page_not_in_english_writes_its_numeric_dates_day_first():
    assert find_dates("05/06/2031 - 13:15 CET", day_first=True) == [("2031-06-05", "05/06/2031")]
    assert find_dates("06/17/2031", day_first=True) == [("2031-06-17", "06/17/2031")]  # the order shows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("２０２３年１１月１４日 １０時０５分 配信", "2023-11-14"),  # Japanese, full-width digits
        ("本网讯 2026年4月14日，石油部表示", "2026-04-14"),  # Chinese
        ("입력 2023년 11월 14일 오전 9:00", "2023-11-14"),  # Korean
    ],
)
def test_east_asian_year_month_day_dates(text, expected):
    assert find_dates(text)[0][0] == expected
