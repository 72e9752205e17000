import pytest

from wirewatch.errors import InputRejected
from wirewatch.ingest.decode import check_text, decode


@pytest.mark.parametrize(
    ("raw", "encoding", "expected"),
    [
        ("Заявление министерства обороны".encode("cp1251"), "windows-1251", "Заявление министерства обороны"),
        ("Der Minister erklärte, die Grenze sei sicher.".encode("latin-1"), None, "erklärte"),
        ("Le ministre a déclaré que la frontière était sûre.".encode(), "utf-8", "déclaré"),
        ("\ufeffBOM page".encode("utf-8"), "utf-8", "BOM page"),
    ],
)
def test_legacy_and_unicode_encodings_are_decoded(raw, encoding, expected):
    decoded = decode(raw, "page")
    assert expected in decoded.text
    if encoding:
        assert decoded.encoding.replace("_", "-").lower() in (encoding, "cp1251", "utf-8")


def test_stray_invalid_bytes_in_utf8_are_replaced_not_rejected():
    raw = "Le ministre a déclaré que la frontière était sûre. ".encode() * 5 + b"\xff\xfe bad" + "é".encode()
    decoded = decode(raw, "page")
    assert decoded.encoding == "utf-8"
    assert "\ufffd" in decoded.text and "frontière" in decoded.text


@pytest.mark.parametrize("raw", [b"\x89PNG\r\n\x1a\n\0\0\0IHDR", b"%PDF-1.7\n...", b"abc\0def\0ghi"])
def test_binary_is_rejected_with_its_reason(raw):
    with pytest.raises(InputRejected) as e:
        decode(raw, "blob.bin")
    assert e.value.code == "binary" and "blob.bin" in str(e.value)


def test_whitespace_only_text_is_rejected_as_empty():
    with pytest.raises(InputRejected) as e:
        check_text(" \n\t \n", "blank.txt")
    assert e.value.code == "empty"


@pytest.mark.parametrize(
    "raw",
    [
        b"a\x01b\x7fc\x0cd\te\r\nf",  # form feed, tab and line ends stay
        "Der Minister erklärte\x0b".encode() * 3,
        # a control byte right after the lead byte of a broken sequence: the lead is replaced, the
        # control dropped, and the bytes after it are not read as the rest of the sequence
        "é".encode() * 10 + b"\xe2\x01\x80\x9d",
    ],
)
def test_control_characters_are_dropped_from_utf8_text(raw):
    decoded = decode(raw, "page")
    assert decoded.encoding == "utf-8"
    expected = raw.decode("utf-8", "replace")
    assert decoded.text == "".join(c for c in expected if c not in "\x00\x01\x0b\x7f")
    assert not any(0 < ord(c) < 9 or ord(c) in (0x0b, 0x7f) or 0x0e <= ord(c) < 0x20 for c in decoded.text)


@pytest.mark.parametrize("shown, meant", [
    # UTF-8 read as Windows-1252 and stored so
    ("The investorâ€™s guide says â€œwaitâ€\x9d â€” and the cafÃ© agreed.",
     "The investor’s guide says “wait” — and the café agreed."),
    # the same read as Latin-1: the continuation bytes became C1 controls
    ("The investor\u00e2\u0080\u0099s guide, na\u00c3\u00afve and Â\u00a0calm.",
     "The investor’s guide, naïve and \u00a0calm."),
])
def test_double_decoded_utf8_is_repaired_and_says_so(shown, meant):
    decoded = decode(shown.encode("utf-8"), "page.html")
    assert decoded.text == meant
    assert "repaired" in decoded.encoding


@pytest.mark.parametrize("text", [
    "„Grüß Gott“, sagte er. „Grüß Gott“, sagte sie.",  # German quotes after ß
    "“ESPAÑ” y “ESPAÑ” en la pancarta.",  # a letter before a closing quote, twice
    "São Paulo é grande. Copyright Â© 2031 only once.",  # one telltale alone
])
def test_text_that_only_looks_double_decoded_is_left_alone(text):
    decoded = decode(text.encode("utf-8"), "page.html")
    assert decoded.text == text and decoded.encoding == "utf-8"

