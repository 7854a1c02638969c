-- Every code in fact_meetings.countries must be a known country (the list form of a relationships test).
with

codes as (

    select meeting_id, unnest(countries) as country_code
    from {{ ref('fact_meetings') }}

)

select codes.meeting_id, codes.country_code
from codes
left join {{ ref('dim_country') }} as dim_country
    on codes.country_code = dim_country.country_code
where codes.country_code is not null
  and dim_country.country_code is null
