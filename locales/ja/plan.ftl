# plan のメッセージ (id は "plan-" で始まる)。
