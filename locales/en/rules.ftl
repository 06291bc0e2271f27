# rules messages (ids begin with "rules-").
