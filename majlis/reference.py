"""The country reference table (dbt seed `countries.csv`), generated from pycountry so it is never hand-typed.

Sources: codes and English names from pycountry's ISO 3166-1 data; `name_ar` is the name Arabic news uses
(the `display` names of `lexicons/countries.yaml`, the ones extraction reports countries by), and
`iso_name_ar` the formal name from pycountry's own `iso3166-1` Arabic gettext catalogue (plus
`lexicons/country_names_ar_fallback.csv` for the few names that catalogue has not translated), both
without diacritics so that `where name_ar = 'السعودية'` finds what people type; region, sub-region and
intermediate region from the UN Statistics Division's M49 "Standard country or area codes for
statistical use" overview, kept as data in `lexicons/un_m49_regions.csv` (M49 does not list Taiwan,
placed here in Eastern Asia; Antarctica has no region). Run `python -m majlis.reference` after a
pycountry upgrade or a change of a `display` name to regenerate the seed.
"""

from __future__ import annotations

import csv
import gettext
import os
import tempfile
from dataclasses import astuple, dataclass, fields
from pathlib import Path

import pycountry

from majlis import config
from majlis.text import ARABIC_DIACRITICS, TATWEEL

LEXICON_DIR = config.PACKAGE_DIR / "lexicons"
REGIONS_CSV = LEXICON_DIR / "un_m49_regions.csv"
ARABIC_FALLBACK_CSV = LEXICON_DIR / "country_names_ar_fallback.csv"
COUNTRY_SEED = config.DBT_PROJECT_DIR / "seeds" / "countries.csv"

GCC = frozenset({"SA", "AE", "KW", "QA", "BH", "OM"})


@dataclass(frozen=True)
class CountryRow:
    alpha_2: str
    alpha_3: str
    numeric: str  # kept as text: ISO numeric codes have leading zeros
    name_en: str  # common name when ISO's is inverted: "Iran", not "Iran, Islamic Republic of"
    iso_name_en: str
    name_ar: str  # as Arabic news writes it, without diacritics: «السعودية», «كوريا الجنوبية»
    iso_name_ar: str  # ISO's formal Arabic name, without diacritics: «كوريا، جمهورية كوريا»
    region: str
    sub_region: str
    intermediate_region: str
    is_gcc: bool


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _arabic_name(translate: gettext.NullTranslations, fallback: dict[str, str], country: object) -> str:
    """ISO short name in Arabic; the common/official names are tried because the catalogue keys vary."""
    for attr in ("name", "common_name", "official_name"):
        english = getattr(country, attr, None)
        if english:
            arabic = translate.gettext(english)
            if arabic != english:
                return arabic
    code = str(getattr(country, "alpha_2", ""))
    if code in fallback:
        return fallback[code]
    raise LookupError(f"no Arabic name for {code}: add it to {ARABIC_FALLBACK_CSV}")


def _undiacritised(name: str) -> str:
    """Without harakat, shadda or tatweel: what people type («السعودية», not «السّعوديّة»)."""
    return " ".join(ARABIC_DIACRITICS.sub("", name).replace(TATWEEL, "").split())


def _news_name(code: str) -> str:
    """The name extraction reports a country by (lexicons/countries.yaml's `display`, else ISO's, cleaned)."""
    from majlis.extract.countries import country_name_ar

    name = country_name_ar(code)
    if not name:
        raise LookupError(f"no Arabic name for {code} in majlis/lexicons/countries.yaml")
    return _undiacritised(name)


def country_rows() -> list[CountryRow]:
    """One row per ISO 3166-1 country, sorted by alpha-2 code."""
    translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    regions = {row["alpha_2"]: row for row in _read_csv(REGIONS_CSV)}
    fallback = {row["alpha_2"]: row["name_ar"] for row in _read_csv(ARABIC_FALLBACK_CSV)}
    rows = []
    for country in pycountry.countries:
        code = country.alpha_2
        if code not in regions:
            raise LookupError(f"{code} missing from {REGIONS_CSV}")
        region = regions[code]
        rows.append(
            CountryRow(
                alpha_2=code,
                alpha_3=country.alpha_3,
                numeric=country.numeric,
                name_en=getattr(country, "common_name", None) or country.name,
                iso_name_en=country.name,
                name_ar=_news_name(code),
                iso_name_ar=_undiacritised(_arabic_name(translate, fallback, country)),
                region=region["region"],
                sub_region=region["sub_region"],
                intermediate_region=region["intermediate_region"],
                is_gcc=code in GCC,
            )
        )
    return sorted(rows, key=lambda r: r.alpha_2)


def render_country_seed() -> str:
    """The seed file's exact text, so a test can compare it with the committed file."""
    lines = []
    header = [f.name for f in fields(CountryRow)]

    class _Sink:
        def write(self, text: str) -> int:
            lines.append(text)
            return len(text)

    writer = csv.writer(_Sink(), lineterminator="\n")
    writer.writerow(header)
    for row in country_rows():
        writer.writerow(["true" if v is True else "false" if v is False else v for v in astuple(row)])
    return "".join(lines)


def write_country_seed(path: Path = COUNTRY_SEED) -> Path:
    """Regenerate the seed CSV (atomically, so dbt never reads half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(render_country_seed())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


if __name__ == "__main__":
    print(write_country_seed())
