-- One row per meeting as reported by one current article, with what matching needs: the sorted country
-- set and the normalised surnames of its named participants.
with

meetings as (

    select * from {{ ref('stg_majlis__meetings') }}

),

versions as (

    select article_id from {{ ref('int_articles__versions') }} where is_current

),

articles as (

    select article_id, published_at from {{ ref('stg_majlis__articles') }}

),

model_versions as (

    -- meetings do not carry the NER model version; every mention of the article's batch does
    select article_id, min(model_version) as model_version
    from {{ ref('stg_majlis__entity_mentions') }}
    group by article_id

),

surnames as (

    select meeting_id, list(distinct {{ surname_key('person_name') }}) filter (
        where {{ surname_key('person_name') }} is not null
    ) as surnames
    from {{ ref('stg_majlis__meeting_participants') }}
    group by meeting_id

),

final as (

    select
        meetings.*,
        articles.published_at,
        model_versions.model_version,
        list_sort(list_distinct(meetings.countries)) as country_set,
        coalesce(surnames.surnames, []) as surnames

    from meetings
    inner join versions using (article_id)
    left join articles using (article_id)
    left join model_versions using (article_id)
    left join surnames using (meeting_id)

)

select * from final
