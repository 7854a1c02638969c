-- One row per (deduplicated meeting, topic): the topics list of fact_meetings, one per row.
with

meetings as (

    select meeting_id, topics from {{ ref('fact_meetings') }}

),

final as (

    select meeting_id, unnest(topics) as topic
    from meetings

)

select * from final
