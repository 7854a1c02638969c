-- Every ISO 3166-1 country, whether or not any meeting mentions it.
with

countries as (

    select * from {{ ref('countries') }}

),

final as (

    select
        alpha_2 as country_code,
        alpha_3,
        numeric as iso_numeric,
        name_en,
        iso_name_en,
        name_ar,
        iso_name_ar,
        nullif(region, '') as region,
        nullif(sub_region, '') as sub_region,
        nullif(intermediate_region, '') as intermediate_region,
        is_gcc

    from countries

)

select * from final
