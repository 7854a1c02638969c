-- One row per article version: which content of a document (same external id, same source) was seen
-- when, and which version replaced it. Only current versions contribute facts.
with

versions as (

    select * from {{ ref('int_articles__versions') }}

),

articles as (

    select article_id, title, published_at from {{ ref('stg_majlis__articles') }}

),

final as (

    select
        versions.article_id,
        versions.external_id,
        versions.publisher,
        versions.source_file,
        versions.document_key,
        versions.version_number,
        versions.first_seen,
        versions.superseded_by,
        versions.superseded_at,
        versions.is_current,
        versions.batch_key,
        articles.title,
        articles.published_at

    from versions
    left join articles using (article_id)

)

select * from final
