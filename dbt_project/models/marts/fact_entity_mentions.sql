-- One row per named-entity mention in an article.
with

mentions as (

    select * from {{ ref('stg_majlis__entity_mentions') }}

),

final as (

    select
        mention_id,
        article_id,
        sentence_index,
        label,
        mention_text,
        start_char,
        end_char,
        model_name,
        model_version,
        batch_key

    from mentions

)

select * from final
