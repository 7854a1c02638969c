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

final as (

    {{ newest_complete_batch('renamed', 'article_id, sentence_index') }}

)

select * from final
