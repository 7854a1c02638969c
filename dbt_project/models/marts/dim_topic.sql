-- One row per meeting topic of the fixed list in GOLD_FORMAT.md (the `topics` seed).
-- Built from a seed alone (tag `seed_only`): an incremental build, which starts from marts this same
-- project built, keeps it (majlis/warehouse.py).
{{ config(tags=['seed_only']) }}
select topic, name_en, name_ar, description from {{ ref('topics') }}
