"""What the reviewer draws: the pair side by side with its finding spans."""
