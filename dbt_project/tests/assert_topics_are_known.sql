-- accepted_values for a list column: every topic of fact_meetings must be one of dim_topic's.
select meeting_id, topic
from {{ ref('fact_meeting_topics') }}
where topic not in (select topic from {{ ref('dim_topic') }})
