"""Text of the pillars page: pillar coverage, indicator comparisons and published figures."""

TEXT: dict[str, dict[str, str]] = {
    # Page
    "pillars.title": {"en": "Pillars and indicators", "fr": "Piliers et indicateurs"},
    "pillars.intro": {
        "en": "What each Action does (its pillars) and what it reached (its indicators). Every chart follows the filters above.",
        "fr": "Ce que fait chaque Action (ses piliers) et ce qu’elle a atteint (ses indicateurs). Chaque graphique suit les filtres ci-dessus.",
    },
    # Pillar coverage
    "pillars.coverage.heading": {"en": "Pillar coverage", "fr": "Couverture des piliers"},
    "pillars.coverage.period_note": {
        "en": "Pillars are reference facts from the source page. With a period chosen, only Actions that ran during part of it are listed.",
        "fr": "Les piliers sont des faits de référence tirés de la page source. Si une période est choisie, seules les Actions menées pendant une partie de celle-ci sont listées.",
    },
    "pillars.matrix.title": {"en": "Pillars by Action", "fr": "Piliers par Action"},
    "pillars.matrix.aria": {
        "en": "Matrix of Actions (rows) by pillars (columns). A filled circle marks a pillar listed on the source page; a half circle marks a pillar that this project maps from an objective or result area; an empty cell means the Action does not cover the pillar. The same matrix is available as a table below.",
        "fr": "Matrice des Actions (lignes) par piliers (colonnes). Un cercle plein indique un pilier cité par la page source ; un demi-cercle, un pilier auquel ce projet rattache un objectif ou un domaine de résultat ; une case vide, un pilier que l’Action ne couvre pas. La même matrice est disponible sous forme de tableau ci-dessous.",
    },
    "pillars.matrix.table_toggle": {
        "en": "Show the matrix as a table",
        "fr": "Afficher la matrice sous forme de tableau",
    },
    "pillars.legend.stated": {
        "en": "● stated by the source page",
        "fr": "● indiqué par la page source",
    },
    "pillars.legend.mapped": {
        "en": "◐ mapping by this project, not by the source",
        "fr": "◐ correspondance établie par ce projet, non par la source",
    },
    "pillars.legend.none": {"en": "empty: not covered", "fr": "vide : non couvert"},
    "pillars.legend.exception": {
        "en": "◆ applies under a country exception",
        "fr": "◆ s’applique au titre d’une exception par pays",
    },
    "pillars.legend.excluded": {
        "en": "✕ left out by a country exception",
        "fr": "✕ exclu par une exception par pays",
    },
    "pillars.basis.stated": {"en": "Stated by the source page", "fr": "Indiqué par la page source"},
    "pillars.basis.mapped": {
        "en": "Mapping by this project, not by the source",
        "fr": "Correspondance établie par ce projet, non par la source",
    },
    "pillars.basis.none": {"en": "Not covered", "fr": "Non couvert"},
    "pillars.basis.country_exception": {
        "en": "Applies in this country under a country exception",
        "fr": "S’applique dans ce pays au titre d’une exception par pays",
    },
    "pillars.basis.excluded": {
        "en": "Does not apply in this country (country exception)",
        "fr": "Ne s’applique pas dans ce pays (exception par pays)",
    },
    "pillars.hover.objectives": {
        "en": "Objectives or result areas mapped here",
        "fr": "Objectifs ou domaines de résultat rattachés",
    },
    "pillars.hover.rationale": {
        "en": "This project’s reasoning",
        "fr": "Justification de ce projet",
    },
    "pillars.axis.pillar": {"en": "Pillar", "fr": "Pilier"},
    "pillars.axis.action": {"en": "Action", "fr": "Action"},
    "pillars.axis.country": {"en": "Country", "fr": "Pays"},
    # Objective mapping
    "pillars.mapping.heading": {
        "en": "Objectives and result areas mapped to pillars",
        "fr": "Objectifs et domaines de résultat rattachés aux piliers",
    },
    "pillars.mapping.caption": {
        "en": "The Pilot Action, Prottasha and RADA state objectives or result areas, not pillars. The pillar given for each is this project’s mapping, not the source’s.",
        "fr": "L’Action pilote, Prottasha et RADA énoncent des objectifs ou des domaines de résultat, et non des piliers. Le pilier indiqué pour chacun est une correspondance établie par ce projet, non par la source.",
    },
    "pillars.mapping.none": {
        "en": "No Action in the current filters states objectives or result areas instead of pillars.",
        "fr": "Aucune Action retenue par les filtres actuels n’énonce d’objectifs ou de domaines de résultat à la place des piliers.",
    },
    "pillars.mapping.col.action": {"en": "Action", "fr": "Action"},
    "pillars.mapping.col.objective": {
        "en": "Objective or result area (source)",
        "fr": "Objectif ou domaine de résultat (source)",
    },
    "pillars.mapping.col.pillar": {
        "en": "Pillar (this project’s mapping)",
        "fr": "Pilier (correspondance de ce projet)",
    },
    "pillars.mapping.col.rationale": {"en": "Reasoning", "fr": "Justification"},
    "pillars.kind.specific_objective": {
        "en": "Specific objective {no}",
        "fr": "Objectif spécifique {no}",
    },
    "pillars.kind.result_area": {"en": "Result area {no}", "fr": "Domaine de résultat {no}"},
    # Drill-down
    "pillars.drill.heading": {
        "en": "One Action’s countries by pillar",
        "fr": "Pays d’une Action par pilier",
    },
    "pillars.drill.label": {"en": "Action shown by country", "fr": "Action détaillée par pays"},
    "pillars.drill.title": {
        "en": "{action}: pillars by country",
        "fr": "{action} : piliers par pays",
    },
    "pillars.drill.aria": {
        "en": "Matrix of the chosen Action’s countries (rows) by pillars (columns), marking the pillars that a country exception leaves out. The exceptions are explained below the chart.",
        "fr": "Matrice des pays de l’Action choisie (lignes) par piliers (colonnes), qui signale les piliers exclus par une exception par pays. Les exceptions sont expliquées sous le graphique.",
    },
    "pillars.drill.exceptions": {"en": "Country exceptions", "fr": "Exceptions par pays"},
    "pillars.drill.exception_pillars": {
        "en": "pillars {pillars} only",
        "fr": "piliers {pillars} uniquement",
    },
    "pillars.drill.no_exception": {
        "en": "No country exception for this Action in the current filters: each country applies all of the Action’s pillars.",
        "fr": "Aucune exception par pays pour cette Action selon les filtres actuels : chaque pays applique tous les piliers de l’Action.",
    },
    "pillars.drill.no_action": {
        "en": "No Action matches the current filters.",
        "fr": "Aucune Action ne correspond aux filtres actuels.",
    },
    # Counts per pillar
    "pillars.counts.title": {
        "en": "Actions and countries applying each pillar",
        "fr": "Actions et pays appliquant chaque pilier",
    },
    "pillars.counts.aria": {
        "en": "Bar chart: for each pillar, the number of Actions (blue) and of countries (orange) where it applies, for the current filters: as the source documents state it (plain bars) and, apart, as the dashboard mapped it (hatched bars); the two are never added.",
        "fr": "Diagramme en barres : pour chaque pilier, le nombre d’Actions (bleu) et de pays (orange) où il s’applique, selon les filtres actuels : selon les documents sources (barres pleines) et, à part, selon la correspondance du tableau de bord (barres hachurées) ; les deux ne sont jamais additionnés.",
    },
    "pillars.counts.actions": {"en": "Actions", "fr": "Actions"},
    "pillars.counts.actions_stated": {"en": "Actions (sources)", "fr": "Actions (sources)"},
    "pillars.counts.actions_mapped": {
        "en": "Actions (our mapping)",
        "fr": "Actions (notre correspondance)",
    },
    "pillars.counts.countries_stated": {"en": "Countries (sources)", "fr": "Pays (sources)"},
    "pillars.counts.countries_mapped": {
        "en": "Countries (our mapping)",
        "fr": "Pays (notre correspondance)",
    },
    "pillars.counts.countries": {"en": "Countries", "fr": "Pays"},
    "pillars.counts.axis": {"en": "Number", "fr": "Nombre"},
    # Indicator comparisons
    "pillars.indicators.heading": {
        "en": "Indicator comparisons",
        "fr": "Comparaison des indicateurs",
    },
    "pillars.cards.heading": {
        "en": "Totals for the current filters",
        "fr": "Totaux pour les filtres actuels",
    },
    "pillars.cards.hint": {
        "en": "Point at a card (or focus it) to read the indicator’s definition.",
        "fr": "Survolez une carte (ou donnez-lui le focus) pour lire la définition de l’indicateur.",
    },
    "pillars.cards.no_data": {
        "en": "No value reported for the current filters.",
        "fr": "Aucune valeur déclarée pour les filtres actuels.",
    },
    "pillars.cards.empty": {
        "en": "No indicator applies to the current filters.",
        "fr": "Aucun indicateur ne s’applique aux filtres actuels.",
    },
    "pillars.cards.definition": {"en": "Definition: {text}", "fr": "Définition : {text}"},
    "pillars.cards.pillar": {"en": "Pillar {no}", "fr": "Pilier {no}"},
    "pillars.unit.people": {"en": "people", "fr": "personnes"},
    "pillars.unit.projects": {"en": "projects", "fr": "projets"},
    "pillars.controls.indicator": {
        "en": "Indicator for the trend and the ranking",
        "fr": "Indicateur de l’évolution et du classement",
    },
    "pillars.controls.trend": {"en": "Trend by", "fr": "Évolution par"},
    "pillars.controls.region": {"en": "Region", "fr": "Région"},
    "pillars.controls.action": {"en": "Action", "fr": "Action"},
    "pillars.controls.sex": {"en": "Ranking", "fr": "Classement"},
    "pillars.controls.by_sex": {"en": "Split by sex", "fr": "Ventiler par sexe"},
    "pillars.trend.title.region": {
        "en": "{indicator} per quarter, by region",
        "fr": "{indicator} par trimestre et par région",
    },
    "pillars.trend.title.action": {
        "en": "{indicator} per quarter, by Action",
        "fr": "{indicator} par trimestre et par Action",
    },
    "pillars.trend.aria": {
        "en": "Line chart of the chosen indicator per quarter, one line (with its own marker shape) per region or Action.",
        "fr": "Graphique linéaire de l’indicateur choisi par trimestre, une ligne (avec sa propre forme de marqueur) par région ou par Action.",
    },
    "pillars.ranking.title": {"en": "{indicator} by country", "fr": "{indicator} par pays"},
    "pillars.ranking.title_sex": {
        "en": "{indicator} by country and sex",
        "fr": "{indicator} par pays et par sexe",
    },
    "pillars.ranking.aria": {
        "en": "Horizontal bar chart ranking countries by the chosen indicator, largest first; with the sex split, women (plain), men (hatched) and not disaggregated values (dotted) are stacked.",
        "fr": "Diagramme en barres horizontales classant les pays selon l’indicateur choisi, du plus grand au plus petit ; avec la ventilation par sexe, les femmes (uni), les hommes (hachuré) et les valeurs non ventilées (pointillé) sont empilés.",
    },
    "pillars.ranking.total": {"en": "Total", "fr": "Total"},
    # Rates
    "pillars.rates.heading": {
        "en": "Reintegration completed as a share of started",
        "fr": "Réintégrations achevées rapportées aux réintégrations commencées",
    },
    "pillars.rates.caption": {
        "en": "Both counts are totals over the current filters. Assistance completed in a period may have started in an earlier one, so a share can exceed 100% or be low while an Action ramps up. Where no start was reported, no share is computed.",
        "fr": "Les deux nombres sont des totaux selon les filtres actuels. Une aide achevée pendant une période peut avoir commencé lors d’une période antérieure : une part peut donc dépasser 100 % ou rester faible au démarrage d’une Action. Sans début déclaré, aucune part n’est calculée.",
    },
    "pillars.rates.title.region": {
        "en": "Completed as a share of started, by region",
        "fr": "Part des achevées sur les commencées, par région",
    },
    "pillars.rates.title.action": {
        "en": "Completed as a share of started, by Action",
        "fr": "Part des achevées sur les commencées, par Action",
    },
    "pillars.rates.aria": {
        "en": "Horizontal bar chart of reintegration assistance completed as a percentage of assistance started, with the percentage written on each bar.",
        "fr": "Diagramme en barres horizontales de l’aide à la réintégration achevée en pourcentage de l’aide commencée, avec le pourcentage inscrit sur chaque barre.",
    },
    "pillars.rates.axis": {
        "en": "Completed as a share of started",
        "fr": "Part des achevées sur les commencées",
    },
    "pillars.rates.started": {"en": "Started", "fr": "Commencées"},
    "pillars.rates.completed": {"en": "Completed", "fr": "Achevées"},
    "pillars.rates.share": {"en": "Share", "fr": "Part"},
    "pillars.rates.no_start": {"en": "no start reported", "fr": "aucun début déclaré"},
    # Published figures
    "pillars.published.heading": {
        "en": "Published figures (real, from their sources)",
        "fr": "Chiffres publiés (réels, tirés de leurs sources)",
    },
    "pillars.published.caption": {
        "en": "IOM, the EU and partners published these figures. Each is cumulative up to its own date: they must not be added up, and must not be compared with the demo values above.",
        "fr": "L’OIM, l’UE et leurs partenaires ont publié ces chiffres. Chacun est cumulé jusqu’à sa propre date : ils ne doivent pas être additionnés ni comparés aux valeurs de démonstration ci-dessus.",
    },
    "pillars.published.filters": {
        "en": "Region, status, Action and country choose the Actions (figures for the Joint Initiative as a whole appear with any of its three Actions); the period keeps figures dated within it; a pillar keeps figures of that pillar’s indicators.",
        "fr": "La région, le statut, l’Action et le pays déterminent les Actions (les chiffres de l’Initiative conjointe dans son ensemble apparaissent avec chacune de ses trois Actions) ; la période retient les chiffres datés dans celle-ci ; un pilier retient les chiffres des indicateurs de ce pilier.",
    },
    "pillars.published.empty": {
        "en": "No published figure matches the current filters.",
        "fr": "Aucun chiffre publié ne correspond aux filtres actuels.",
    },
    "pillars.published.col.action": {"en": "Action", "fr": "Action"},
    "pillars.published.col.scope": {"en": "Scope", "fr": "Périmètre"},
    "pillars.published.col.indicator": {"en": "Figure", "fr": "Chiffre"},
    "pillars.published.col.value": {"en": "Value", "fr": "Valeur"},
    "pillars.published.col.qualifier": {"en": "Qualifier", "fr": "Précision"},
    "pillars.published.col.as_of": {"en": "As of", "fr": "À la date du"},
    "pillars.published.col.source": {"en": "Source", "fr": "Source"},
    "pillars.published.col.note": {
        "en": "Note (from the source, in English)",
        "fr": "Note (de la source, en anglais)",
    },
    "pillars.published.ji_all": {
        "en": "Joint Initiative (all three Actions)",
        "fr": "Initiative conjointe (les trois Actions)",
    },
    "pillars.published.scope_all": {"en": "Whole Action", "fr": "Toute l’Action"},
    "pillars.published.new_tab": {
        "en": "(opens the source in a new tab)",
        "fr": "(ouvre la source dans un nouvel onglet)",
    },
    "pillars.qualifier.over": {"en": "over", "fr": "plus de"},
    "pillars.qualifier.about": {"en": "about", "fr": "environ"},
    "pillars.qualifier.close_to": {"en": "close to", "fr": "près de"},
    "pillars.qualifier.exact": {"en": "exact", "fr": "exact"},
    "pillars.qualifier.indicative": {"en": "indicative", "fr": "indicatif"},
    "pillars.qualifier.total": {"en": "total", "fr": "total"},
    "pillars.pub.returns_assisted": {
        "en": "Migrants assisted to return",
        "fr": "Migrants aidés au retour",
    },
    "pillars.pub.arrival_assistance": {
        "en": "Returnees assisted on arrival",
        "fr": "Migrants de retour aidés à l’arrivée",
    },
    "pillars.pub.reintegration_assisted": {
        "en": "Returnees given reintegration assistance",
        "fr": "Migrants de retour ayant reçu une aide à la réintégration",
    },
    "pillars.pub.reintegration_eligible": {
        "en": "Returnees eligible for reintegration assistance",
        "fr": "Migrants de retour admissibles à l’aide à la réintégration",
    },
    "pillars.pub.reintegration_started": {
        "en": "Reintegration assistance started",
        "fr": "Aide à la réintégration commencée",
    },
    "pillars.pub.reintegration_completed": {
        "en": "Reintegration assistance completed",
        "fr": "Aide à la réintégration achevée",
    },
    "pillars.pub.community_projects": {
        "en": "Community-based reintegration projects",
        "fr": "Projets communautaires de réintégration",
    },
    "pillars.pub.community_project_beneficiaries": {
        "en": "Beneficiaries of community projects",
        "fr": "Bénéficiaires des projets communautaires",
    },
    "pillars.pub.migrant_response_centres": {
        "en": "Migrant response centres",
        "fr": "Centres d’intervention pour les migrants",
    },
    "pillars.pub.partners": {"en": "Partners", "fr": "Partenaires"},
    "pillars.pub.budget_eur": {"en": "Budget", "fr": "Budget"},
    "pillars.pub.budget_committed_eur": {"en": "Budget committed", "fr": "Budget engagé"},
    "pillars.pub.beneficiary_satisfaction_pct": {
        "en": "Beneficiaries satisfied with reintegration assistance",
        "fr": "Bénéficiaires satisfaits de l’aide à la réintégration",
    },
    "pillars.pub.returns_planned_topup": {
        "en": "Returns planned (top-up)",
        "fr": "Retours prévus (complément de financement)",
    },
    "pillars.pub.returnees_target": {"en": "Returnees targeted", "fr": "Migrants de retour visés"},
    "pillars.pub.beneficiaries_reached": {
        "en": "Beneficiaries reached",
        "fr": "Bénéficiaires atteints",
    },
    "pillars.pub.economic_assistance": {
        "en": "Returnees given economic assistance",
        "fr": "Migrants de retour ayant reçu une aide économique",
    },
    "pillars.pub.psychosocial_assistance": {
        "en": "Returnees given psychosocial assistance",
        "fr": "Migrants de retour ayant reçu une aide psychosociale",
    },
    "pillars.pub.social_assistance": {
        "en": "Returnees given social assistance",
        "fr": "Migrants de retour ayant reçu une aide sociale",
    },
    # Text summaries of the charts (read by screen readers)
    "pillars.colon": {"en": ": ", "fr": "\u202f: "},
    "pillars.summary.none": {"en": "none", "fr": "aucune"},
    "pillars.summary.matrix": {
        "en": "Pillars by Action for the current filters (Actions: {actions}; pillars: {pillars}). Cells stated by the source page: {stated}; mapped by this project: {mapped}; not covered: {none}.",
        "fr": "Piliers par Action selon les filtres actuels (Actions\u202f: {actions}\u202f; piliers\u202f: {pillars}). Cases indiquées par la page source\u202f: {stated}\u202f; rattachées par ce projet\u202f: {mapped}\u202f; non couvertes\u202f: {none}.",
    },
    "pillars.summary.matrix_top": {
        "en": "Most covered pillar: {pillar} (Actions: {count}).",
        "fr": "Pilier le plus couvert\u202f: {pillar} (Actions\u202f: {count}).",
    },
    "pillars.summary.counts_mapped": {
        "en": "Mapped by the dashboard, not stated by the source documents (counted apart, never added): {items}.",
        "fr": "Correspondances établies par le tableau de bord, non indiquées par les documents sources (comptées à part, jamais additionnées) : {items}.",
    },
    "pillars.summary.counts_mapped_item": {
        "en": "{pillar} ({actions} Actions, {countries} countries)",
        "fr": "{pillar} ({actions} Actions, {countries} pays)",
    },
    "pillars.summary.counts_top": {
        "en": "Most applied pillar: {pillar} (Actions: {actions}; countries: {countries}).",
        "fr": "Pilier le plus appliqué\u202f: {pillar} (Actions\u202f: {actions}\u202f; pays\u202f: {countries}).",
    },
    "pillars.summary.counts_bottom": {
        "en": "Least applied: {pillar} (Actions: {actions}; countries: {countries}).",
        "fr": "Le moins appliqué\u202f: {pillar} (Actions\u202f: {actions}\u202f; pays\u202f: {countries}).",
    },
    "pillars.summary.drill": {
        "en": "{action}, pillars by country (countries: {countries}). Countries with a country exception: {exceptions}.",
        "fr": "{action}, piliers par pays (pays\u202f: {countries}). Pays faisant l’objet d’une exception\u202f: {exceptions}.",
    },
    "pillars.summary.only": {"en": "{name} only ({value})", "fr": "{name} uniquement ({value})"},
    "pillars.summary.extremes": {
        "en": "highest {top} ({top_value}), lowest {bottom} ({bottom_value})",
        "fr": "maximum {top} ({top_value}), minimum {bottom} ({bottom_value})",
    },
    "pillars.summary.trend.region": {
        "en": "{indicator} by region, {first} to {last}",
        "fr": "{indicator} par région, de {first} à {last}",
    },
    "pillars.summary.trend.action": {
        "en": "{indicator} by Action, {first} to {last}",
        "fr": "{indicator} par Action, de {first} à {last}",
    },
    "pillars.summary.ranking": {
        "en": "{indicator} by country (countries: {countries})",
        "fr": "{indicator} par pays (pays\u202f: {countries})",
    },
    "pillars.summary.no_start_groups": {
        "en": "Groups with no start reported (no share computed): {count}.",
        "fr": "Groupes sans début déclaré (aucune part calculée)\u202f: {count}.",
    },
    # Chart block headings that do not depend on the chosen indicator (also titles of data exports)
    "pillars.block.trend": {
        "en": "Trend of the chosen indicator",
        "fr": "Évolution de l’indicateur choisi",
    },
    "pillars.block.ranking": {
        "en": "Countries ranked by the chosen indicator",
        "fr": "Pays classés selon l’indicateur choisi",
    },
    # Page options from a link that were not recognised
    "pillars.notice.dropped": {
        "en": "Some options in the link were not recognised and were ignored: {items}.",
        "fr": "Certaines options du lien n’ont pas été reconnues et ont été ignorées\u202f: {items}.",
    },
    "pillars.notice.item": {
        "en": "“{value}” for “{option}”",
        "fr": "«\u00a0{value}\u00a0» pour «\u00a0{option}\u00a0»",
    },
    # Units of published figures
    "pillars.unit.eur": {"en": "euros", "fr": "euros"},
    "pillars.unit.percent": {"en": "percent", "fr": "pour cent"},
    "pillars.unit.count": {"en": "number", "fr": "nombre"},
    # Column names of the data behind the charts (downloads and "show as table")
    "pillars.col.action_code": {"en": "Action code", "fr": "Code de l’Action"},
    "pillars.col.action": {"en": "Action", "fr": "Action"},
    "pillars.col.pillar_no": {"en": "Pillar number", "fr": "Numéro du pilier"},
    "pillars.col.pillar": {"en": "Pillar", "fr": "Pilier"},
    "pillars.col.coverage": {"en": "Coverage", "fr": "Couverture"},
    "pillars.col.objectives": {
        "en": "Objectives or result areas mapped here (this project)",
        "fr": "Objectifs ou domaines de résultat rattachés (ce projet)",
    },
    "pillars.col.rationale": {"en": "This project’s reasoning", "fr": "Justification de ce projet"},
    "pillars.col.actions": {"en": "Actions applying it", "fr": "Actions qui l’appliquent"},
    "pillars.col.countries": {"en": "Countries applying it", "fr": "Pays qui l’appliquent"},
    "pillars.col.action_names": {"en": "Names of those Actions", "fr": "Noms de ces Actions"},
    "pillars.col.actions_stated": {
        "en": "Actions applying it, as the source documents state (reference facts)",
        "fr": "Actions qui l’appliquent, selon les documents sources (faits de référence)",
    },
    "pillars.col.countries_stated": {
        "en": "Countries applying it, as the source documents state (reference facts)",
        "fr": "Pays qui l’appliquent, selon les documents sources (faits de référence)",
    },
    "pillars.col.action_names_stated": {
        "en": "Names of those Actions (source documents)",
        "fr": "Noms de ces Actions (documents sources)",
    },
    "pillars.col.actions_mapped": {
        "en": "Actions applying it, as mapped by the dashboard (its own mapping)",
        "fr": "Actions qui l’appliquent, selon la correspondance du tableau de bord",
    },
    "pillars.col.countries_mapped": {
        "en": "Countries applying it, as mapped by the dashboard (its own mapping)",
        "fr": "Pays qui l’appliquent, selon la correspondance du tableau de bord",
    },
    "pillars.col.action_names_mapped": {
        "en": "Names of those Actions (the dashboard’s mapping)",
        "fr": "Noms de ces Actions (correspondance du tableau de bord)",
    },
    "pillars.col.country_code": {
        "en": "Country code (ISO 3166-1 alpha-3)",
        "fr": "Code pays (ISO 3166-1 alpha-3)",
    },
    "pillars.col.country": {"en": "Country", "fr": "Pays"},
    "pillars.col.role": {"en": "Role in the Action", "fr": "Rôle dans l’Action"},
    "pillars.col.indicator_code": {"en": "Indicator code", "fr": "Code de l’indicateur"},
    "pillars.col.indicator": {"en": "Indicator", "fr": "Indicateur"},
    "pillars.col.unit": {"en": "Unit", "fr": "Unité"},
    "pillars.col.total": {"en": "Total", "fr": "Total"},
    "pillars.col.definition": {"en": "Definition", "fr": "Définition"},
    "pillars.col.region_code": {"en": "Region code", "fr": "Code de la région"},
    "pillars.col.region": {"en": "Region", "fr": "Région"},
    "pillars.col.quarter": {"en": "Quarter", "fr": "Trimestre"},
    "pillars.col.quarter_start": {"en": "Quarter start", "fr": "Début du trimestre"},
    "pillars.col.value_unit": {"en": "Value ({unit})", "fr": "Valeur ({unit})"},
    "pillars.col.sex": {"en": "Sex", "fr": "Sexe"},
    "pillars.col.country_total": {"en": "Country total ({unit})", "fr": "Total du pays ({unit})"},
    "pillars.col.rate": {
        "en": "Completed as a share of started (1 = 100%)",
        "fr": "Part des achevées sur les commencées (1 = 100\u202f%)",
    },
    "pillars.col.figure_id": {"en": "Figure id", "fr": "Identifiant du chiffre"},
    "pillars.col.scope_code": {"en": "Scope code", "fr": "Code du périmètre"},
    "pillars.col.scope": {"en": "Scope", "fr": "Périmètre"},
    "pillars.col.figure_code": {"en": "Figure code", "fr": "Code du chiffre"},
    "pillars.col.figure": {"en": "Figure", "fr": "Chiffre"},
    "pillars.col.value": {"en": "Value", "fr": "Valeur"},
    "pillars.col.qualifier": {"en": "Qualifier", "fr": "Précision"},
    "pillars.col.as_of": {"en": "As of", "fr": "À la date du"},
    "pillars.col.source_url": {"en": "Source address", "fr": "Adresse de la source"},
    "pillars.col.note": {
        "en": "Note (from the source, in English)",
        "fr": "Note (de la source, en anglais)",
    },
    # EUTF reported results on this page
    # Pillars page: reported results (real)
    "eutf.pillars.heading": {"en": "Reported results (real)", "fr": "Résultats déclarés (réels)"},
    "eutf.pillars.caption": {
        "en": "Targets and actuals of the numbered EUTF Common Output Indicators, by country, for the pillar chosen. Which indicator counts under which pillar is the dashboard’s own correspondence, not the EUTF’s. Values are cumulative, as reported by 17 December 2021; a country’s figure counts its own projects or contracts at one level, regional projects are listed apart (in the table), and the three EUTF frameworks are never added together. The shared filters do not apply here.",
        "fr": "Cibles et réalisations des indicateurs communs de produits numérotés du FFUE, par pays, pour le pilier choisi. Le rattachement d’un indicateur à un pilier est la correspondance propre au tableau de bord, non celle du FFUE. Les valeurs sont cumulées, telles que déclarées au 17 décembre 2021 ; le chiffre d’un pays compte ses propres projets ou contrats à un seul niveau, les projets régionaux sont indiqués à part (dans le tableau) et les trois cadres du FFUE ne sont jamais additionnés. Les filtres communs ne s’appliquent pas ici.",
    },
    "eutf.pillars.choose": {
        "en": "Pillar (the dashboard’s correspondence)",
        "fr": "Pilier (correspondance du tableau de bord)",
    },
    "eutf.pillars.aria": {
        "en": "Bar chart: for each country and EUTF Common Output Indicator of the chosen pillar, the target and the actual reported to the EUTF by 17 Dec 2021 (real data; regional projects are listed in the table, not drawn).",
        "fr": "Diagramme en barres : pour chaque pays et indicateur commun de produits du FFUE du pilier choisi, la cible et le réalisé déclarés au FFUE au 17 déc. 2021 (données réelles ; les projets régionaux sont listés dans le tableau, non dessinés).",
    },
    "eutf.pillars.chart": {
        "en": "EUTF target vs actual by country, for the chosen pillar",
        "fr": "Cible et réalisé du FFUE par pays, pour le pilier choisi",
    },
    "eutf.pillars.chart_title": {
        "en": "{pillar}: target and actual by country<br><span style='font-size:11px'>EUTF Common Output Indicators {numbers}, reported by 17 Dec 2021; pillar correspondence by the dashboard</span>",
        "fr": "{pillar} : cible et réalisé par pays<br><span style='font-size:11px'>indicateurs communs de produits du FFUE {numbers}, déclarés au 17 déc. 2021 ; correspondance des piliers par le tableau de bord</span>",
    },
    "eutf.pillars.summary": {
        "en": "{pillar}: {count} country figures and {regional} regional ones for indicators {numbers}; the largest actual is {top} ({value}). EUTF, reported by 17 Dec 2021.",
        "fr": "{pillar} : {count} chiffres par pays et {regional} régionaux pour les indicateurs {numbers} ; la réalisation la plus élevée est celle {top} ({value}). FFUE, déclaré au 17 déc. 2021.",
    },
    "eutf.pillars.summary.none": {
        "en": "{pillar}: no EUTF Common Output Indicator corresponds to it.",
        "fr": "{pillar} : aucun indicateur commun de produits du FFUE n’y correspond.",
    },
    "eutf.explorer.heading": {
        "en": "Explorer: all 1,426 EUTF result rows",
        "fr": "Explorateur : les 1 426 lignes de résultats du FFUE",
    },
    "eutf.explorer.caption": {
        "en": "Every result row of the IOM projects and contracts, in all three frameworks and both levels, as reported: search all columns, sort by a column header, filter under each header. Rows repeat one quantity across frameworks and between a project and its contract: do not add them up.",
        "fr": "Chaque ligne de résultats des projets et contrats de l’OIM, dans les trois cadres et aux deux niveaux, telle que déclarée : cherchez dans toutes les colonnes, triez par un en-tête, filtrez sous chaque en-tête. Une même quantité se répète d’un cadre à l’autre et entre un projet et son contrat : ne les additionnez pas.",
    },
    "eutf.explorer.search": {"en": "Search all columns", "fr": "Chercher dans toutes les colonnes"},
    # The indicators are worded in English as reported: a French example in French words finds nothing.
    "eutf.explorer.search_placeholder": {
        "en": "e.g. Niger voluntary returns",
        "fr": "p. ex. Niger 3.4 ou Tchad voluntary",
    },
    "eutf.explorer.address_dropped": {
        "en": "Ignored in the address, not understood by the explorer: {values}.",
        "fr": "Ignoré dans l’adresse, non compris par l’explorateur : {values}.",
    },
    "eutf.explorer.export": {
        "en": "Download the matching rows as CSV",
        "fr": "Télécharger les lignes retenues en CSV",
    },
    "eutf.grid.noRowsToShow": {"en": "No result row matches", "fr": "Aucune ligne ne correspond"},
    "eutf.grid.page": {"en": "Page", "fr": "Page"},
    "eutf.grid.of": {"en": "of", "fr": "sur"},
    "eutf.grid.to": {"en": "to", "fr": "à"},
    "eutf.grid.pageSizeSelectorLabel": {"en": "Page size:", "fr": "Lignes par page :"},
    "eutf.grid.firstPage": {"en": "First page", "fr": "Première page"},
    "eutf.grid.previousPage": {"en": "Previous page", "fr": "Page précédente"},
    "eutf.grid.nextPage": {"en": "Next page", "fr": "Page suivante"},
    "eutf.grid.lastPage": {"en": "Last page", "fr": "Dernière page"},
    "eutf.grid.filterOoo": {"en": "Filter…", "fr": "Filtrer…"},
    "eutf.grid.contains": {"en": "Contains", "fr": "Contient"},
    "eutf.grid.notContains": {"en": "Does not contain", "fr": "Ne contient pas"},
    "eutf.grid.equals": {"en": "Equals", "fr": "Égal à"},
    "eutf.grid.notEqual": {"en": "Does not equal", "fr": "Différent de"},
    "eutf.grid.startsWith": {"en": "Begins with", "fr": "Commence par"},
    "eutf.grid.endsWith": {"en": "Ends with", "fr": "Se termine par"},
    "eutf.grid.blank": {"en": "Blank", "fr": "Vide"},
    "eutf.grid.notBlank": {"en": "Not blank", "fr": "Non vide"},
    "eutf.grid.lessThan": {"en": "Less than", "fr": "Inférieur à"},
    "eutf.grid.greaterThan": {"en": "Greater than", "fr": "Supérieur à"},
    "eutf.grid.inRange": {"en": "Between", "fr": "Entre"},
    "eutf.grid.andCondition": {"en": "AND", "fr": "ET"},
    "eutf.grid.orCondition": {"en": "OR", "fr": "OU"},
    "eutf.grid.loadingOoo": {"en": "Loading…", "fr": "Chargement…"},
    "eutf.grid.lessThanOrEqual": {"en": "Less than or equal to", "fr": "Inférieur ou égal à"},
    "eutf.grid.greaterThanOrEqual": {"en": "Greater than or equal to", "fr": "Supérieur ou égal à"},
    "eutf.explorer.count": {
        "en": "{total} result rows; the search and column filters narrow them.",
        "fr": "{total} lignes de résultats ; la recherche et les filtres de colonnes les restreignent.",
    },
    "eutf.explorer.count_matching": {
        "en": "{shown} of {total} result rows match the search and column filters.",
        "fr": "{shown} lignes de résultats sur {total} répondent à la recherche et aux filtres de colonnes.",
    },
    "eutf.explorer.bad_request": {
        "en": "The explorer could not read this request and shows no rows: reload the page.",
        "fr": "L’explorateur n’a pas pu lire cette demande et n’affiche aucune ligne : rechargez la page.",
    },
    "eutf.explorer.export_title": {
        "en": "EUTF result rows (explorer)",
        "fr": "Lignes de résultats du FFUE (explorateur)",
    },
    "eutf.explorer.conditions.none": {
        "en": "every result row (the page’s filters do not apply to EUTF rows)",
        "fr": "toutes les lignes de résultats (les filtres de la page ne s’appliquent pas aux lignes du FFUE)",
    },
    "eutf.explorer.conditions.search": {"en": "search “{text}”", "fr": "recherche « {text} »"},
    "eutf.explorer.conditions.column": {
        "en": "{column}: {conditions}",
        "fr": "{column} : {conditions}",
    },
    "eutf.explorer.conditions.sort": {"en": "sorted by {columns}", "fr": "triées par {columns}"},
    "eutf.explorer.conditions.descending": {
        "en": "{column} (descending)",
        "fr": "{column} (décroissant)",
    },
    "eutf.explorer.conditions.and": {"en": " and ", "fr": " et "},
    "eutf.explorer.conditions.or": {"en": " or ", "fr": " ou "},
    "eutf.explorer.col.result_id": {"en": "Row", "fr": "Ligne"},
    "eutf.explorer.col.iati_id": {"en": "Project or contract", "fr": "Projet ou contrat"},
    "eutf.explorer.col.level": {"en": "Level", "fr": "Niveau"},
    "eutf.explorer.col.countries": {"en": "Countries (ISO3)", "fr": "Pays (ISO3)"},
    "eutf.explorer.col.action_link": {
        "en": "Action link (dashboard’s classification)",
        "fr": "Lien avec les Actions (classement du tableau de bord)",
    },
    "eutf.explorer.col.result_framework": {"en": "Framework", "fr": "Cadre"},
    "eutf.explorer.col.indicator": {"en": "Indicator", "fr": "Indicateur"},
    "eutf.explorer.col.indicator_number": {"en": "Number", "fr": "Numéro"},
    "eutf.explorer.col.period_start": {"en": "Period start", "fr": "Début de période"},
    "eutf.explorer.col.period_end": {"en": "Period end", "fr": "Fin de période"},
    "eutf.explorer.col.target": {"en": "Target", "fr": "Cible"},
    "eutf.explorer.col.target_text": {"en": "Target as written", "fr": "Cible telle qu’écrite"},
    "eutf.explorer.col.actual": {"en": "Actual", "fr": "Réalisé"},
    "eutf.explorer.col.as_of": {"en": "Reported by", "fr": "Déclaré au"},
}
