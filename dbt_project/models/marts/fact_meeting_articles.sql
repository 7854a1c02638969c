-- Bridge: one row per (deduplicated meeting, article reporting it), i.e. one row per meeting report.
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

    select article_id, title, publisher, url from {{ ref('stg_majlis__articles') }}

),

final as (

    select
        reports.meeting_key as meeting_id,
        reports.article_id,
        reports.meeting_id as report_id,
        reports.meeting_index,
        reports.is_representative,
        reports.meeting_date as reported_date,
        reports.confidence,
        reports.evidence_sentence,
        articles.title as article_title,
        reports.published_at as article_published_at,
        articles.publisher as article_publisher,
        articles.url as article_url,
        reports.pipeline_version,
        reports.model_name,
        reports.model_version,
        reports.batch_key

    from reports
    left join articles using (article_id)

)

select * from final
