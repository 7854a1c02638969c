-- One row per (meeting_id, participant_index); the newest batch wins.
with

source as (

    select * from {{ source('majlis', 'meeting_participants') }}

),

renamed as (

    select
        meeting_id || ':' || participant_index as participant_id,
        meeting_id,
        article_id,
        participant_index,
        person_name,
        title,
        rank,
        country_code,
        role,
        name_start,
        name_end,
        {{ batch_key('filename') }} as batch_key

    from source

),

final as (

    select * from renamed
    qualify row_number() over (partition by participant_id order by batch_key desc) = 1

)

select * from final
