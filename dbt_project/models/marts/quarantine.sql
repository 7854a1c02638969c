-- One row per input that could not become an article, and why.
with

quarantined as (

    select * from {{ ref('stg_majlis__quarantine') }}

),

final as (

    select
        source_file,
        record_index,
        reason,
        first_seen,
        last_seen

    from quarantined

)

select * from final
