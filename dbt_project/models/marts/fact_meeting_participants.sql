-- One row per participant of a meeting.
with

participants as (

    select * from {{ ref('stg_majlis__meeting_participants') }}

),

final as (

    select
        participant_id,
        meeting_id,
        participant_index,
        person_name,
        title,
        rank,
        country_code,
        role,
        article_id,
        name_start,
        name_end,
        batch_key

    from participants

)

select * from final
