# explain のメッセージ (id は "explain-" で始まる)。
