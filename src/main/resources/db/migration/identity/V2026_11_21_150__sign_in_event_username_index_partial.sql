-- Token grants (code exchanges and refreshes) record no username, only the account: the index the
-- throttle reads password sign-ins by username through need not hold an entry for each of them.
drop index sign_in_event_username;
create index sign_in_event_username on sign_in_event (lower(username), occurred_at) where username is not null;
