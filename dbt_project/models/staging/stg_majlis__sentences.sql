-- One row per article_id and sentence_index of the article's newest complete batch.
with

source as (

    select * from {{ source('majlis', 'sentences') }}

),

renamed as (

    select
        article_id,
        sentence_index,
        start_char,
        end_char,
        text as sentence_text,
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
    qualify row_number() over (partition by article_id, sentence_index order by renamed.batch_key desc) = 1

)

select * from final
