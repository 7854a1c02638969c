-- One row per sentence of an article; the newest batch wins when an article was processed twice.
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

    select * from renamed
    qualify row_number() over (partition by article_id, sentence_index order by batch_key desc) = 1

)

select * from final
