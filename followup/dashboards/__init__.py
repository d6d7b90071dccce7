"""An office's follow-up dashboard, and its superior offices' view of all their subordinates side by side."""
