"""Calendar feeds (.ics) of deadlines at secret addresses: a user's own items, an office's pending items."""
