"""Names of the staff groups (made by a data migration; the names are Polish, as staff see them)."""

COORDINATORS = "Koordynatorzy"
SOCIAL_WORKERS = "Pracownicy socjalni"
EDITORS = "Redaktorzy"
