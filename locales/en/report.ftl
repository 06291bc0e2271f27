# report messages (ids begin with "report-").
