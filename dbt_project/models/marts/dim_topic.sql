-- One row per meeting topic of the fixed list in GOLD_FORMAT.md (the `topics` seed).
select topic, name_en, name_ar, description from {{ ref('topics') }}
