{#- The batch key of a landed row: its Parquet file name without directory or extension. -#}
{%- macro batch_key(filename_column) -%}
regexp_extract({{ filename_column }}, '([^/\\]+)\.parquet$', 1)
{%- endmacro -%}
