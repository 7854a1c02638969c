{#- Arabic name matching forms, the SQL twin of majlis.text.normalize (one folding table: MARKS,
    LETTER_FOLDS and DIGIT_FOLDS there; tests/test_text.py checks the two agree on generated text): no
    diacritics or tatweel, one alef, ى/ی→ي, ة/ۀ→ه, ک→ك, Western digits, single spaces. Used to resolve
    people and to match meeting reports. -#}
{%- macro normalise_name(column) -%}
nullif(trim(regexp_replace(
    translate(
        regexp_replace({{ column }}, '[\x{0610}-\x{061A}\x{064B}-\x{065F}\x{0670}\x{06D6}-\x{06ED}\x{0640}]', '', 'g'),
        'أإآٱىیةۀک٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', 'ااااييههك01234567890123456789'),
    '\s+', ' ', 'g')), '')
{%- endmacro -%}

{#- The last word of a normalised name without a leading «ال»: «سالم فهد المرزوقي» → «مرزوقي». -#}
{%- macro surname_key(column) -%}
nullif(regexp_replace(list_last(string_split({{ normalise_name(column) }}, ' ')), '^ال', ''), '')
{%- endmacro -%}
