-- One row per mention_id of the article's newest complete batch.
with

source as (

    select * from {{ source('majlis', 'entity_mentions') }}

),

renamed as (

    select
        article_id || ':' || start_char || '-' || end_char || ':' || label as mention_id,
        article_id,
        sentence_index,
        label,
        text as mention_text,
        start_char,
        end_char,
        model_name,
        model_version,
        {{ batch_key('filename') }} as batch_key

    from source

),

articles as (

    select article_id, batch_key from {{ ref('stg_majlis__articles') }}

),

final as (

    -- only the rows of the article's newest complete batch: a reprocessed article that now yields
    -- fewer rows keeps none of the old extra ones, and rows of interrupted batches never show
    select renamed.*
    from renamed
    inner join articles using (article_id, batch_key)
    qualify row_number() over (partition by mention_id order by renamed.batch_key desc) = 1

)

select * from final
