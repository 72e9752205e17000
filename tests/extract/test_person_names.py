"""Declined Russian names read back to the nominative: invented people, one case per row."""

import pytest

from wirewatch.extract.person_names import is_given_name, nominative_name


@pytest.mark.parametrize(
    ("fullest", "others", "nominative"),
    [
        # genitive after "по словам", the nominative seen elsewhere on the page
        ("Сергея Гладки", ["Гладки", "Гладка"], "Сергей Гладка"),
        # genitive with no other mention: the given name's case says the surname's
        ("Армана Досова", [], "Арман Досов"),
        ("Сергея Гладки", [], "Сергей Гладка"),
        # dative and instrumental
        ("Ивану Котову", [], "Иван Котов"),
        ("Сергеем Гладкой", [], "Сергей Гладка"),
        # a woman's name: the shortest form of her surname seen on the page
        ("Марии Котовой", ["Котова"], "Мария Котова"),
        # a man's surname restored makes "Александра" his genitive
        ("Александра Котова", ["Котов"], "Александр Котов"),
        # nothing says which: left as written
        ("Александра Котова", [], "Александра Котова"),
        ("Сергей Гладка", ["Гладки"], "Сергей Гладка"),
        # a surname shorter than any stem is its own nominative (it raised an error)
        ("Wei Li", ["Li"], "Wei Li"),
        ("Ван И", [], "Ван И"),
    ],
)
def test_a_declined_name_is_read_back_to_the_nominative(fullest, others, nominative):
    assert nominative_name(fullest, [fullest, *others]) == nominative


@pytest.mark.parametrize(("word", "given"), [("Сергея", True), ("Олегом", True), ("Мария", True),
                                              ("Пятой", False), ("Москва", False), ("Сирии", False)])
def test_a_given_name_is_known_declined_or_not(word, given):
    assert is_given_name(word) is given
