"""Importing a plan from a template file (docs/actionplan-import.md): read the file's rows
(files.py), check them all and build the plan as plain data (template.py); services.py writes it."""
