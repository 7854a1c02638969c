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

final as (

    {{ newest_complete_batch('renamed', 'mention_id') }}

)

select * from final
