# errors messages (ids begin with "errors-").
