-- Metering reads a day's successful sign-ins and token grants through identity's SignInActivity.
create index sign_in_event_succeeded_by_time on sign_in_event (occurred_at) where succeeded and client_id is not null;
