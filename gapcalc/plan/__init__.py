"""The plan file: a target file's bytes → validated plan (model, load, locate, rules, quotes, consistency) →
resolved levels (resolve, levels) → compiled plan (compiler makes, compiled holds), the tables the engine reads."""
