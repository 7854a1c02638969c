-- One row per article (article_id) whose entity mentions must be replaced: a new or reprocessed
-- article (a new batch), or one no longer current (a newer version arrived). An article's mentions come
-- from its batch alone, so an article whose batch and currency are as in the previous build is unchanged.
-- The previous build is its fact_entity_mentions (an article without any mention is simply rebuilt).
{%- set previous = previous_mart('fact_entity_mentions') %}
with

current_articles as (

    select article_id, batch_key
    from {{ ref('int_articles__versions') }}
    where is_current

),

previous as (

    {% if previous is not none -%}
    select distinct article_id, batch_key from {{ previous }}
    {%- else -%}
    select * from current_articles where false  -- first build: every article is new
    {%- endif %}

),

added as (

    select * from current_articles
    except
    select * from previous

),

removed as (

    select * from previous
    except
    select * from current_articles

),

final as (

    select article_id from added
    union
    select article_id from removed

)

select * from final
