"""Text of the API documentation page, the tokens page, embeds and the "download all data" button."""

TEXT = {
    "api.docs.title": {"en": "Open data API", "fr": "API de données ouvertes"},
    "api.docs.other_language": {"en": "Français", "fr": "English"},
    "api.docs.intro": {
        "en": "Every chart's data, read-only, with the same filters as the dashboard's addresses (region, status, "
        "action, country, pillar, from, to) and the same page options. Small survey groups stay suppressed "
        "and every table names its kind of data: never add kinds together.",
        "fr": "Les données de chaque graphique, en lecture seule, avec les mêmes filtres que les adresses du tableau "
        "de bord (region, status, action, country, pillar, from, to) et les mêmes options de page. Les petits "
        "groupes de l’enquête restent masqués et chaque tableau indique sa nature de données : ne jamais "
        "additionner des natures différentes.",
    },
    "api.docs.formats": {
        "en": "JSON by default; CSV with format=csv (or Accept: text/csv). lang=en or fr for labels.",
        "fr": "JSON par défaut ; CSV avec format=csv (ou Accept: text/csv). lang=en ou fr pour les libellés.",
    },
    "api.docs.paging": {
        "en": "Pages of rows: limit (up to 10,000; JSON gives 1,000 rows when it is absent) and offset; links.next and a Link header lead on. A CSV asked for without limit holds every row (up to 100,000).",
        "fr": "Pages de lignes : limit (jusqu’à 10 000 ; le JSON donne 1 000 lignes sans lui) et offset ; links.next et l’en-tête Link mènent à la suite. Un CSV demandé sans limit contient toutes les lignes (jusqu’à 100 000).",
    },
    "api.docs.errors": {
        "en": 'A bad parameter gets a 4xx answer in JSON: {"error": "…", "status": 400, "parameter": "…"}.',
        "fr": 'Un paramètre incorrect reçoit une réponse 4xx en JSON : {"error": "…", "status": 400, "parameter": "…"}.',
    },
    "api.docs.limits": {
        "en": "Rate limit per client: too many requests get 429 with Retry-After. Answers carry an ETag and Cache-Control.",
        "fr": "Limite de débit par client : trop de requêtes reçoivent 429 avec Retry-After. Les réponses portent un ETag et Cache-Control.",
    },
    "api.docs.auth": {
        "en": "When sign-in is on, send Authorization: Bearer <token>; analysts create tokens on /tokens.",
        "fr": "Quand la connexion est activée, envoyez Authorization: Bearer <jeton> ; les analystes créent leurs jetons sur /tokens.",
    },
    "api.docs.pandas_heading": {"en": "In pandas, one line", "fr": "Dans pandas, en une ligne"},
    "api.docs.charts_heading": {"en": "Charts", "fr": "Graphiques"},
    "api.docs.chart_col": {"en": "Chart", "fr": "Graphique"},
    "api.docs.options_col": {"en": "Page options", "fr": "Options de la page"},
    "api.docs.example_col": {"en": "Example (JSON, CSV)", "fr": "Exemple (JSON, CSV)"},
    "api.docs.reference_heading": {"en": "Reference tables", "fr": "Tables de référence"},
    "api.docs.download_heading": {
        "en": "Download all data",
        "fr": "Télécharger toutes les données",
    },
    "api.docs.download_text": {
        "en": "One zip with every table for the filters: CSV and Parquet, a data dictionary and a provenance file; "
        "hxl=1 adds HXL hashtags:",
        "fr": "Un zip avec tous les tableaux pour les filtres : CSV et Parquet, un dictionnaire de données et un "
        "fichier de provenance ; hxl=1 ajoute les hashtags HXL :",
    },
    "api.docs.embed_heading": {"en": "Embedding a chart", "fr": "Intégrer un graphique"},
    "api.docs.embed_text": {
        "en": "Every chart's Embed button gives this snippet; partner sites must be listed in EUIOM_EMBED_ORIGINS.",
        "fr": "Le bouton Intégrer de chaque graphique donne ce code ; les sites partenaires doivent figurer dans "
        "EUIOM_EMBED_ORIGINS.",
    },
    "api.embed.kind": {"en": "Kind of data:", "fr": "Nature des données :"},
    "api.embed.filters": {"en": "Filters:", "fr": "Filtres :"},
    "api.embed.table": {"en": "Data table", "fr": "Tableau des données"},
    "api.embed.link": {
        "en": "Open in the EU-IOM Actions dashboard",
        "fr": "Ouvrir dans le tableau de bord des Actions UE-OIM",
    },
    "api.embed.button": {"en": "Embed", "fr": "Intégrer"},
    "api.embed.button_title": {
        "en": "Code to embed this chart in another site",
        "fr": "Code pour intégrer ce graphique dans un autre site",
    },
    "api.embed.snippet_label": {
        "en": "Copy this code into the partner site's page:",
        "fr": "Copiez ce code dans la page du site partenaire :",
    },
    "api.embed.note.origins": {
        "en": "Partner sites allowed to show it (EUIOM_EMBED_ORIGINS): {origins}. A page on any other site shows an empty frame.",
        "fr": "Sites partenaires autorisés à l’afficher (EUIOM_EMBED_ORIGINS) : {origins}. Une page d’un autre site affiche un cadre vide.",
    },
    "api.embed.note.no_origins": {
        "en": "No partner site is allowed yet: this code works only on this dashboard's own pages, and browsers show an empty frame anywhere else. Whoever runs this server must list the partner site's origin in EUIOM_EMBED_ORIGINS (e.g. EUIOM_EMBED_ORIGINS=\"https://partner.example.org\") and restart it; this code then works there as it is.",
        "fr": 'Aucun site partenaire n’est encore autorisé : ce code ne fonctionne que dans les pages de ce tableau de bord, et les navigateurs affichent un cadre vide partout ailleurs. La personne qui administre ce serveur doit indiquer l’origine du site partenaire dans EUIOM_EMBED_ORIGINS (par ex. EUIOM_EMBED_ORIGINS="https://partner.example.org") et le redémarrer ; ce code y fonctionne alors tel quel.',
    },
    "api.embed.note.sign_in": {
        "en": "Sign-in is on: the chart shows only to people signed in to this dashboard.",
        "fr": "La connexion est activée : le graphique ne s’affiche qu’aux personnes connectées à ce tableau de bord.",
    },
    "api.download_all": {"en": "Download all data", "fr": "Télécharger toutes les données"},
    "api.download_all_title": {
        "en": "Every table of the dashboard for the current filters, in one zip (CSV, Parquet, data dictionary, provenance)",
        "fr": "Tous les tableaux du tableau de bord pour les filtres actuels, dans un zip (CSV, Parquet, dictionnaire, provenance)",
    },
    "api.download_all_hxl": {
        "en": "Download all data with HXL hashtags",
        "fr": "Télécharger toutes les données avec hashtags HXL",
    },
    "api.menu": {"en": "Open data", "fr": "Données ouvertes"},
    "api.docs_link": {"en": "Open data API", "fr": "API de données ouvertes"},
    "api.tokens.title": {"en": "API tokens", "fr": "Jetons d’API"},
    "api.tokens.intro": {
        "en": "Scripts send a token as Authorization: Bearer <token>. It acts with your roles.",
        "fr": "Les scripts envoient un jeton dans Authorization: Bearer <jeton>. Il agit avec vos rôles.",
    },
    "api.tokens.open": {
        "en": "This dashboard is public: the API needs no token.",
        "fr": "Ce tableau de bord est public : l’API ne demande aucun jeton.",
    },
    "api.tokens.forbidden": {
        "en": "Only analysts may create API tokens.",
        "fr": "Seuls les analystes peuvent créer des jetons d’API.",
    },
    "api.tokens.too_many": {
        "en": "You hold the most tokens allowed: revoke one first.",
        "fr": "Vous détenez le nombre maximal de jetons : révoquez-en un d’abord.",
    },
    "api.tokens.revoked": {"en": "The token is revoked.", "fr": "Le jeton est révoqué."},
    "api.tokens.not_recorded": {
        "en": "No token was created: the audit log cannot be written (the server's log says why). Try again later.",
        "fr": "Aucun jeton n'a été créé : le journal d'audit ne peut pas être écrit (le journal du serveur dit "
        "pourquoi). Réessayez plus tard.",
    },
    "api.tokens.unknown": {"en": "No such token.", "fr": "Jeton inconnu."},
    "api.tokens.new_heading": {
        "en": "Your new token (shown only now: copy it):",
        "fr": "Votre nouveau jeton (affiché seulement maintenant : copiez-le) :",
    },
    "api.tokens.label_label": {"en": "Name of the token", "fr": "Nom du jeton"},
    "api.tokens.create": {"en": "Create a token", "fr": "Créer un jeton"},
    "api.tokens.list_caption": {"en": "Your tokens", "fr": "Vos jetons"},
    "api.tokens.created_label": {"en": "Created", "fr": "Créé"},
    "api.tokens.revoke": {"en": "Revoke", "fr": "Révoquer"},
    "api.reference.actions": {
        "en": "The EU-IOM Actions: names, region, status, dates, funding, sources.",
        "fr": "Les Actions UE-OIM : noms, région, statut, dates, financement, sources.",
    },
    "api.reference.countries": {
        "en": "Countries of each Action, with their role.",
        "fr": "Pays de chaque Action, avec leur rôle.",
    },
    "api.reference.regions": {"en": "Regions of the Actions.", "fr": "Régions des Actions."},
    "api.reference.statuses": {"en": "Statuses of the Actions.", "fr": "Statuts des Actions."},
    "api.reference.pillars": {
        "en": "The six pillars of the KMH results framework.",
        "fr": "Les six piliers du cadre de résultats du KMH.",
    },
    "api.reference.indicators": {
        "en": "Programme indicators, their pillar and unit.",
        "fr": "Indicateurs du programme, leur pilier et leur unité.",
    },
    "api.reference.published-figures": {
        "en": "Headline figures published by the EU and IOM, with date and source.",
        "fr": "Chiffres clés publiés par l’UE et l’OIM, avec date et source.",
    },
    "api.reference.eutf-projects": {
        "en": "EUTF projects and contracts of the Actions: budget, dates, partners.",
        "fr": "Projets et contrats du FFUE des Actions : budget, dates, partenaires.",
    },
    "api.reference.eutf-results": {
        "en": "Every EUTF result row: indicator, target, actual, as-of date.",
        "fr": "Chaque ligne de résultat du FFUE : indicateur, cible, réalisé, date.",
    },
}
