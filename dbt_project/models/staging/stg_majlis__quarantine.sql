-- One row per quarantined input and reason, with the first time it was seen.
with

source as (

    select * from {{ source('majlis', 'quarantine') }}

),

renamed as (

    select
        source_file,
        record_index,
        reason,
        seen_at

    from source

),

final as (

    select
        source_file,
        record_index,
        reason,
        min(seen_at) as first_seen,
        max(seen_at) as last_seen

    from renamed
    group by source_file, record_index, reason

)

select * from final
