{#-
    The rows of `relation` that belong to their article's newest complete batch, one per `key`.
    An article's batch is complete once its articles file landed (articles land last), so rows of an
    interrupted batch never show, and a reprocessed article that now yields fewer rows keeps none of the
    old extra ones. Written once here because every per-article staging model applies the same rule.
-#}
{%- macro newest_complete_batch(relation, key) -%}
    select {{ relation }}.*
    from {{ relation }}
    inner join (select article_id, batch_key from {{ ref('stg_majlis__articles') }}) as articles
        using (article_id, batch_key)
    qualify row_number() over (partition by {{ key }} order by {{ relation }}.batch_key desc) = 1
{%- endmacro -%}
