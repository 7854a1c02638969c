-- One row per deduplicated meeting (meeting_id) whose rows in the meeting facts must be replaced: a
-- meeting some report joined, left or changed in (a new article, a reprocessed one, a new version),
-- under its new id and under the id it had in the previous build. Everything a meeting's fact rows hold
-- comes from its reports and their articles' batch, so a meeting whose reports all kept their batch and
-- their meeting is unchanged. The previous build is its fact_meeting_articles (one row per report).
{%- set previous = previous_mart('fact_meeting_articles') %}
with

reports as (

    select meeting_id as report_id, meeting_key as meeting_id, batch_key
    from {{ ref('int_meetings__deduplicated') }}

),

previous as (

    {% if previous is not none -%}
    select report_id, meeting_id, batch_key from {{ previous }}
    {%- else -%}
    select * from reports where false  -- first build: every meeting is new
    {%- endif %}

),

added as (

    select * from reports
    except
    select * from previous

),

removed as (

    select * from previous
    except
    select * from reports

),

final as (

    select meeting_id from added
    union
    select meeting_id from removed

)

select * from final
