"""Word lists and phrase patterns live in majlis/lexicons/, not in the extraction code (issue 22).

A module-level collection or regex with Arabic letters in majlis/extract/*.py is a second home for a
vocabulary; only the small character tables that normalisation and clitic stripping run on are allowed.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import majlis.extract
from majlis.extract.lexicon import LEXICON_DIR

EXTRACT_DIR = Path(majlis.extract.__file__).resolve().parent
ARABIC_BLOCKS = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


def has_arabic_letter(text: str) -> bool:
    """Letters only: diacritic ranges and invisible marks of a normaliser are not vocabulary."""
    return any(ch.isalpha() and ARABIC_BLOCKS.match(ch) for ch in text)


# (module, name): why it may stay in code
ALLOWED = {
    ("countries.py", "_PREFIX_DEFINITE"): "clitic prefixes of the country trie regex (characters)",
    ("countries.py", "_PREFIX_BARE"): "clitic prefixes of the country trie regex (characters)",
}


def arabic_definitions(source: str) -> list[str]:
    """Names of module-level assignments whose value holds an Arabic string literal (a word set, a word
    list, a regex): what the lexicons should hold instead."""
    found = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value
            literals = [
                n.value
                for n in (ast.walk(value) if value is not None else [])
                if isinstance(n, ast.Constant) and isinstance(n.value, str)
            ]
            if any(has_arabic_letter(text) for text in literals):
                found += [t.id for t in targets if isinstance(t, ast.Name)]
    return found


def test_the_detector_sees_sets_lists_and_regexes() -> None:
    source = (
        'import re\nWORDS = {"ثم", "كما"}\nLEADS: tuple[str, ...] = ("خلال",)\n'
        'STOPS = set()\nSTOPS |= {"قد"}\nPAT = re.compile(r"(?:وصل|وصلت)\\s")\nPLAIN = {"a", "b"}\n'
        "def f() -> str:\n    return 'داخل دالة'\n"
    )
    assert arabic_definitions(source) == ["WORDS", "LEADS", "STOPS", "PAT"]


def test_no_extraction_module_defines_an_arabic_vocabulary() -> None:
    offenders = [
        f"{path.name}: {name}"
        for path in sorted(EXTRACT_DIR.glob("*.py"))
        for name in arabic_definitions(path.read_text(encoding="utf-8"))
        if (path.name, name) not in ALLOWED
    ]
    assert not offenders, "move these word lists or patterns to majlis/lexicons/: " + ", ".join(offenders)


def test_the_allowlist_names_only_what_exists() -> None:
    """A stale allowlist entry would let a new table of the same name slip through unseen."""
    for module, name in ALLOWED:
        assert name in arabic_definitions((EXTRACT_DIR / module).read_text(encoding="utf-8")), (module, name)


# the lists moved out of the code (issue 22), by lexicon file
MOVED = {
    "meetings.yaml": "call_verbs hold_verbs held_meetings credential_verbs credentials subordinate "
    "unit_window_stops "
    "sequel_before then the_visit pluperfect_arrival sequel_after pronoun_subjects participation guest_words "
    "list_item pluperfect_leads delegation_words meeting_nouns_before_place generic_vessel pointing_back",
    "people.yaml": "name_particles posting posted_to counterpart_nouns counterpart_with delegation_heads "
    "side_words "
    "visiting_now masdar_leads aside_openers prepositional time_after foreign_particles lineage office_place "
    "meeting_objects delivered title_stops subject_leads complementizers here_words subject_matter "
    "visited_stands soft_stoppers left_title_extra quoted_name_owners state_form_words envoy_words "
    "envoy_at_post embassy",
    "places.yaml": "place_prepositions visit_nouns headquarters visit_destination visitor arrival",
    "dates.yaml": "equivalent_gap qualifier_gap dateline_city dateline_lead dateline_equivalent "
    "dateline_gregorian_era",
}


def test_every_moved_list_is_there_with_a_comment_saying_what_it_is_for() -> None:
    """Each moved key is in its file, right under a comment line with an example in «…»."""
    for name, keys in MOVED.items():
        lines = (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines()
        for key in keys.split():
            index = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
            assert index is not None, f"{name}: {key} missing"
            assert lines[index - 1].startswith("# ") and "«" in lines[index - 1], (
                f"{name}: {key} has no comment"
            )
