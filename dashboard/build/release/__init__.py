"""The protected release: differentially private survey statistics, made once per store version.

``budget`` holds the privacy budget and what it guarantees; ``returnees`` reads one row per
returnee from the survey records; ``mechanism`` measures with Gaussian noise and keeps the
ledger; ``model`` fits the release's model to the noisy measurements and draws its records;
``build`` writes the release into a store version. Everything public about survey answers is
computed from the release's records (``release_records``) and nothing else.
"""
