"""Language identification with py3langid, whose model ships inside the package."""

from __future__ import annotations

from functools import lru_cache

# Below this many letters a guess is noise; such pages are labelled "und" (undetermined).
_MIN_LETTERS = 20


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return "und"
    code, _prob = _identifier().classify(sample)
    return str(code)


@lru_cache(maxsize=64)
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop-word list for a language, lower case (it ships lists for many languages it has no
    model for; no model is loaded), or an empty set for a code it does not know."""
    try:
        module = __import__(f"spacy.lang.{language}.stop_words", fromlist=["STOP_WORDS"])
    except ImportError:
        return frozenset()
    return frozenset(w.lower() for w in module.STOP_WORDS)
