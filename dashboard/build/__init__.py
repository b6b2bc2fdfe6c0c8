"""Building and filling stores: reference data, demo data, imports. Never called by callbacks."""
