-- One row per article version. Versions of one document (same external id from the same source) are
-- ordered by when each content was first seen; only the newest version is current, and only current
-- articles contribute facts to the marts.
with

articles as (

    select * from {{ ref('stg_majlis__articles') }}

),

final as (

    select
        article_id,
        document_key,
        external_id,
        publisher,
        source_file,
        first_seen,
        batch_key,
        row_number() over (partition by document_key order by first_seen, article_id) as version_number,
        lead(article_id) over (partition by document_key order by first_seen, article_id) as superseded_by,
        lead(first_seen) over (partition by document_key order by first_seen, article_id) as superseded_at

    from articles

)

select *, superseded_by is null as is_current from final
