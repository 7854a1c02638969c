"""Invented Arabic news articles and a bad-input corpus written to a directory.

Names, units and places are made up for the tests; nothing is copied from the evaluation data.
"""

from __future__ import annotations

import json
from pathlib import Path

VISIT = (
    "وزير الدفاع يستقبل رئيس أركان الجيش العماني\n\n"
    "الكويت في 12 مايو 2025: استقبل وزير الدفاع الشيخ سالم فهد المرزوقي في مكتبه اليوم رئيس أركان "
    "قوات السلطان المسلحة الفريق ركن خالد سعيد البلوشي والوفد المرافق له. وجرى خلال اللقاء بحث "
    "التعاون العسكري بين البلدين في مجالات التدريب والتمارين المشتركة."
)
VISIT_OTHER_WORDING = (
    "المرزوقي والبلوشي يبحثان التعاون العسكري\n\n"
    "التقى وزير الدفاع الكويتي سالم فهد المرزوقي يوم 13 مايو 2025 مع الفريق ركن خالد سعيد البلوشي رئيس "
    "أركان قوات السلطان المسلحة العمانية الذي يزور البلاد حاليا، وتناول الجانبان سبل تعزيز التعاون في "
    "مجال الأمن البحري."
)
CALL = (
    "اتصال هاتفي بين وزيري الدفاع الكويتي والأردني\n\n"
    "تلقى وزير الدفاع سالم فهد المرزوقي اتصالا هاتفيا اليوم من وزير الدفاع الأردني فارس نبيل الحديدي "
    "جرى خلاله بحث مكافحة الإرهاب وتبادل المعلومات الأمنية بين البلدين الشقيقين."
)
PLACEHOLDER_DATE = (
    "قائد القوة البحرية يستقبل ملحقا عسكريا\n\n"
    "استقبل قائد القوة البحرية اللواء ركن بحري ناصر عادل الدوسري بتاريخ «[تاريخ الزيارة]» الملحق "
    "العسكري الفرنسي العقيد لوران ميشو، وبحث الجانبان مجالات التعاون في الأمن البحري."
)


def write_articles(directory: Path, texts: dict[str, str]) -> list[Path]:
    """Write each text as `<name>.txt` (UTF-8) and return the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in texts.items():
        path = directory / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def jsonl_line(record_id: str, text: str, **extra: object) -> str:
    title, body = text.split("\n\n", 1)
    return json.dumps({"id": record_id, "title": title, "body": body, **extra}, ensure_ascii=False)


def long_unpunctuated(words: int = 4000) -> str:
    """One 'sentence' of thousands of words with no punctuation at all."""
    filler = "وبحث الجانبان سبل تعزيز التعاون العسكري والتدريب المشترك بين القوات المسلحة في البلدين"
    body = " ".join([filler] * (words // len(filler.split()) + 1))
    return f"تقرير مطول عن التعاون\n\n{body}"


def write_bad_corpus(directory: Path, outside: Path) -> dict[str, Path]:
    """Every kind of awkward input the pipeline must survive; returns name → path."""
    directory.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        files[name] = directory / name
        files[name].write_bytes(data)

    put("empty.txt", b"")
    put("binary.txt", bytes(range(256)) * 40)
    put("cp1256.txt", VISIT.encode("cp1256"))
    put("utf16.txt", CALL.encode("utf-16"))
    put(
        "page.html",
        (
            "<html><head><style>p{color:red}</style><script>var x = 1;</script></head><body>"
            f"<h1>{PLACEHOLDER_DATE.split(chr(10))[0]}</h1><p>{PLACEHOLDER_DATE.split(chr(10) * 2)[1]}</p>"
            "</body></html>"
        ).encode(),
    )
    put(
        "english.txt",
        b"Defence minister meets counterpart.\n\nThe two ministers discussed cooperation at length.",
    )
    put(
        "records.jsonl",
        "\n".join(
            [
                jsonl_line("rec-1", VISIT_OTHER_WORDING, source="wire-a", published_at="2025-05-13"),
                '{"id": "rec-2", "title": "broken", "body": ',
                json.dumps({"id": "rec-3", "title": "بلا نص"}, ensure_ascii=False),
                jsonl_line("rec-4", long_unpunctuated(), source="wire-a"),
            ]
        ).encode(),
    )
    put("big.txt", ("نص " * 40_000).encode())  # ~240 KB: over the small limit the tests set
    secret = outside / "secret.txt"
    secret.write_text(CALL, encoding="utf-8")
    files["link.txt"] = directory / "link.txt"
    files["link.txt"].symlink_to(secret)
    return files
