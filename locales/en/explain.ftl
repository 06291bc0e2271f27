# explain messages (ids begin with "explain-").
