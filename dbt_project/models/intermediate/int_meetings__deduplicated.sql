-- One row per meeting report, with the id of the deduplicated meeting it belongs to (`meeting_key`).
-- Two reports are the same meeting when their dates are at most one day apart, their country sets are
-- equal (and not empty), they share a normalised participant surname and have the same event type.
-- Matches are joined transitively two hops deep (A~B~C puts A, B and C together), which covers the
-- reports of one meeting in practice; the key is the smallest report meeting_id of the group.
with

reports as (

    select * from {{ ref('int_meetings__reports') }}

),

pairs as (

    select a.meeting_id, b.meeting_id as other_id
    from reports as a
    inner join reports as b
        on a.event_type = b.event_type
        and a.country_set = b.country_set
        and len(a.country_set) > 0
        and abs(date_diff('day', a.meeting_date, b.meeting_date)) <= 1
        and len(list_intersect(a.surnames, b.surnames)) > 0
        and a.article_id <> b.article_id

),

one_hop as (

    select reports.meeting_id, least(reports.meeting_id, min(pairs.other_id)) as hop_key
    from reports
    left join pairs using (meeting_id)
    group by reports.meeting_id

),

two_hops as (

    select one_hop.meeting_id, least(one_hop.hop_key, min(other.hop_key)) as meeting_key
    from one_hop
    left join pairs using (meeting_id)
    left join one_hop as other on other.meeting_id = pairs.other_id
    group by one_hop.meeting_id, one_hop.hop_key

),

final as (

    select
        reports.*,
        two_hops.meeting_key,
        row_number() over (
            partition by two_hops.meeting_key
            order by reports.confidence desc, reports.published_at nulls last, reports.meeting_id
        ) = 1 as is_representative

    from reports
    inner join two_hops using (meeting_id)

)

select * from final
