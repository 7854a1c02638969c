-- One row per person across articles, resolved by normalised full name (int_people__participants).
-- "Latest" title and rank: of the most recently published article; ties broken by article id, never
-- by landing batch, so the result does not depend on how the articles were batched.
with

participants as (

    select * from {{ ref('int_people__participants') }}
    where person_id is not null

),

final as (

    select
        person_id,
        mode(person_name order by person_name) as canonical_name,
        list_sort(list_distinct(list(person_name))) as name_variants,
        any_value(name_key) as name_key,
        arg_max(title, coalesce(published_at, date '0001-01-01')::varchar || article_id || participant_id)
            filter (where title is not null) as latest_title,
        arg_max(rank, coalesce(published_at, date '0001-01-01')::varchar || article_id || participant_id)
            filter (where rank is not null) as latest_rank,
        mode(country_code order by country_code) filter (where country_code is not null) as country_code,
        count(distinct meeting_key) as meeting_count,
        count(distinct article_id) as article_count,
        min(published_at) as first_published_at,
        max(published_at) as last_published_at

    from participants
    group by person_id

)

select * from final
