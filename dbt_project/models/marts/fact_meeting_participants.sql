-- One row per person (or unnamed side) taking part in a deduplicated meeting. A person named in several
-- reports of the meeting is one row, taken from the most confident report that names them.
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

participants as (

    select * from {{ ref('int_people__participants') }}
    {% if is_incremental() -%}
    where meeting_key in (select meeting_id from changed)
    {%- endif %}

),

reports as (

    select meeting_id, is_representative, confidence, pipeline_version, model_name, model_version
    from {{ ref('int_meetings__deduplicated') }}

),

ranked as (

    select
        participants.*,
        reports.pipeline_version,
        reports.model_name,
        reports.model_version,
        coalesce(participants.person_id, participants.meeting_id || ':' || participants.participant_index)
            as participant_key

    from participants
    inner join reports using (meeting_id)
    qualify row_number() over (
        partition by participants.meeting_key, participant_key
        order by
            reports.is_representative desc,
            reports.confidence desc,
            participants.meeting_id,
            participants.participant_index  -- one report naming a person twice: always the first mention
    ) = 1

),

final as (

    select
        meeting_key || ':' || participant_key as participant_id,
        meeting_key as meeting_id,
        meeting_id as report_id,
        person_id,
        participant_index,
        person_name,
        title,
        rank,
        country_code,
        role,
        article_id,
        name_start,
        name_end,
        pipeline_version,
        model_name,
        model_version,
        rules,
        batch_key

    from ranked

)

select * from final
