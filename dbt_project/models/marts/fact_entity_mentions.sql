-- One row per named-entity mention in a current article version.
with

mentions as (

    select * from {{ ref('stg_majlis__entity_mentions') }}

),

versions as (

    select article_id from {{ ref('int_articles__versions') }} where is_current

),

final as (

    select
        mentions.mention_id,
        mentions.article_id,
        mentions.sentence_index,
        mentions.label,
        mentions.mention_text,
        mentions.start_char,
        mentions.end_char,
        mentions.model_name,
        mentions.model_version,
        mentions.batch_key

    from mentions
    inner join versions using (article_id)

)

select * from final
