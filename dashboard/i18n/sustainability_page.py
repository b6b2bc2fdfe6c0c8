"""Text of the sustainability page, including the methodology paragraphs the About page shows."""

TEXT: dict[str, dict[str, str]] = {
    # Page and controls
    "sustainability.title": {"en": "Reintegration sustainability", "fr": "Durabilité de la réintégration"},
    "sustainability.intro": {
        "en": "Reintegration Sustainability Survey (RSS) scores compared across groups of returnees. Each score runs from 0 to 1; higher means more sustainable reintegration. Every mean carries its sample size and a 95% confidence interval; groups with fewer than {min} survey responses are suppressed.",
        "fr": "Scores de l’enquête sur la durabilité de la réintégration (RSS) comparés entre groupes de migrants de retour. Chaque score va de 0 à 1 ; plus il est élevé, plus la réintégration est durable. Chaque moyenne est accompagnée de la taille de l’échantillon et d’un intervalle de confiance à 95 % ; les groupes de moins de {min} réponses sont masqués."},
    "sustainability.controls": {"en": "Chart options", "fr": "Options des graphiques"},
    "sustainability.grouping_label": {"en": "Compare by", "fr": "Comparer par"},
    "sustainability.measure_label": {"en": "Score for distribution, threshold and time charts",
                                     "fr": "Score des graphiques de distribution, de seuil et d’évolution"},
    "sustainability.threshold_label": {"en": "Sustainability threshold (a setting)",
                                       "fr": "Seuil de durabilité (un réglage)"},
    "sustainability.threshold_value_label": {"en": "Threshold value", "fr": "Valeur du seuil"},
    "sustainability.threshold_help": {
        "en": "A setting of this dashboard, not IOM’s official cut-off (which was not available to us). Default {default}.",
        "fr": "Un réglage de ce tableau de bord, pas le seuil officiel de l’OIM (qui ne nous était pas disponible). Valeur par défaut : {default}."},
    "sustainability.heading.means": {"en": "Mean scores with 95% confidence intervals",
                                     "fr": "Scores moyens avec intervalles de confiance à 95 %"},
    "sustainability.heading.box": {"en": "Spread of scores", "fr": "Dispersion des scores"},
    "sustainability.heading.share": {"en": "Share at or above the threshold", "fr": "Part au seuil ou au-dessus"},
    "sustainability.heading.time": {"en": "Scores over time since return", "fr": "Scores selon le temps écoulé depuis le retour"},
    "sustainability.methodology_link": {"en": "How these figures are computed",
                                        "fr": "Comment ces chiffres sont calculés"},
    # Groupings
    "sustainability.grouping.region": {"en": "Region", "fr": "Région"},
    "sustainability.grouping.action": {"en": "Action", "fr": "Action"},
    "sustainability.grouping.country": {"en": "Country", "fr": "Pays"},
    "sustainability.grouping.sex": {"en": "Sex", "fr": "Sexe"},
    "sustainability.grouping.age_group": {"en": "Age group", "fr": "Tranche d’âge"},
    "sustainability.grouping.assistance_type": {"en": "Assistance type", "fr": "Type d’aide"},
    "sustainability.grouping.assistance_level": {"en": "Assistance level", "fr": "Niveau d’aide"},
    "sustainability.grouping.referral": {"en": "Referral or direct assistance", "fr": "Orientation ou aide directe"},
    "sustainability.grouping.months": {"en": "Months since return", "fr": "Mois depuis le retour"},
    # Measures
    "sustainability.measure.economic": {"en": "Economic", "fr": "Économique"},
    "sustainability.measure.social": {"en": "Social", "fr": "Social"},
    "sustainability.measure.psychosocial": {"en": "Psychosocial", "fr": "Psychosocial"},
    "sustainability.measure.composite": {"en": "Composite", "fr": "Composite"},
    # Lower-case forms for use inside sentences
    "sustainability.grouping_lower.region": {"en": "region", "fr": "région"},
    "sustainability.grouping_lower.action": {"en": "Action", "fr": "Action"},
    "sustainability.grouping_lower.country": {"en": "country", "fr": "pays"},
    "sustainability.grouping_lower.sex": {"en": "sex", "fr": "sexe"},
    "sustainability.grouping_lower.age_group": {"en": "age group", "fr": "tranche d’âge"},
    "sustainability.grouping_lower.assistance_type": {"en": "assistance type", "fr": "type d’aide"},
    "sustainability.grouping_lower.assistance_level": {"en": "assistance level", "fr": "niveau d’aide"},
    "sustainability.grouping_lower.referral": {"en": "referral or direct assistance", "fr": "orientation ou aide directe"},
    "sustainability.grouping_lower.months": {"en": "months since return", "fr": "mois depuis le retour"},
    "sustainability.measure_lower.economic": {"en": "economic", "fr": "économique"},
    "sustainability.measure_lower.social": {"en": "social", "fr": "social"},
    "sustainability.measure_lower.psychosocial": {"en": "psychosocial", "fr": "psychosocial"},
    "sustainability.measure_lower.composite": {"en": "composite", "fr": "composite"},
    # Codes of the survey's categorical fields
    "sustainability.code.sex.female": {"en": "Women", "fr": "Femmes"},
    "sustainability.code.sex.male": {"en": "Men", "fr": "Hommes"},
    "sustainability.code.age_group.18-24": {"en": "18–24 years", "fr": "18–24 ans"},
    "sustainability.code.age_group.25-34": {"en": "25–34 years", "fr": "25–34 ans"},
    "sustainability.code.age_group.35-44": {"en": "35–44 years", "fr": "35–44 ans"},
    "sustainability.code.age_group.45+": {"en": "45 years and over", "fr": "45 ans et plus"},
    "sustainability.code.assistance_type.economic": {"en": "Economic assistance", "fr": "Aide économique"},
    "sustainability.code.assistance_type.social": {"en": "Social assistance", "fr": "Aide sociale"},
    "sustainability.code.assistance_type.psychosocial": {"en": "Psychosocial assistance", "fr": "Aide psychosociale"},
    "sustainability.code.assistance_type.multidimensional": {"en": "Multidimensional assistance",
                                                            "fr": "Aide multidimensionnelle"},
    "sustainability.code.assistance_level.individual": {"en": "Individual", "fr": "Individuelle"},
    "sustainability.code.assistance_level.community": {"en": "Community", "fr": "Communautaire"},
    "sustainability.code.assistance_level.structural": {"en": "Structural", "fr": "Structurelle"},
    "sustainability.code.referral.referral": {"en": "Referred to a partner", "fr": "Orientée vers un partenaire"},
    "sustainability.code.referral.direct": {"en": "Direct assistance", "fr": "Aide directe"},
    "sustainability.code.months.0-5": {"en": "0–5 months", "fr": "0–5 mois"},
    "sustainability.code.months.6-11": {"en": "6–11 months", "fr": "6–11 mois"},
    "sustainability.code.months.12-17": {"en": "12–17 months", "fr": "12–17 mois"},
    "sustainability.code.months.18-23": {"en": "18–23 months", "fr": "18–23 mois"},
    "sustainability.code.months.24+": {"en": "24 months or more", "fr": "24 mois ou plus"},
    "sustainability.all_returnees": {"en": "All returnees", "fr": "Tous les migrants de retour"},
    # Chart words
    "sustainability.tick": {"en": "{label} (n={n})", "fr": "{label} (n={n})"},
    "sustainability.tick_suppressed": {"en": "{label} (n < {min}, suppressed)",
                                       "fr": "{label} (n < {min}, masqué)"},
    "sustainability.suppressed_mark": {"en": "suppressed: fewer than {min} responses",
                                       "fr": "masqué : moins de {min} réponses"},
    "sustainability.hover.mean": {
        "en": "{group}<br>{measure}: {mean}<br>95% CI {low} to {high}<br>n = {n}",
        "fr": "{group}<br>{measure} : {mean}<br>IC à 95 % de {low} à {high}<br>n = {n}"},
    "sustainability.hover.share": {
        "en": "{group}<br>{share} at or above {threshold} ({above} of {n})<br>95% CI {low} to {high}",
        "fr": "{group}<br>{share} au seuil {threshold} ou au-dessus ({above} sur {n})<br>IC à 95 % de {low} à {high}"},
    "sustainability.hover.box": {
        "en": "{group}, n = {n}<br>5th percentile {p05}<br>quartiles {q1} | {median} | {q3}<br>95th percentile {p95}<br>mean {mean}",
        "fr": "{group}, n = {n}<br>5e centile {p05}<br>quartiles {q1} | {median} | {q3}<br>95e centile {p95}<br>moyenne {mean}"},
    "sustainability.axis.mean": {"en": "Mean score (95% confidence interval)",
                                 "fr": "Score moyen (intervalle de confiance à 95 %)"},
    "sustainability.axis.score": {"en": "{measure} score", "fr": "Score {measure_lower}"},
    "sustainability.axis.share": {"en": "Share at or above the threshold (95% Wilson interval)",
                                  "fr": "Part au seuil ou au-dessus (intervalle de Wilson à 95 %)"},
    "sustainability.axis.months": {"en": "Months since return", "fr": "Mois depuis le retour"},
    "sustainability.threshold_line": {"en": "threshold {value} (setting)", "fr": "seuil {value} (réglage)"},
    "sustainability.means.title": {"en": "Mean scores by {grouping_lower}", "fr": "Scores moyens par {grouping_lower}"},
    "sustainability.box.title": {"en": "Spread of {measure_lower} scores by {grouping_lower}",
                                 "fr": "Dispersion du score {measure_lower} par {grouping_lower}"},
    "sustainability.box.legend": {
        "en": "Each box spans the middle half of the scores (25th to 75th percentile); the solid line is the median, the dashed line the mean, and the whiskers reach the 5th and 95th percentiles.",
        "fr": "Chaque boîte couvre la moitié centrale des scores (du 25e au 75e centile) ; le trait plein est la médiane, le trait pointillé la moyenne, et les moustaches vont du 5e au 95e centile."},
    "sustainability.share.title": {
        "en": "Share at or above {threshold}", "fr": "Part au seuil {threshold} ou au-dessus"},
    "sustainability.share.subtitle": {"en": "{measure} score, by {grouping_lower}",
                                      "fr": "Score {measure_lower}, par {grouping_lower}"},
    "sustainability.share.legend": {"en": "Share at or above the threshold", "fr": "Part au seuil ou au-dessus"},
    "sustainability.time.title": {"en": "Mean {measure_lower} score by months since return",
                                  "fr": "Score {measure_lower} moyen selon les mois depuis le retour"},
    "sustainability.time.all_suppressed": {
        "en": "No band of months since return holds {min} responses or more in any group with the current filters: nothing can be shown.",
        "fr": "Aucune tranche de mois depuis le retour ne compte {min} réponses ou plus dans un groupe avec les filtres actuels : rien ne peut être affiché."},
    "sustainability.time.all_suppressed_short": {"en": "Every point is below the minimum group size.",
                                                 "fr": "Chaque point est sous la taille minimale de groupe."},
    "sustainability.compare.title": {"en": "{a} and {b} side by side", "fr": "{a} et {b} côte à côte"},
    "sustainability.compare.heading": {"en": "Two groups side by side", "fr": "Deux groupes côte à côte"},
    "sustainability.compare.help": {
        "en": "Choose two groups of the current grouping ({grouping_lower}).",
        "fr": "Choisissez deux groupes du regroupement actuel ({grouping_lower})."},
    "sustainability.compare.group_a": {"en": "Group A", "fr": "Groupe A"},
    "sustainability.compare.group_b": {"en": "Group B", "fr": "Groupe B"},
    "sustainability.compare.status.suppressed": {
        "en": "{group}: suppressed (fewer than {min} responses with the current filters).",
        "fr": "{group} : masqué (moins de {min} réponses avec les filtres actuels)."},
    "sustainability.compare.status.absent": {
        "en": "{group}: no survey responses with the current filters.",
        "fr": "{group} : aucune réponse d’enquête avec les filtres actuels."},
    "sustainability.compare.same": {"en": "Group A and group B are the same: choose two different groups.",
                                    "fr": "Le groupe A et le groupe B sont identiques : choisissez deux groupes différents."},
    "sustainability.compare.col.dimension": {"en": "Dimension", "fr": "Dimension"},
    "sustainability.compare.col.mean": {"en": "{group}: mean (95% CI)", "fr": "{group} : moyenne (IC à 95 %)"},
    "sustainability.compare.col.difference": {"en": "Difference A − B (95% CI, Welch)",
                                              "fr": "Écart A − B (IC à 95 %, Welch)"},
    "sustainability.compare.caption": {
        "en": "Means of {a} (n={n_a}) and {b} (n={n_b}); a difference whose interval excludes 0 is unlikely to be chance alone.",
        "fr": "Moyennes de {a} (n={n_a}) et de {b} (n={n_b}) ; un écart dont l’intervalle exclut 0 a peu de chances d’être dû au seul hasard."},
    "sustainability.interval": {"en": "{value} ({low} to {high})", "fr": "{value} ({low} à {high})"},
    # Summaries next to charts (read by screen readers)
    "sustainability.summary.groups": {
        "en": "{shown} groups shown, {suppressed} suppressed (fewer than {min} responses).",
        "fr": "{shown} groupes affichés, {suppressed} masqués (moins de {min} réponses)."},
    "sustainability.summary.means": {
        "en": "Highest mean composite score: {best} ({value}); lowest: {worst} ({low_value}).",
        "fr": "Score composite moyen le plus élevé : {best} ({value}) ; le plus bas : {worst} ({low_value})."},
    "sustainability.summary.computed": {
        "en": "For {share} of the responses shown, the composite was computed by this dashboard from the three dimensions.",
        "fr": "Pour {share} des réponses affichées, le score composite a été calculé par ce tableau de bord à partir des trois dimensions."},
    "sustainability.summary.share": {
        "en": "Overall, {share} of the {n} responses shown are at or above the threshold {threshold}.",
        "fr": "Au total, {share} des {n} réponses affichées sont au seuil {threshold} ou au-dessus."},
    "sustainability.summary.time": {
        "en": "Series shown: {series}. Up to {max} largest groups; points with fewer than {min} responses are left out.",
        "fr": "Séries affichées : {series}. Au plus les {max} groupes les plus grands ; les points de moins de {min} réponses sont omis."},
    "sustainability.summary.empty": {"en": "No survey responses match the current filters.",
                                     "fr": "Aucune réponse d’enquête ne correspond aux filtres actuels."},
    "sustainability.all_suppressed": {
        "en": "Every group has fewer than {min} responses with the current filters: nothing can be shown.",
        "fr": "Chaque groupe compte moins de {min} réponses avec les filtres actuels : rien ne peut être affiché."},
    # Methodology (shown on this page and on the About page)
    "sustainability.method.heading": {"en": "Reintegration sustainability: how the figures are computed",
                                      "fr": "Durabilité de la réintégration : mode de calcul des chiffres"},
    "sustainability.method.scores": {
        "en": "The Reintegration Sustainability Survey (RSS) gives each returnee surveyed three scores between 0 and 1 — economic, social and psychosocial — and a composite score that combines them; higher means more sustainable reintegration. A returnee may be surveyed several times (for example 6, 12 and 18 months after return): every survey response counts once, so a mean is a mean over responses, not over people.",
        "fr": "L’enquête sur la durabilité de la réintégration (RSS) attribue à chaque migrant de retour interrogé trois scores compris entre 0 et 1 — économique, social et psychosocial — et un score composite qui les combine ; plus le score est élevé, plus la réintégration est durable. Un migrant de retour peut être interrogé plusieurs fois (par exemple 6, 12 et 18 mois après son retour) : chaque réponse compte une fois, une moyenne porte donc sur les réponses et non sur les personnes."},
    "sustainability.method.composite": {
        "en": "When an imported record has the three dimension scores but no composite, the dashboard computes the composite as a weighted mean with weights economic {economic}, social {social} and psychosocial {psychosocial} (setting EUIOM_WEIGHTS, normalised to sum to 1), and flags the record. IOM’s official indicator weights were not available to us: these weights are a setting of this dashboard, not IOM’s.",
        "fr": "Lorsqu’un enregistrement importé comporte les trois scores par dimension mais pas de score composite, le tableau de bord calcule ce dernier comme une moyenne pondérée avec les poids économique {economic}, social {social} et psychosocial {psychosocial} (réglage EUIOM_WEIGHTS, ramenés à une somme de 1), et signale l’enregistrement. Les pondérations officielles de l’OIM ne nous étaient pas disponibles : ces poids sont un réglage de ce tableau de bord, pas ceux de l’OIM."},
    "sustainability.method.intervals": {
        "en": "Every mean is shown with its 95% confidence interval: mean ± t × s / √n, where n is the number of responses, s their sample standard deviation and t the 97.5th percentile of Student’s t distribution with n − 1 degrees of freedom (computed exactly, rather than approximated by 1.96, which would be too narrow for small groups). Charts clip intervals to the 0–1 range of the scores. Shares at or above the threshold carry a 95% Wilson score interval. The difference between two groups carries Welch’s 95% interval, which does not assume equal spreads; its degrees of freedom are rounded down. These intervals treat responses as independent: repeated surveys of the same person make them somewhat too narrow.",
        "fr": "Chaque moyenne est accompagnée de son intervalle de confiance à 95 % : moyenne ± t × s / √n, où n est le nombre de réponses, s leur écart-type d’échantillon et t le 97,5e centile de la loi de Student à n − 1 degrés de liberté (calculé exactement plutôt qu’approché par 1,96, trop étroit pour les petits groupes). Les graphiques limitent les intervalles à l’étendue 0–1 des scores. Les parts au seuil ou au-dessus sont accompagnées d’un intervalle de Wilson à 95 %. L’écart entre deux groupes est accompagné de l’intervalle de Welch à 95 %, qui ne suppose pas des dispersions égales ; ses degrés de liberté sont arrondis à l’entier inférieur. Ces intervalles traitent les réponses comme indépendantes : les enquêtes répétées auprès d’une même personne les rendent un peu trop étroits."},
    "sustainability.method.suppression": {
        "en": "Groups with fewer than {min} survey responses (setting EUIOM_MIN_GROUP) are suppressed: they are listed and marked as suppressed, but no mean, share, spread or exact count is shown for them. This protects respondents and avoids comparisons built on too few answers. Suppression is done in the database query, so the values never reach the browser; it applies to every chart, to each point of the chart over time and to both groups of a side-by-side comparison.",
        "fr": "Les groupes de moins de {min} réponses (réglage EUIOM_MIN_GROUP) sont masqués : ils sont listés et signalés comme masqués, mais aucune moyenne, part, dispersion ni effectif exact n’est affiché. Cela protège les personnes interrogées et évite des comparaisons fondées sur trop peu de réponses. Le masquage a lieu dans la requête à la base de données : les valeurs n’atteignent jamais le navigateur. Il s’applique à chaque graphique, à chaque point du graphique d’évolution et aux deux groupes d’une comparaison."},
    "sustainability.method.threshold": {
        "en": "The threshold chart shows the share of responses whose score is at or above a threshold; a score exactly equal to the threshold counts as at or above. IOM’s official sustainability cut-off was not available to us: the default threshold, {threshold}, is a setting of this dashboard (EUIOM_THRESHOLD), not IOM’s official value, and can be moved on the page.",
        "fr": "Le graphique de seuil montre la part des réponses dont le score est égal ou supérieur à un seuil ; un score exactement égal au seuil est compté. Le seuil officiel de durabilité de l’OIM ne nous était pas disponible : le seuil par défaut, {threshold}, est un réglage de ce tableau de bord (EUIOM_THRESHOLD), pas la valeur officielle de l’OIM, et peut être déplacé sur la page."},
    "sustainability.method.distribution": {
        "en": "Distributions are drawn as boxes computed in the database: the box spans the 25th to 75th percentile, the line inside it is the median and the whiskers reach the 5th and 95th percentiles (not 1.5 times the interquartile range); percentiles are exact, with linear interpolation. No individual response is sent to the browser.",
        "fr": "Les distributions sont représentées par des boîtes calculées dans la base de données : la boîte va du 25e au 75e centile, le trait intérieur est la médiane et les moustaches vont du 5e au 95e centile (et non à 1,5 fois l’écart interquartile) ; les centiles sont exacts, par interpolation linéaire. Aucune réponse individuelle n’est envoyée au navigateur."},
    "sustainability.method.time": {
        "en": "Months since return are grouped in bands: 0–5, 6–11, 12–17, 18–23 and 24 months or more. The chart over time follows the mean score of the largest groups (at most {max}) band by band.",
        "fr": "Les mois depuis le retour sont regroupés en tranches : 0–5, 6–11, 12–17, 18–23 et 24 mois ou plus. Le graphique d’évolution suit, tranche par tranche, le score moyen des groupes les plus grands (au plus {max})."},
    "sustainability.method.filters": {
        "en": "Every filter applies to the survey scores except the pillar filter (every RSS response concerns reintegration); the period filter applies to the survey date.",
        "fr": "Tous les filtres s’appliquent aux scores d’enquête, sauf le filtre par pilier (chaque réponse RSS porte sur la réintégration) ; le filtre de période s’applique à la date de l’enquête."},
}
