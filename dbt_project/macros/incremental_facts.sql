{#-
    Incremental facts. A fact table keeps its rows from the previous build and replaces only those of the
    keys a changed model lists (`meta.changed_keys`: the model, with one column named like the fact's
    `unique_key`): every row of such a key is deleted, then the key's rows as they are now are inserted.
    A key that has no rows any more (a meeting merged into another, an article superseded) is deleted and
    nothing comes back for it, which plain `delete+insert` (keyed on the new rows alone) cannot do.
    The full rebuild (no previous table, or `--full-refresh`) is dbt's own.
-#}
{% macro get_incremental_replace_keys_sql(arg_dict) -%}
    {%- set key = arg_dict['unique_key'] -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ arg_dict['target_relation'] }}
    where {{ key }} in (select {{ key }} from {{ ref(config.get('meta')['changed_keys']) }});

    insert into {{ arg_dict['target_relation'] }} ({{ columns }})
    select {{ columns }} from {{ arg_dict['temp_relation'] }}
{%- endmacro %}

{#- The published build's table `identifier` in the marts' schema (a build starts from a copy of the
    published warehouse), or none on a first build or a full refresh. Read by the changed-key models
    before the facts overwrite it. -#}
{% macro previous_mart(identifier) -%}
    {%- if execute -%}
        {{ return(adapter.get_relation(database=target.database, schema=target.schema, identifier=identifier)) }}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}
