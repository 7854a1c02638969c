{#- Arabic name matching forms, the SQL twin of majlis.text.normalize: no diacritics or tatweel,
    one alef, ى→ي, ة→ه, single spaces. Used to resolve people and to match meeting reports. -#}
{%- macro normalise_name(column) -%}
nullif(trim(regexp_replace(
    replace(replace(regexp_replace(
        regexp_replace({{ column }}, '[\x{0610}-\x{061A}\x{064B}-\x{065F}\x{0670}\x{0640}]', '', 'g'),
        '[أإآٱ]', 'ا', 'g'), 'ى', 'ي'), 'ة', 'ه'),
    '\s+', ' ', 'g')), '')
{%- endmacro -%}

{#- The last word of a normalised name without a leading «ال»: «سالم فهد المرزوقي» → «مرزوقي». -#}
{%- macro surname_key(column) -%}
nullif(regexp_replace(list_last(string_split({{ normalise_name(column) }}, ' ')), '^ال', ''), '')
{%- endmacro -%}
