-- Warns when the warehouse holds no article at all. A warning, not an error: a fresh warehouse is
-- legitimately empty. A *run* that lands nothing is caught by the flow itself, which fails when its
-- inputs give neither an article nor a quarantined item (flows/pipeline.py, NothingToDoError).
{{ config(severity='warn') }}
select 'no articles landed' as problem
where not exists (select 1 from {{ ref('article_versions') }})
