-- One row per participant_id of the article's newest complete batch.
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
        coalesce(rules, []::varchar[]) as rules,
        {{ batch_key('filename') }} as batch_key

    from source

),

final as (

    {{ newest_complete_batch('renamed', 'participant_id') }}

)

select * from final
