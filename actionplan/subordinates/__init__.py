"""A superior office and the offices directly below it: the plan it publishes as their template for a
fiscal year, the plans they make from it, and its overview of their scores."""
