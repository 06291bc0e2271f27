# plan messages (ids begin with "plan-").
