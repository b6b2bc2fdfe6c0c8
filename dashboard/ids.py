"""Component ids, ``<page>-<thing>-<kind>``, as constants. Layouts and callbacks import them from here."""

# --- shell ---
URL = "shell-url"
LANGUAGE_STORE = "shell-language-store"
SELECTION_STORE = "shell-selection-store"
PAGE_CONTENT = "shell-page-content"
NAV_LINKS = "shell-nav-links"
LANGUAGE_SELECT = "shell-language-select"
DEMO_BANNER = "shell-demo-banner"
URL_NOTICE = "shell-url-notice"
FILTER_COLLAPSE = "shell-filter-collapse"
FILTER_TOGGLE = "shell-filter-toggle-button"
FILTER_REGION = "filter-region-dropdown"
FILTER_STATUS = "filter-status-dropdown"
FILTER_ACTION = "filter-action-dropdown"
FILTER_COUNTRY = "filter-country-dropdown"
FILTER_PILLAR = "filter-pillar-dropdown"
FILTER_PILLAR_HINT = "filter-pillar-hint"
FILTER_PERIOD_START = "filter-period-start-dropdown"
FILTER_PERIOD_END = "filter-period-end-dropdown"
FILTER_RESET = "filter-reset-button"

# --- map page ---

# --- pillars page ---

# --- sustainability page ---

# --- about page ---
