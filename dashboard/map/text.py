"""Text of the map page."""

TEXT: dict[str, dict[str, str]] = {
    "map.title": {"en": "Programme map", "fr": "Carte des programmes"},
    "map.intro": {
        "en": "Where the six EU-IOM Actions work.",
        "fr": "Où interviennent les six Actions UE-OIM.",
    },
    # How to use the map on a screen: not printed (assets/30-print.css, .screen-only).
    "map.intro.how": {
        "en": "Choose how the countries are coloured, hover over a country for its facts and click it for its profile.",
        "fr": "Choisissez comment colorer les pays, survolez un pays pour voir ses caractéristiques et cliquez dessus pour afficher son profil.",
    },
    # Controls
    "map.colour.label": {"en": "Colour the countries by", "fr": "Colorer les pays selon"},
    "map.colour.action": {"en": "Action", "fr": "Action"},
    "map.colour.region": {"en": "Region", "fr": "Région"},
    "map.colour.status": {"en": "Status", "fr": "Statut"},
    "map.provinces.label": {
        "en": "Show Afghanistan by province (RADA’s eight provinces highlighted)",
        "fr": "Afficher l’Afghanistan par province (les huit provinces de RADA en évidence)",
    },
    # Figure
    "map.figure.title.action": {
        "en": "Action countries, by Action",
        "fr": "Pays des Actions, par Action",
    },
    "map.figure.title.region": {
        "en": "Action countries, by region",
        "fr": "Pays des Actions, par région",
    },
    "map.figure.title.status": {
        "en": "Action countries, by status",
        "fr": "Pays des Actions, par statut",
    },
    "map.legend.inactive": {
        "en": "Action country not in the current filters",
        "fr": "Pays d’une Action hors des filtres actuels",
    },
    "map.legend.rada_provinces": {
        "en": "RADA provinces (Afghanistan)",
        "fr": "Provinces de RADA (Afghanistan)",
    },
    "map.legend.other_provinces": {
        "en": "Other provinces of Afghanistan",
        "fr": "Autres provinces d’Afghanistan",
    },
    "map.colon": {"en": ": ", "fr": "\u202f: "},
    "map.hover.action": {"en": "Action", "fr": "Action"},
    "map.hover.region": {"en": "Region", "fr": "Région"},
    "map.hover.status": {"en": "Status", "fr": "Statut"},
    "map.hover.role": {"en": "Role", "fr": "Rôle"},
    "map.hover.pillars": {"en": "Pillars that apply", "fr": "Piliers applicables"},
    "map.hover.inactive": {"en": "Not in the current filters", "fr": "Hors des filtres actuels"},
    "map.hover.province_rada": {"en": "RADA province", "fr": "Province de RADA"},
    "map.hover.province_other": {"en": "Not a RADA province", "fr": "Hors des provinces de RADA"},
    "map.hover.click": {
        "en": "Click for the country profile",
        "fr": "Cliquez pour le profil du pays",
    },
    "map.aria": {
        "en": "World map framed on Africa and Asia: the countries of the EU-IOM Actions, coloured by the chosen category. The text under the map summarises it.",
        "fr": "Carte du monde centrée sur l’Afrique et l’Asie\u202f: les pays des Actions UE-OIM, colorés selon la catégorie choisie. Le texte sous la carte la résume.",
    },
    "map.summary": {
        "en": "{active} of the {total} Action countries match the current filters ({actions}). The others are drawn in plain grey.",
        "fr": "{active} des {total} pays des Actions correspondent aux filtres actuels ({actions}). Les autres sont dessinés en gris uni.",
    },
    "map.summary.all": {
        "en": "All {total} countries of the six Actions are shown: {actions}.",
        "fr": "Les {total} pays des six Actions sont affichés\u202f: {actions}.",
    },
    "map.summary.none": {
        "en": "No Action country matches the current filters: every Action country is drawn in plain grey.",
        "fr": "Aucun pays des Actions ne correspond aux filtres actuels\u202f: tous sont dessinés en gris uni.",
    },
    "map.summary.action_count": {"en": "{name}: {count}", "fr": "{name}\u202f: {count}"},
    # Global component
    "map.global.heading": {
        "en": "Not on the map: a global component",
        "fr": "Hors carte\u202f: une composante mondiale",
    },
    "map.global.text": {
        "en": "{name} — {action}, set up in {year}.",
        "fr": "{name} — {action}, mis en place en {year}.",
    },
    # Country profile
    "map.profile.heading": {"en": "Country profile", "fr": "Profil du pays"},
    "map.profile.hint": {
        "en": "Click a country on the map to see its Action, dates, pillars, headline indicators and published figures here. Click the sea or the close button to clear it.",
        "fr": "Cliquez sur un pays de la carte pour voir ici son Action, ses dates, ses piliers, ses indicateurs clés et ses chiffres publiés. Cliquez sur la mer ou sur le bouton de fermeture pour l’effacer.",
    },
    "map.profile.close": {"en": "Close the country profile", "fr": "Fermer le profil du pays"},
    "map.profile.select": {"en": "Or choose a country", "fr": "Ou choisissez un pays"},
    "map.profile.select_placeholder": {"en": "Country…", "fr": "Pays…"},
    "map.profile.action": {"en": "Action", "fr": "Action"},
    "map.profile.region": {"en": "Region", "fr": "Région"},
    "map.profile.status": {"en": "Status", "fr": "Statut"},
    "map.profile.role": {"en": "Role", "fr": "Rôle"},
    "map.profile.dates": {"en": "Dates", "fr": "Dates"},
    "map.profile.date_range": {"en": "{start} to {end}", "fr": "du {start} au {end}"},
    "map.profile.date_unknown": {"en": "not published", "fr": "non publiées"},
    "map.profile.date_start": {
        "en": "from {start} (end not published)",
        "fr": "à partir du {start} (fin non publiée)",
    },
    "map.profile.date_end": {
        "en": "until {end} (start not published)",
        "fr": "jusqu’au {end} (début non publié)",
    },
    "map.profile.dates_source": {"en": "source of the dates", "fr": "source des dates"},
    "map.profile.pillars": {"en": "Pillars that apply here", "fr": "Piliers applicables ici"},
    "map.profile.pillars_none": {"en": "No pillar recorded.", "fr": "Aucun pilier enregistré."},
    "map.profile.headline": {
        "en": "Headline indicators for the current filters",
        "fr": "Indicateurs clés pour les filtres actuels",
    },
    "map.profile.headline_empty": {
        "en": "No indicator data for this country under the current filters.",
        "fr": "Aucune donnée d’indicateur pour ce pays avec les filtres actuels.",
    },
    "map.profile.demo_note": {
        "en": "Generated demo values, not real programme data.",
        "fr": "Valeurs de démonstration générées, pas des données réelles des programmes.",
    },
    "map.profile.trend_title": {
        "en": "{country}: {indicator}, by quarter",
        "fr": "{country}\u202f: {indicator}, par trimestre",
    },
    "map.profile.published": {"en": "Published figures (real)", "fr": "Chiffres publiés (réels)"},
    "map.profile.published_caption": {
        "en": "Published by IOM, the EU or partners, each cumulative up to its own date. They are never added up nor combined with the demo values above.",
        "fr": "Publiés par l’OIM, l’UE ou leurs partenaires, chacun cumulé jusqu’à sa propre date. Ils ne sont jamais additionnés ni combinés aux valeurs de démonstration ci-dessus.",
    },
    "map.profile.published_empty": {
        "en": "No published figure for this country or its Action.",
        "fr": "Aucun chiffre publié pour ce pays ou son Action.",
    },
    "map.profile.level.country": {"en": "For {country}", "fr": "Pour ce pays ({country})"},
    "map.profile.level.action": {
        "en": "Action-wide ({action})",
        "fr": "Pour l’ensemble de l’Action ({action})",
    },
    "map.profile.level.initiative": {
        "en": "Joint Initiative-wide (its three Actions together)",
        "fr": "Pour l’ensemble de l’Initiative conjointe (ses trois Actions)",
    },
    "map.profile.as_of": {"en": "as of {date}", "fr": "au {date}"},
    "map.profile.source": {"en": "source", "fr": "source"},
    "map.profile.new_tab": {"en": "(opens in a new tab)", "fr": "(s’ouvre dans un nouvel onglet)"},
    # Qualifiers of published figures
    "map.qualifier.over": {"en": "more than", "fr": "plus de"},
    "map.qualifier.about": {"en": "about", "fr": "environ"},
    "map.qualifier.close to": {"en": "close to", "fr": "près de"},
    "map.qualifier.exact": {"en": "exactly", "fr": "exactement"},
    "map.qualifier.indicative": {"en": "indicatively", "fr": "à titre indicatif"},
    "map.qualifier.total": {"en": "in total", "fr": "au total"},
    "map.unit.eur": {"en": "€{value}", "fr": "{value} €"},
    # Published figures whose code is not an indicator of the store
    "map.pub.reintegration_assisted": {
        "en": "Returnees given reintegration assistance",
        "fr": "Migrants de retour ayant reçu une aide à la réintégration",
    },
    "map.pub.reintegration_eligible": {
        "en": "Returnees eligible for reintegration assistance",
        "fr": "Migrants de retour admissibles à l’aide à la réintégration",
    },
    "map.pub.community_project_beneficiaries": {
        "en": "Beneficiaries of community projects",
        "fr": "Bénéficiaires des projets communautaires",
    },
    "map.pub.migrant_response_centres": {
        "en": "Migrant response centres",
        "fr": "Centres d’intervention pour les migrants",
    },
    "map.pub.partners": {"en": "Partners", "fr": "Partenaires"},
    "map.pub.budget_eur": {"en": "Budget", "fr": "Budget"},
    "map.pub.budget_committed_eur": {"en": "Budget committed", "fr": "Budget engagé"},
    "map.pub.beneficiary_satisfaction_pct": {
        "en": "Beneficiaries satisfied with reintegration assistance",
        "fr": "Bénéficiaires satisfaits de l’aide à la réintégration",
    },
    "map.pub.returns_planned_topup": {
        "en": "Returns planned (top-up)",
        "fr": "Retours prévus (complément de financement)",
    },
    "map.pub.returnees_target": {"en": "Returnees targeted", "fr": "Migrants de retour visés"},
    "map.pub.beneficiaries_reached": {
        "en": "Beneficiaries reached",
        "fr": "Bénéficiaires atteints",
    },
    "map.pub.economic_assistance": {
        "en": "Returnees given economic assistance",
        "fr": "Migrants de retour ayant reçu une aide économique",
    },
    "map.pub.psychosocial_assistance": {
        "en": "Returnees given psychosocial assistance",
        "fr": "Migrants de retour ayant reçu une aide psychosociale",
    },
    "map.pub.social_assistance": {
        "en": "Returnees given social assistance",
        "fr": "Migrants de retour ayant reçu une aide sociale",
    },
    # Chart blocks
    "map.block.title": {"en": "Map of the Action countries", "fr": "Carte des pays des Actions"},
    "map.trend.heading": {
        "en": "Trend of the first headline indicator, by quarter",
        "fr": "Évolution du premier indicateur clé, par trimestre",
    },
    "map.trend.summary": {
        "en": "{country} – {indicator}, {first} to {last}: highest in {high} ({high_value}), lowest in {low} ({low_value}).",
        "fr": "{country} – {indicator}, du {first} au {last}\u202f: maximum au {high} ({high_value}), minimum au {low} ({low_value}).",
    },
    "map.trend.summary.one": {
        "en": "{country} – {indicator}: {value} in {quarter}, the only quarter with data.",
        "fr": "{country} – {indicator}\u202f: {value} au {quarter}, seul trimestre avec des données.",
    },
    "map.trend.summary.none": {
        "en": "{country}: no indicator data under the current filters.",
        "fr": "{country}\u202f: aucune donnée d’indicateur avec les filtres actuels.",
    },
    # Columns of the exported data
    "map.col.country_code": {
        "en": "Country code (ISO 3166-1 alpha-3)",
        "fr": "Code du pays (ISO 3166-1 alpha-3)",
    },
    "map.col.country": {"en": "Country", "fr": "Pays"},
    "map.col.province_code": {
        "en": "Province code (ISO 3166-2)",
        "fr": "Code de la province (ISO 3166-2)",
    },
    "map.col.province": {"en": "Province", "fr": "Province"},
    "map.col.action_code": {"en": "Action code", "fr": "Code de l’Action"},
    "map.col.action": {"en": "Action", "fr": "Action"},
    "map.col.region": {"en": "Region", "fr": "Région"},
    "map.col.status": {"en": "Status", "fr": "Statut"},
    "map.col.role": {"en": "Role", "fr": "Rôle"},
    "map.col.pillars": {"en": "Pillars that apply", "fr": "Piliers applicables"},
    "map.col.colour": {
        "en": "Map colour (legend entry)",
        "fr": "Couleur sur la carte (entrée de la légende)",
    },
    "map.col.in_filters": {"en": "In the current filters", "fr": "Dans les filtres actuels"},
    "map.col.indicator_code": {"en": "Indicator code", "fr": "Code de l’indicateur"},
    "map.col.indicator": {"en": "Indicator", "fr": "Indicateur"},
    "map.col.quarter": {"en": "Quarter", "fr": "Trimestre"},
    "map.col.quarter_start": {"en": "Quarter start", "fr": "Début du trimestre"},
    "map.col.value": {"en": "Value ({unit})", "fr": "Valeur ({unit})"},
    "map.unit.people": {"en": "people", "fr": "personnes"},
    "map.unit.projects": {"en": "projects", "fr": "projets"},
    "map.yes": {"en": "Yes", "fr": "Oui"},
    "map.no": {"en": "No", "fr": "Non"},
    # Page options of a link that were not recognised
    "map.notice.dropped": {
        "en": "Some map options of the link were not recognised and were ignored: {items}.",
        "fr": "Certaines options de carte du lien n’ont pas été reconnues et ont été ignorées\u202f: {items}.",
    },
    "map.notice.item": {
        "en": "“{value}” for {option}",
        "fr": "«\u00a0{value}\u00a0» pour {option}",
    },
    "map.notice.no_figure": {
        "en": "“{value}” for {option} (no country has such a figure for this measure)",
        "fr": "«\u00a0{value}\u00a0» pour {option} (aucun pays n’a de tel chiffre pour cette mesure)",
    },
    "map.notice.profile": {"en": "the country profile", "fr": "le profil du pays"},
    # EUTF reported results on this page
    # Country profile
    "eutf.profile.heading": {
        "en": "EUTF projects and contracts (real)",
        "fr": "Projets et contrats du FFUE (réels)",
    },
    "eutf.profile.none": {
        "en": "No EUTF project or contract implemented by IOM names this country.",
        "fr": "Aucun projet ou contrat du FFUE mis en œuvre par l’OIM ne cite ce pays.",
    },
    "eutf.profile.regional": {
        "en": "Regional projects and contracts that also cover it (their budgets are not this country’s)",
        "fr": "Projets et contrats régionaux qui le couvrent aussi (leur budget n’est pas celui de ce pays)",
    },
    "eutf.profile.budget": {"en": "EUTF budget: ", "fr": "Budget FFUE : "},
    "eutf.profile.dates": {"en": "from {start} to {end}", "fr": "du {start} au {end}"},
    "eutf.profile.dates.start": {
        "en": "from {start} (end not listed)",
        "fr": "à partir du {start} (fin non indiquée)",
    },
    "eutf.profile.dates.end": {
        "en": "until {end} (start not listed)",
        "fr": "jusqu’au {end} (début non indiqué)",
    },
    "eutf.profile.dates.none": {"en": "dates not listed", "fr": "dates non indiquées"},
    "eutf.profile.partners": {"en": "Partners: ", "fr": "Partenaires : "},
    "eutf.profile.action_link": {
        "en": "Link to the Actions (the dashboard’s classification): {link}",
        "fr": "Lien avec les Actions (classement du tableau de bord) : {link}",
    },
    "eutf.profile.document": {"en": "Action document", "fr": "Document d’action"},
    "eutf.profile.no_document": {
        "en": "no action document listed",
        "fr": "aucun document d’action cité",
    },
    "eutf.profile.classification": {
        "en": "JI-SLC, JI-HOA, JI-NA: the Joint Initiative component the title or scope identifies; related: programmes beside the Actions; other: other IOM projects. This classification is the dashboard’s, not the EUTF’s.",
        "fr": "JI-SLC, JI-HOA, JI-NA : la composante de l’Initiative conjointe que le titre ou le champ désigne ; related : programmes voisins des Actions ; other : autres projets de l’OIM. Ce classement est celui du tableau de bord, non celui du FFUE.",
    },
    "eutf.profile.chart_title": {
        "en": "{country}: EUTF results, target and actual",
        "fr": "{country} : résultats du FFUE, cible et réalisé",
    },
    "eutf.profile.chart_title_actual": {
        "en": "{country}: EUTF results reported (actual)",
        "fr": "{country} : résultats déclarés au FFUE (réalisé)",
    },
    "eutf.profile.chart_subtitle": {
        "en": "EUTF Common Output Indicators, reported by 17 Dec 2021",
        "fr": "Indicateurs communs de produits du FFUE, déclarés au 17 déc. 2021",
    },
    "eutf.profile.no_target": {
        "en": "no indicator has a target",
        "fr": "aucun indicateur n’a de cible",
    },
    # The French chart shows the dashboard's translation of the indicators' names: it says so.
    "eutf.profile.translated": {"en": "", "fr": "libellés traduits par le tableau de bord"},
    "eutf.profile.results_heading": {
        "en": "EUTF results reported (real)",
        "fr": "Résultats déclarés au FFUE (réels)",
    },
    "eutf.profile.summary": {
        "en": "{country}: {count} EUTF Common Output Indicators reported by 17 Dec 2021, {targets} with a target. Actual values: {values}.",
        "fr": "{country} : {count} indicateurs communs de produits du FFUE déclarés au 17 déc. 2021, dont {targets} avec une cible. Valeurs réalisées : {values}.",
    },
    "eutf.profile.summary.none": {
        "en": "{country}: no EUTF figure of its own.",
        "fr": "{country} : aucun chiffre du FFUE qui lui soit propre.",
    },
}
