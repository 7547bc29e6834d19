"""What people ask of a report: its targets, what changed since last year, its words, a term over the years."""
