-- One row per article (article_id): a batch landed twice, or an article reprocessed later, keeps the
-- newest batch's row. `batch_key` is therefore the article's newest complete batch: fact rows of other
-- batches (older runs, or a batch interrupted before its articles landed) are ignored downstream.
with

source as (

    select * from {{ source('majlis', 'articles') }}

),

renamed as (

    select
        article_id,
        external_id,
        source_file,
        record_index,
        title,
        body,
        text as article_text,
        text_normalized,
        published_at,
        source as publisher,
        url,
        encoding,
        ingested_at,
        -- the same id from the same source is one document in several versions; files without a
        -- publisher are identified by their path
        coalesce(source, source_file) || '|' || external_id as document_key,
        {{ batch_key('filename') }} as batch_key

    from source

),

first_seen as (

    select article_id, min(ingested_at) as first_seen
    from renamed
    group by article_id

),

final as (

    select renamed.*, first_seen.first_seen
    from renamed
    inner join first_seen using (article_id)
    qualify row_number() over (partition by article_id order by batch_key desc, ingested_at desc) = 1

)

select * from final
