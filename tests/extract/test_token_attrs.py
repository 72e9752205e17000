"""TokenAttrs gives the annotations of spaCy's attribute ruler and lemmatizer, token by token."""

from __future__ import annotations

import pytest
import spacy
from spacy.lookups import Lookups

from wirewatch.extract.nlp import load_nlp
from wirewatch.extract.token_attrs import TokenAttrs, Unsupported, use_token_attrs

TEXTS = [
    "The minister said on Tuesday that the talks had failed, according to two officials.",
    # two-token rules of the small English model: gon na, got ta, let 's, y' all, ai n't, there is
    "Y'all gon na see it. There is a cat and there are two dogs; he ain't here and we got ta go. Let's go.",
    "I 'm not sure what you 're saying, c'mon.  \n\n  Spaces  between\twords, and \u00a0 odd ones.",
    "She was running, they ran, the runners run; it's better, best and good. Nothing happened to anyone.",
    "A",
    "",
    "   ",
    "UPPER CASE HEADLINE: PRESIDENT SAYS TALKS WILL RESUME",
    "Prices rose 3.5% in 2023 -- the fastest since the 1980s, economists told Reuters' reporters.",
]


def annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    return load_nlp(stock=True), load_nlp()


def test_pipeline_uses_token_attrs(pipelines):
    stock, fast = pipelines
    assert "wirewatch_token_attrs" in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    assert "attribute_ruler" in stock.pipe_names and "lemmatizer" in stock.pipe_names


@pytest.mark.parametrize("text", TEXTS)
def test_same_annotations_as_stock(pipelines, text):
    stock, fast = pipelines
    assert annotations(fast(text)) == annotations(stock(text))


def test_same_annotations_when_texts_repeat(pipelines):
    """The second time a token is seen its attributes come from the tables: still the same."""
    stock, fast = pipelines
    for _ in range(2):
        for ours, theirs in zip(fast.pipe(TEXTS), stock.pipe(TEXTS), strict=True):
            assert annotations(ours) == annotations(theirs)


def test_operator_pattern_keeps_the_stock_components():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["s", ""]]})
    nlp.add_pipe("lemmatizer", config={"mode": "rule"}).initialize(lookups=lookups)
    with pytest.raises(Unsupported):
        TokenAttrs(nlp)
    assert use_token_attrs(nlp).pipe_names == ["attribute_ruler", "lemmatizer"]
