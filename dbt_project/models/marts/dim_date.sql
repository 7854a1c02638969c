-- One row per calendar day from the earliest to the latest meeting date (empty when no meeting is dated).
with

bounds as (

    select min(meeting_date) as first_day, max(meeting_date) as last_day
    from {{ ref('fact_meetings') }}

),

days as (

    select cast(unnest(generate_series(first_day, last_day, interval 1 day)) as date) as date_day
    from bounds
    where first_day is not null

),

final as (

    select
        date_day,
        year(date_day) as year,
        quarter(date_day) as quarter,
        month(date_day) as month,
        monthname(date_day) as month_name,
        strftime(date_day, '%Y-%m') as year_month,
        isoyear(date_day) as iso_year,
        weekofyear(date_day) as iso_week,
        isodow(date_day) as iso_day_of_week,
        dayname(date_day) as day_name

    from days

)

select * from final
