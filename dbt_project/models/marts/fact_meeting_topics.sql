-- One row per (deduplicated meeting, topic): the topics list of fact_meetings, one per row.
-- Incremental (the other marts are tables): a build replaces only the rows of the meetings
-- int_meetings__changed lists (macros/incremental_facts.sql).
{{
    config(
        materialized='incremental',
        incremental_strategy='replace_keys',
        unique_key='meeting_id',
        meta={'changed_keys': 'int_meetings__changed'},
    )
}}

with

changed as (

    select meeting_id from {{ ref('int_meetings__changed') }}

),

meetings as (

    select meeting_id, topics from {{ ref('fact_meetings') }}
    {% if is_incremental() -%}
    where meeting_id in (select meeting_id from changed)
    {%- endif %}

),

final as (

    select meeting_id, unnest(topics) as topic
    from meetings

)

select * from final
