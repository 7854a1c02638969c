-- One row per deduplicated meeting: every report of the same meeting (see int_meetings__deduplicated)
-- becomes one row, described by its most confident report, with topics pooled from all reports.
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

reports as (

    select * from {{ ref('int_meetings__deduplicated') }}
    {% if is_incremental() -%}
    where meeting_key in (select meeting_id from changed)
    {%- endif %}

),

articles as (

    select * from {{ ref('stg_majlis__articles') }}

),

pooled as (

    select
        meeting_key,
        count(distinct article_id) as article_count,
        count(*) as report_count,
        list_sort(list_distinct(flatten(list(topics)))) as topics

    from reports
    group by meeting_key

),

final as (

    select
        reports.meeting_key as meeting_id,
        reports.meeting_date,
        reports.date_note,
        reports.event_type,
        reports.city,
        reports.location_country_code,
        reports.host_country_code,
        reports.guest_country_code,
        pooled.topics,
        reports.countries,
        pooled.article_count,
        pooled.report_count,
        reports.article_id,
        reports.meeting_index,
        articles.title as article_title,
        articles.published_at as article_published_at,
        articles.publisher as article_publisher,
        articles.url as article_url,
        reports.confidence,
        reports.evidence_sentence,
        reports.evidence_start,
        reports.evidence_end,
        reports.pipeline_version,
        reports.model_name,
        reports.model_version,
        reports.rules,
        reports.batch_key

    from reports
    inner join pooled using (meeting_key)
    left join articles using (article_id)
    where reports.is_representative

)

select * from final
