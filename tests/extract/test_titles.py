"""Titles as the gold format wants them: the office, without the state it is in or sends its holder from."""

from __future__ import annotations

import pytest

from majlis.extract.people import clean_title


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("قائد الأركان العامة للجيوش بالجمهورية الإسلامية الموريتانية", "قائد الأركان العامة للجيوش"),
        ("قائد القوات الجوية بالجمهورية الإسلامية الباكستانية", "قائد القوات الجوية"),
        ("سفير الجمهورية الإسلامية الموريتانية بالجزائر", "سفير"),
        # a state's words that are the office itself stay
        ("وزير الدولة", "وزير الدولة"),
        ("وزير الدولة لشؤون الدفاع", "وزير الدولة لشؤون الدفاع"),
        ("رئيس الجمهورية", "رئيس الجمهورية"),
        ("سفير النوايا الحسنة", "سفير النوايا الحسنة"),
    ],
)
def test_a_title_drops_the_state_it_is_in(raw: str, title: str) -> None:
    assert clean_title(raw) == title
