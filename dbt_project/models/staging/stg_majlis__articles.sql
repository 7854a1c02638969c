-- One row per article: a batch landed twice, or an article re-ingested later, keeps the newest batch's row.
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
        {{ batch_key('filename') }} as batch_key

    from source

),

final as (

    select * from renamed
    qualify row_number() over (partition by article_id order by batch_key desc, ingested_at desc) = 1

)

select * from final
