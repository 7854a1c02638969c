-- One row per meeting, with the article it came from.
with

meetings as (

    select * from {{ ref('stg_majlis__meetings') }}

),

articles as (

    select * from {{ ref('stg_majlis__articles') }}

),

final as (

    select
        meetings.meeting_id,
        meetings.meeting_date,
        meetings.date_note,
        meetings.event_type,
        meetings.city,
        meetings.location_country_code,
        meetings.host_country_code,
        meetings.guest_country_code,
        meetings.topics,
        meetings.countries,
        meetings.article_id,
        meetings.meeting_index,
        articles.title as article_title,
        articles.published_at as article_published_at,
        articles.publisher as article_publisher,
        articles.url as article_url,
        meetings.confidence,
        meetings.evidence_sentence,
        meetings.evidence_start,
        meetings.evidence_end,
        meetings.pipeline_version,
        meetings.model_name,
        meetings.batch_key

    from meetings
    left join articles on meetings.article_id = articles.article_id

)

select * from final
