{#- A model's `schema` config names its schema exactly (`staging`, not dbt's default `main_staging`), so the
    default schema `main` holds only the marts an analyst queries, and staging, intermediate models and
    seeds sit in schemas named for what they are. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
