# rules のメッセージ (id は "rules-" で始まる)。
