-- One row per named-entity mention in a current article version.
-- Incremental (the other marts are tables): a build replaces only the mentions of the articles
-- int_articles__changed lists (macros/incremental_facts.sql).
{{
    config(
        materialized='incremental',
        incremental_strategy='replace_keys',
        unique_key='article_id',
        meta={'changed_keys': 'int_articles__changed'},
    )
}}

with

mentions as (

    select * from {{ ref('stg_majlis__entity_mentions') }}

),

changed as (

    select article_id from {{ ref('int_articles__changed') }}

),

versions as (

    select article_id from {{ ref('int_articles__versions') }}
    where is_current
    {% if is_incremental() -%}
    and article_id in (select article_id from changed)
    {%- endif %}

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
