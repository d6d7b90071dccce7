"""The life of minutes: one table of steps (steps.py), the services that take them, their pages."""
