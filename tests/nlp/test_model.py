"""The real loading and tagging path: bundled model, freshly trained model, and missing models."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from majlis.nlp import model as model_mod
from majlis.nlp.corpus import generate
from majlis.nlp.model import MissingModelError, decode_bioes, load_pipeline, load_pipeline_for
from majlis.nlp.ner import run_ner
from majlis.nlp.train import train_model
from majlis.records import Article


def _article(text: str) -> Article:
    return Article(
        article_id="a1", external_id="a1", source_file="t.txt", record_index=0, title=None, body=text,
        text=text, text_normalized=text, published_at=None, source=None, url=None, encoding="utf-8",
        ingested_at=datetime.now(UTC),
    )  # fmt: skip


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MAJLIS_NER_MODEL", raising=False)
    load_pipeline.cache_clear()


def test_decode_bioes_handles_bio_bioes_and_stray_tags() -> None:
    tags = ["O", "B-PER", "I-PER", "E-PER", "S-LOC", "I-ORG", "O", "B-PER", "B-PER"]
    assert decode_bioes(tags) == [("PER", 1, 4), ("LOC", 4, 5), ("ORG", 5, 6), ("PER", 7, 8), ("PER", 8, 9)]


def test_bundled_model_tags_person_and_country_with_offsets() -> None:
    text = (
        "عنوان الخبر\n\nاستقبل وزير الدفاع، الشيخ منصور فهد الخرافي، صباح اليوم، "
        "سفير فنلندا لدى البلاد، ماتياس فيرتانين، في مكتبه في الكويت."
    )
    sentences, mentions = run_ner([_article(text)])
    assert [s.text for s in sentences] == ["عنوان الخبر", text.split("\n\n")[1]]
    assert all(text[s.start_char : s.end_char] == s.text for s in sentences)
    found = {(m.label, m.text) for m in mentions}
    assert ("PER", "منصور فهد الخرافي") in found
    assert ("PER", "ماتياس فيرتانين") in found
    assert ("LOC", "الكويت") in found
    for m in mentions:
        assert text[m.start_char : m.end_char] == m.text
        assert m.model_name == "majlis-ar-ner" and len(m.model_version) == 12
    assert not any(m.label == "PER" and ("الشيخ" in m.text or "صباح" in m.text) for m in mentions)


def test_pipeline_is_loaded_once_per_process() -> None:
    assert load_pipeline() is load_pipeline()


def test_tag_batches_many_sentences_in_one_call() -> None:
    pipe = load_pipeline()
    sentences = [["التقى", "اللواء", "كريم", "الناصر", "."]] * 300 + [[]]
    spans = pipe.tag(sentences)
    assert len(spans) == 301 and spans[-1] == []
    assert all(("PER", 2, 4) in s for s in spans[:300])


@pytest.mark.slow
def test_trains_tiny_model_and_loads_it_through_the_loader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    level = logging.getLogger("stanza").level
    out = train_model(tmp_path / "tiny.pt", n_sentences=120, max_steps=10, eval_interval=10, small=True)
    assert out.is_file() and out.stat().st_size < 2_000_000
    assert logging.getLogger("stanza").level == level
    monkeypatch.setenv("MAJLIS_NER_MODEL", str(out))
    pipe = load_pipeline()
    assert pipe.model_name == "tiny"
    tokens = [[w for w, _ in sent] for sent in generate(5, seed=99)]
    spans = pipe.tag(tokens)
    assert len(spans) == 5
    assert all(0 <= a < b <= len(toks) for toks, ss in zip(tokens, spans, strict=True) for _, a, b in ss)


def test_missing_model_file_names_path_and_fix(tmp_path: Path) -> None:
    missing = tmp_path / "nope.pt"
    with pytest.raises(MissingModelError, match=r"nope\.pt.*majlis ner train"):
        load_pipeline_for(str(missing))


def test_missing_official_models_name_dir_and_download_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAJLIS_STANZA_DIR", str(tmp_path / "stanza"))
    monkeypatch.setenv("MAJLIS_NER_MODEL", "official")
    with pytest.raises(MissingModelError, match=r"majlis models download --dir .*stanza"):
        load_pipeline()


def test_missing_bundled_model_says_how_to_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_mod, "BUNDLED_MODEL", tmp_path / "majlis-ar-ner.pt")
    with pytest.raises(MissingModelError, match=r"majlis ner train"):
        load_pipeline_for("bundled")


def test_person_spans_lose_title_words_and_place_only_spans() -> None:
    from majlis.nlp.ner import clean_person_spans

    tokens = ["وأكد", "الوزير", "سالم", "الفلاني", "أن", "كونا", "والكويت"]
    spans = [("PER", 1, 4), ("PER", 5, 6), ("LOC", 6, 7), ("PER", 6, 7)]
    assert clean_person_spans(tokens, spans) == [("PER", 2, 4), ("LOC", 6, 7)]


def test_person_spans_lose_a_leading_place_only_before_a_full_name() -> None:
    from majlis.nlp.ner import clean_person_spans

    # «سفير كندا لدى [قطر جون سميث]»: the posting's country is not part of the name ...
    tokens = ["سفير", "كندا", "لدى", "قطر", "جون", "سميث", "و", "سفير", "لدى", "عمان", "سالم"]
    # ... but one word after it is too little to be sure it is a name, so that span stays whole
    spans = [("PER", 3, 6), ("PER", 9, 11)]
    assert clean_person_spans(tokens, spans) == [("PER", 4, 6), ("PER", 9, 11)]


def test_person_spans_take_in_a_first_name_before_a_lineage_word() -> None:
    from majlis.nlp.ner import clean_person_spans

    # «وزير الدفاع الوطني حمادي ولد [محمد الأمين]»: the model began after «ولد»; a title word never joins
    tokens = ["وزير", "الدفاع", "الوطني", "سيدي", "ولد", "محمد", "الأمين", "و", "السفير", "بن", "علي"]
    assert clean_person_spans(tokens, [("PER", 5, 7), ("PER", 10, 11)]) == [("PER", 3, 7), ("PER", 10, 11)]


def test_person_spans_one_particle_apart_are_one_name() -> None:
    from majlis.nlp.ner import clean_person_spans

    tokens = ["التقى", "رامون", "دي", "لا", "كروز", "و", "جون", "سميث"]
    assert clean_person_spans(tokens, [("PER", 1, 3), ("PER", 4, 5), ("PER", 6, 8)]) == [
        ("PER", 1, 5),
        ("PER", 6, 8),
    ]


def test_person_spans_side_by_side_are_one_name() -> None:
    """«[عبد الرحيم] [صالح النعيمي]»: the model began a second name with nothing between; two people are
    always kept apart by «و» or a comma, which stay separate tokens."""
    from majlis.nlp.ner import clean_person_spans

    tokens = ["استقبل", "عبد", "الرحيم", "صالح", "النعيمي", "،", "جون", "سميث", "و", "لي", "وانغ"]
    spans = [("PER", 1, 3), ("PER", 3, 5), ("PER", 6, 8), ("PER", 9, 11)]
    assert clean_person_spans(tokens, spans) == [("PER", 1, 5), ("PER", 6, 8), ("PER", 9, 11)]


def test_loading_for_prediction_skips_the_training_optimizer() -> None:
    """Building Stanza's optimizer would import torch._dynamo and sympy (~85 MB per worker); a new
    process shows whether loading the bundled model pulls them in, and training still gets its optimizer."""
    import subprocess
    import sys

    from stanza.models.common import utils

    script = (
        "import sys; from majlis.nlp.model import load_pipeline; p = load_pipeline(); "
        "print(p.tag([['استقبل', 'الوزير', 'سالم', 'الهاجري']]), 'torch._dynamo' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split()[-1] == "False", done.stdout
    load_pipeline()
    assert utils.get_optimizer.__name__ == "get_optimizer"  # put back for training


@pytest.mark.slow
def test_same_seed_trains_the_same_file(tmp_path: Path) -> None:
    def train(folder: str, seed: int = 1234) -> bytes:
        path = tmp_path / folder / "m.pt"
        train_model(path, seed=seed, n_sentences=80, max_steps=5, eval_interval=5, small=True)
        return path.read_bytes()

    first = train("a")
    assert train("b") == first  # no temporary path inside, one-thread arithmetic
    assert train("c", seed=5) != first


def test_a_person_span_never_ends_on_abd() -> None:
    from majlis.nlp.ner import clean_person_spans

    # «السيد "[عبد] الأمير الحسني"»: the model stopped before a word that is also a title («الأمير»)
    tokens = ["السيد", '"', "عبد", "الأمير", "الحسني", '"', "اليوم"]
    assert clean_person_spans(tokens, [("PER", 2, 3)]) == [("PER", 2, 5)]


def test_quote_marks_and_slashes_are_not_read_and_spans_map_back(monkeypatch: pytest.MonkeyPatch) -> None:
    import majlis.nlp.inference as inference

    seen: list[list[str]] = []

    def tag_names(_processor: object, sentences: list[list[str]]) -> list[list[str]]:
        seen.extend(sentences)  # a stand-in model: «سالم الكعبي» is a person wherever it stands
        return [["B-PER" if w == "سالم" else "E-PER" if w == "الكعبي" else "O" for w in s] for s in sentences]

    monkeypatch.setattr(inference, "tag_tokens", tag_names)
    from types import SimpleNamespace

    pipeline = model_mod.NerPipeline("stand-in", "0", SimpleNamespace(processors={"ner": None}))
    words = ["التقى", "السيد", '"', "سالم", "الكعبي", '"', "والسفير", "/", "سالم", "الكعبي", "/"]
    assert pipeline.tag([words]) == [[("PER", 3, 5), ("PER", 8, 10)]]
    assert seen == [["التقى", "السيد", "سالم", "الكعبي", "والسفير", "سالم", "الكعبي"]]


def test_a_person_span_does_not_start_or_end_on_a_mark_the_model_skipped() -> None:
    from majlis.nlp.ner import clean_person_spans

    # «السفير الأمريكي بالرياض /جون ديفيس/»: read without the slashes, the model ran the city into the name
    tokens = ["السفير", "الأمريكي", "بالرياض", "/", "جون", "ديفيس", "/"]
    assert clean_person_spans(tokens, [("PER", 2, 7)]) == [("PER", 4, 6)]
