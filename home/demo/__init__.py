"""Demo content for a fictional centre: texts in `content`, creation logic in `builder`."""
