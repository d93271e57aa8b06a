"""Nombre / correo zones of the volante: isolating the writing and reading an address."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from buzon_pipeline.core.rules import recover_email, snap_mail_domain
from buzon_pipeline.reading import ocr
from buzon_pipeline.reading.volante_text import (
    _dot_between,
    _doubtful_user,
    _email_in_words,
    _email_vote,
    _name_key,
    _name_words,
    _odd_name_word,
    _words_text,
    isolate_writing,
)


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("ana.ruiz@gmail.com", ("ana.ruiz@gmail.com", False)),
        ("JOSE.SOLIS@PRODIGY.NET.MX", ("jose.solis@prodigy.net.mx", False)),
        ("maria. lopez @ gmail.com", ("maria.lopez@gmail.com", False)),
        # a lost dot or one wrong letter in a known provider is a misread
        ("Marcibarra06@hotmailcom", ("marcibarra06@hotmail.com", True)),
        ("pepe@yahoo.con", ("pepe@yahoo.com", True)),
        ("luz@gmai1.com", ("luz@gmail.com", True)),
        # "@" read as a letter right before a known provider
        ("ADIAZOICLOUD.COM", ("adiaz@icloud.com", True)),
        ("adiaz O icloud.com", ("adiaz@icloud.com", True)),
        ("ana©gmailcom", ("ana@gmail.com", True)),
        # an unknown provider is returned as read, never snapped
        ("juan@imss.gob.mx", ("juan@imss.gob.mx", False)),
    ],
)
def test_recover_email_repairs_only_ocr_slips(read, expected):
    assert recover_email(read) == expected


@pytest.mark.parametrize(
    "read",
    [
        "hochoagmail.com",  # the person forgot the "@": nothing stood there
        "lucisanchez09gmail.com",
        "anaruizOmiempresa.com",  # a glyph, but before no known provider
        "raul65 @ outlook com",  # written split by spaces
        "raul65@outlookcom x",
        "user@gmail,com",  # a comma for the dot
        "user@gmail",  # no TLD
        "x@@gmail.com",
        "xochitl85@prodigy.net",  # a known provider cut short
        "itzel.guzman.b@live.com.mx a |",  # junk words are the caller's to drop
    ],
)
def test_recover_email_does_not_invent_an_address(read):
    assert recover_email(read) == (None, False)


def test_domain_snaps_only_to_one_close_provider():
    assert snap_mail_domain("gmail.com") == "gmail.com"
    assert snap_mail_domain("yahoocommx") == "yahoo.com.mx"
    assert snap_mail_domain("hotmial.com") is None  # two slips
    assert snap_mail_domain("prodigy.net") is None  # cut short
    assert snap_mail_domain("imss.gob.mx") is None


def _words(*items: tuple[str, float]) -> ocr.OcrResult:
    words = tuple(
        ocr.Word(text, conf, (i * 50, 0, i * 50 + 40, 20), (1, 1, 1))
        for i, (text, conf) in enumerate(items)
    )
    return ocr.OcrResult(" ".join(t for t, _ in items), 0.0, words)


def test_junk_words_next_to_the_address_neither_glue_on_nor_lower_its_confidence():
    reading = _words(("itzel.guzman.b@live.com.mx", 0.93), ("a", 0.2), ("|", 0.1))
    assert _email_in_words(reading) == ("itzel.guzman.b@live.com.mx", pytest.approx(0.93), False)
    reading = _words(("'JOSE.SOLIS@PRODIGY.NET.MX", 0.9), (",", 0.3))
    assert _email_in_words(reading)[0] == "jose.solis@prodigy.net.mx"


def test_words_are_joined_only_around_at_and_dots():
    reading = _words(("maria.lopez", 0.8), ("@", 0.6), ("gmail.com", 0.9))
    assert _email_in_words(reading) == ("maria.lopez@gmail.com", pytest.approx(0.7667, 1e-3), False)
    assert _email_in_words(_words(("raul65", 0.9), ("@outlook", 0.9), ("com", 0.9)))[0] is None


def test_two_addresses_in_one_box_give_none():
    reading = _words(("ana@gmail.com", 0.9), ("luis@hotmail.com", 0.9))
    assert _email_in_words(reading)[0] is None


def test_dust_is_erased_and_the_zone_is_cut_to_the_writing():
    crop = np.full((110, 2000), 245, np.uint8)
    cv2.putText(crop, "ana.ruiz@gmail.com", (30, 70), cv2.FONT_HERSHEY_SIMPLEX, 1.4, 0, 3)
    for x, y in ((900, 20), (1300, 90), (1700, 50), (1950, 15)):
        cv2.circle(crop, (x, y), 2, 0, -1)
    out = isolate_writing(crop, 300)
    assert out.shape[1] < 800  # the text is ~ 700 px wide, the specks ran to x = 1950
    assert out.shape[0] < crop.shape[0]
    assert (out < 128).sum() >= 0.95 * (crop[:, :800] < 128).sum()


def test_name_words_drop_border_leftovers_and_dots_after_whole_words():
    reading = _words(
        ("|", 0.2), ("MA.", 0.9), ("DE", 0.9), ("JESÚS", 0.9), ("MESÍA.", 0.8), ("o", 0.1)
    )
    words = _name_words(reading.words)
    assert [w.text for w in words] == ["MA.", "DE", "JESÚS", "MESÍA."]
    assert _words_text(words) == ["MA.", "DE", "JESÚS", "MESÍA"]


def test_spanish_and_english_readings_of_a_name_agree_despite_accents_and_enye():
    assert _name_key(["Inés", "Ibáñez"]) == _name_key(["Ines", "Ibafiez"])
    assert _name_key(["JOSÉ", "LUIS"]) == _name_key(["Jose", "Luis"])
    assert _name_key(["SOCOBBO"]) != _name_key(["SOCORRO"])


@pytest.mark.parametrize(
    ("word", "odd"),
    [
        ("Zúñiga", False),
        ("O'Farrill", False),
        ("Pérez-Gil", False),
        ("MA.", False),
        ("RoClo", True),  # a capital after a small letter
        ("“ZAMOICA", True),
        ("[eyes", True),
        ("BAU5", True),
    ],
)
def test_odd_name_words(word, odd):
    assert _odd_name_word(word) is odd


def _vote(first: ocr.OcrResult, second: ocr.OcrResult) -> tuple[str | None, float]:
    return _email_vote(first, _email_in_words(first), _email_in_words(second))


def test_two_readings_must_agree_on_the_address():
    first = _words(("ana.ruiz@gmail.com", 0.9), ("|", 0.1))
    assert _vote(first, _words(("ana.ruiz@gmail.com", 0.7))) == (
        "ana.ruiz@gmail.com",
        pytest.approx(0.8),
    )
    # a misread domain that snaps to the same provider still agrees
    assert _vote(first, _words(("ana.ruiz@gmai1.com", 0.7)))[0] == "ana.ruiz@gmail.com"
    email, confidence = _vote(first, _words(("ana.rulz@gmail.com", 0.9)))
    assert email is None and confidence < 0.6


def test_agreeing_readings_are_still_refused_where_both_slip_alike():
    # a repair both readings needed: the lost dot of the domain hints at lost dots in the user
    both_repaired = _words(("citlalibeltrans@prodigy.netmx", 0.9))
    assert _vote(both_repaired, both_repaired)[0] is None
    # a lone digit beside a digit-like letter
    split_number = _words(("citlalilaral6@outlook.com", 0.9))
    assert _vote(split_number, split_number)[0] is None
    # a word left of the address may be the start of its user
    split_user = _words(("pornsantiago", 0.8), ("LU@icloud.com", 0.9))
    assert _vote(split_user, split_user)[0] is None


@pytest.mark.parametrize(
    ("user", "doubtful"),
    [
        ("raulreyes23", False),
        ("carlos85", False),
        ("ivan05", False),
        ("maria.lopez", False),
        ("laral6", True),  # "lara16"
        ("alejandra2l", True),  # "alejandra21"
        ("xolalpag0", True),  # "xolalpa80"
    ],
)
def test_doubtful_users(user, doubtful):
    assert _doubtful_user(user) is doubtful


def test_a_dot_left_on_the_paper_joins_words_a_space_does_not():
    line = np.full((60, 400), 245, np.uint8)
    left = ocr.Word("ana@gmail", 0.9, (10, 10, 200, 50), (1, 1, 1))
    right = ocr.Word("com", 0.9, (225, 20, 300, 50), (1, 1, 1))
    assert not _dot_between(line, left, right)  # "ana@gmail com": written with a space
    cv2.circle(line, (212, 46), 3, 150, -1)  # a faint printed dot on the baseline
    assert _dot_between(line, left, right)
    reading = ocr.OcrResult("ana@gmail com", 0.9, (left, right))
    assert _email_in_words(reading, line)[0] == "ana@gmail.com"
    assert _email_in_words(reading)[0] is None
    # the next dot was not seen: the domain goes on past what was joined
    mx = ocr.Word("mx", 0.9, (330, 20, 370, 50), (1, 1, 1))
    reading = ocr.OcrResult("ana@gmail com mx", 0.9, (left, right, mx))
    assert _email_in_words(reading, line)[0] is None
