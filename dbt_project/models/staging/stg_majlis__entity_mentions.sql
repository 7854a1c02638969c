-- One row per entity mention (article, span, label); the newest batch wins.
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

    select * from renamed
    qualify row_number() over (partition by mention_id order by batch_key desc) = 1

)

select * from final
