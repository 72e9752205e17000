"""Language identification: the identifier read back from the disk cache answers as py3langid's own."""

from __future__ import annotations

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from wirewatch.clean import language
from wirewatch.clean.language import _identifier, detect_language

TEXTS = [
    "The minister said on Tuesday that the talks had failed, according to two officials.",
    "Le ministre a déclaré mardi que les négociations avaient échoué, selon deux responsables.",
    "Der Minister sagte am Dienstag, die Gespräche seien gescheitert, so zwei Beamte.",
    "Министр заявил во вторник, что переговоры провалились, сообщили два чиновника.",
    "El ministro dijo el martes que las conversaciones habían fracasado, según dos funcionarios.",
    "部长周二表示，谈判已经失败，两名官员说。",
    "ok ok ok 123 456",
    "",
]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _identifier.cache_clear()
    yield tmp_path
    _identifier.cache_clear()


def test_cached_identifier_answers_as_py3langid(cache_home):
    stock = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    _identifier()  # unpacks the model and writes the cache
    assert list((cache_home / "wirewatch").glob("langid-*/ptc.npy"))
    _identifier.cache_clear()
    cached = _identifier()  # read back from the cache
    for text in TEXTS:
        assert cached.classify(text) == stock.classify(text)


def test_unreadable_cache_is_skipped(cache_home, monkeypatch):
    monkeypatch.setattr(language, "_read", lambda folder: None)
    monkeypatch.setattr(language, "_write", lambda folder, identifier: None)
    assert detect_language(TEXTS[1]) == "fr"


def test_short_text_is_undetermined():
    assert detect_language("a 1 b 2") == "und"



class _Ranked:
    """An identifier that puts Malay first, Indonesian at `indonesian`."""

    def __init__(self, indonesian: float) -> None:
        self.scores = [("ms", 1.0 - indonesian), ("id", indonesian)]

    def classify(self, text):
        return self.scores[0]

    def rank(self, text):
        return self.scores


@pytest.mark.parametrize(("indonesian", "expected"), [(0.45, "id"), (0.05, "ms")])
def test_a_close_call_between_malay_and_indonesian_goes_to_indonesian(monkeypatch, indonesian, expected):
    monkeypatch.setattr(language, "_identifier", lambda: _Ranked(indonesian))
    text = "Badan intelijen itu memindahkan ratusan militan ke perbatasan utara, kata kepala dinas keamanan."
    assert detect_language(text) == expected


def test_malay_with_its_own_words_stays_malay():
    malay = ("Polis berkata bahawa kerana hujan lebat, pejabat kerajaan itu ditutup dan wang tidak boleh "
             "dikeluarkan oleh penduduk kampung sehingga minggu hadapan.")
    assert detect_language(malay) == "ms"
