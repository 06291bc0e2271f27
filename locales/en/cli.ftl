# cli messages (ids begin with "cli-").
