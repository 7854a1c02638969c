"""Topic keywords on sentences written for these tests."""

from __future__ import annotations

import pytest

from majlis.extract.topics import topics_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وبحث الجانبان التحضير للتمرين البحري الخليجي المشترك", {"joint_exercises"}),
        ("وتناول اللقاء الاستعداد للتمارين الجوية المشتركة", {"joint_exercises"}),
        ("وناقشا إعداد وحدات الإنقاذ وتدريبها", {"training"}),
        # the aircraft are equipment, not a training programme
        ("وعرض الجانب الضيف طائرات التدريب التي تصنعها شركاته", {"defense_industry"}),
    ],
)
def test_topic_keywords(text: str, expected: set[str]) -> None:
    assert topics_in(text) == expected
