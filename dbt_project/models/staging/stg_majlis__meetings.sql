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
        {{ batch_key('filename') }} as batch_key

    from source

),

articles as (

    select article_id, batch_key from {{ ref('stg_majlis__articles') }}

),

final as (

    -- only the rows of the article's newest complete batch: a reprocessed article that now yields
    -- fewer rows keeps none of the old extra ones, and rows of interrupted batches never show
    select renamed.*
    from renamed
    inner join articles using (article_id, batch_key)
    qualify row_number() over (partition by meeting_id order by renamed.batch_key desc) = 1

)

select * from final
