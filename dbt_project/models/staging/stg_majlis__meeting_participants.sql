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
    qualify row_number() over (partition by participant_id order by renamed.batch_key desc) = 1

)

select * from final
