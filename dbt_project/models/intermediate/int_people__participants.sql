-- One row per participant of a current article's meeting, with the person it resolves to. People are
-- resolved by normalised full name (no diacritics or tatweel, one alef, ى→ي, ة→ه): the same spelling
-- up to those marks is one person across articles. Participants with no name resolve to no person.
with

participants as (

    select * from {{ ref('stg_majlis__meeting_participants') }}

),

reports as (

    select meeting_id, meeting_key, published_at
    from {{ ref('int_meetings__deduplicated') }}

),

final as (

    select
        participants.*,
        reports.meeting_key,
        reports.published_at,
        {{ normalise_name('participants.person_name') }} as name_key,
        {{ surname_key('participants.person_name') }} as surname,
        case
            when {{ normalise_name('participants.person_name') }} is not null
                then substr(md5({{ normalise_name('participants.person_name') }}), 1, 16)
        end as person_id

    from participants
    inner join reports using (meeting_id)

)

select * from final
