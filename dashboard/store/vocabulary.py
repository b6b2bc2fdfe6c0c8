"""The coded values fact rows may hold, shared by the generator, the importer and the app."""

from __future__ import annotations

SEXES = ("female", "male")
INDICATOR_SEXES = ("female", "male", "all")
AGE_GROUPS = ("18-24", "25-34", "35-44", "45+")
ASSISTANCE_TYPES = ("economic", "social", "psychosocial", "multidimensional")
ASSISTANCE_LEVELS = ("individual", "community", "structural")
REFERRALS = ("referral", "direct")
SCORE_COLUMNS = ("economic_score", "social_score", "psychosocial_score")
MAX_MONTHS_SINCE_RETURN = 240
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"
