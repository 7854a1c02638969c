{#-
    `not_null` for several columns of one model in one test: a row per listed column that has nulls, with
    how many (so a failure names its columns: `dbt test --store-failures`, or the query in the log).
    One node instead of one per column: dbt spends about 50 ms of CPU on every node it runs, whatever its
    SQL, and a build of 20 new articles ran 43 not_null tests.
-#}
{% test columns_not_null(model, columns) %}

select * from (
    {%- for column in columns %}
    select '{{ column }}' as null_column, count(*) as null_rows
    from {{ model }}
    where {{ column }} is null
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
) as nulls
where null_rows > 0

{% endtest %}
