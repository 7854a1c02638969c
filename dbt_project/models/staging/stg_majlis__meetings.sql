-- One row per meeting_id of the article's newest complete batch.
with

source as (

    select * from {{ source('majlis', 'meetings') }}

),

renamed as (

    select
        meeting_id,
        article_id,
        meeting_index,
        event_type,
        meeting_date,
        date_note,
        city,
        location_country_code,
        host_country_code,
        guest_country_code,
        countries,
        topics,
        evidence_sentence,
        evidence_start,
        evidence_end,
        confidence,
        pipeline_version,
        model_name,
        coalesce(rules, []::varchar[]) as rules,
        {{ batch_key('filename') }} as batch_key

    from source

),

final as (

    {{ newest_complete_batch('renamed', 'meeting_id') }}

)

select * from final
