"""French names inside sentences: the article a name takes, and "de" with its elision.

A generated phrase such as "Moyennes de {a}" must read "Moyennes de l’Afrique australe", "du
Niger", "de la Guinée", "des femmes", "de Djibouti", "d’Ouganda"-style elision where no article
applies. Names of places and groups come from the store and the pages' vocabularies; the article
each French name takes is listed here (a name not listed takes none, and "de" elides before a
vowel or a mute h). English names are returned as they are (English templates say "of").
"""

from __future__ import annotations

import unicodedata

# The definite article of each French name: "le", "la", "l’", "les", or "" for none.
FRENCH_ARTICLES: dict[str, str] = {
    # Countries (data/reference/countries.csv, and the Actions' other countries).
    "Afghanistan": "l’",
    "Afrique du Sud": "l’",
    "Algérie": "l’",
    "Bangladesh": "le",
    "Bénin": "le",
    "Burkina Faso": "le",
    "Cameroun": "le",
    "Cap-Vert": "le",
    "Comores": "les",
    "Côte d’Ivoire": "la",
    "Égypte": "l’",
    "Érythrée": "l’",
    "Éthiopie": "l’",
    "Gambie": "la",
    "Ghana": "le",
    "Guinée": "la",
    "Guinée-Bissau": "la",
    "Irak": "l’",
    "Kenya": "le",
    "Libéria": "le",
    "Libye": "la",
    "Malawi": "le",
    "Mali": "le",
    "Maroc": "le",
    "Mauritanie": "la",
    "Mozambique": "le",
    "Niger": "le",
    "Nigéria": "le",
    "Ouganda": "l’",
    "Sénégal": "le",
    "Sierra Leone": "la",
    "Somalie": "la",
    "Soudan": "le",
    "Soudan du Sud": "le",
    "Tanzanie": "la",
    "Tchad": "le",
    "Togo": "le",
    "Tunisie": "la",
    "Yémen": "le",
    "Zambie": "la",
    "Zimbabwe": "le",
    # Regions (data/reference/regions.csv).
    "Moyen-Orient et Afrique du Nord": "le",
    "Afrique de l’Est et Corne de l’Afrique": "l’",
    "Afrique centrale et de l’Ouest": "l’",
    "Afrique australe": "l’",
    "Asie et Pacifique": "l’",
    # Actions (short and full names, data/reference/actions.csv); Prottasha and RADA take none.
    "Afrique du Nord": "l’",
    "Corne de l’Afrique": "la",
    "Sahel et lac Tchad": "le",
    "Action pilote": "l’",
    "Prottasha": "",
    "RADA": "",
    "Djibouti": "",
    "Madagascar": "",
    # The sustainability page's fixed groups (sex, age, assistance, referral, months since return).
    "Femmes": "les",
    "Hommes": "les",
    "18–24 ans": "les",
    "25–34 ans": "les",
    "35–44 ans": "les",
    "45 ans et plus": "les",
    "Aide économique": "l’",
    "Aide sociale": "l’",
    "Aide psychosociale": "l’",
    "Aide multidimensionnelle": "l’",
    "Individuelle": "l’",
    "Communautaire": "l’",
    "Structurelle": "l’",
    "Orientée vers un partenaire": "l’",
    "Aide directe": "l’",
    "Tous les migrants de retour": "",
}
# Names starting with these (lower case, accents removed) take the article of their head words
# (the Actions' full names).
FRENCH_PREFIX_ARTICLES = (
    ("initiative conjointe", "l’"),
    ("action pilote", "l’"),
    ("aide a ", "l’"),
    ("prottasha", ""),
)
VOWELS = "aeiouyh"
# Heads of a name that keep their capital after an article (proper nouns); any other head is a
# common noun and is written in lower case inside a sentence ("des femmes", "de l’aide sociale").
COMMON_NOUNS = {
    "Femmes",
    "Hommes",
    "Aide",
    "Individuelle",
    "Communautaire",
    "Structurelle",
    "Orientée",
    "Tous",
}


def _plain(text: str) -> str:
    """``text`` in lower case without accents (to test its first letter and its head words)."""
    return "".join(
        char
        for char in unicodedata.normalize("NFD", text.lower())
        if unicodedata.category(char) != "Mn"
    )


def known_article(name: str) -> str | None:
    """The definite article ``name`` takes in French ("le", "la", "l’", "les" or "" for none);
    None for a name not listed."""
    if name in FRENCH_ARTICLES:
        return FRENCH_ARTICLES[name]
    plain = _plain(name)
    return next(
        (article for prefix, article in FRENCH_PREFIX_ARTICLES if plain.startswith(prefix)), None
    )


def french_article(name: str) -> str:
    """The definite article ``name`` takes in French; none for a name not listed."""
    return known_article(name) or ""


def _in_sentence(name: str) -> str:
    """``name`` as written inside a sentence: a common noun's capital lowered."""
    head = name.split(" ", 1)[0].split("-", 1)[0]
    return name[:1].lower() + name[1:] if head in COMMON_NOUNS else name


def of_name(name: str, lang: str | None) -> str:
    """``name`` after "of": in French "du Niger", "de la Guinée", "de l’Afrique australe", "des
    femmes", "de Djibouti", "d’Ouganda"-style elision; in English the name alone."""
    if lang != "fr" or not name:
        return name
    article = french_article(name)
    shown = _in_sentence(name) if article else name
    if article == "le":
        return f"du {shown}"
    if article == "les":
        return f"des {shown}"
    if article:
        return f"de {article}{shown}" if article.endswith("’") else f"de {article} {shown}"
    return f"d’{shown}" if _plain(name)[:1] in VOWELS else f"de {shown}"


def for_name(name: str, lang: str | None) -> str:
    """``name`` after "pour" (or any preposition that takes no contraction): "pour le Niger", "pour
    l’Afrique australe", "pour les femmes"; in English the name alone."""
    if lang != "fr" or not name:
        return name
    article = french_article(name)
    if not article:
        return name
    shown = _in_sentence(name)
    return f"{article}{shown}" if article.endswith("’") else f"{article} {shown}"
