"""Text of the sustainability page, including the methodology paragraphs the About page shows."""

TEXT: dict[str, dict[str, str]] = {
    # Page and controls
    "sustainability.title": {
        "en": "Reintegration sustainability",
        "fr": "Durabilité de la réintégration",
    },
    "sustainability.intro": {
        "en": "Reintegration Sustainability Survey (RSS) scores compared across groups of returnees. Each score runs from 0 to 1; higher means more sustainable reintegration. Every mean carries its sample size and a 95% confidence interval; groups with fewer than {min} respondents are suppressed. Each returnee counts once, with their latest answer in the period. To protect returnees, every figure is computed from a protected release of the survey (differential privacy), so figures differ slightly from the survey’s own, and the intervals show the survey’s sampling uncertainty, not that difference (see how these figures are computed).",
        "fr": "Scores de l’enquête sur la durabilité de la réintégration (RSS) comparés entre groupes de migrants de retour. Chaque score va de 0 à 1 ; plus il est élevé, plus la réintégration est durable. Chaque moyenne est accompagnée de la taille de l’échantillon et d’un intervalle de confiance à 95 % ; les groupes de moins de {min} répondants sont masqués. Chaque personne compte une fois, avec sa dernière réponse de la période. Pour protéger les personnes, chaque chiffre est calculé à partir d’une diffusion protégée de l’enquête (confidentialité différentielle) : les chiffres diffèrent donc légèrement de ceux de l’enquête, et les intervalles montrent l’incertitude d’échantillonnage de l’enquête, pas cet écart (voir le mode de calcul).",
    },
    "sustainability.controls": {"en": "Chart options", "fr": "Options des graphiques"},
    "sustainability.grouping_label": {"en": "Compare by", "fr": "Comparer par"},
    "sustainability.measure_label": {
        "en": "Score for distribution, threshold and time charts",
        "fr": "Score des graphiques de distribution, de seuil et d’évolution",
    },
    "sustainability.threshold_label": {
        "en": "Sustainability threshold (a setting)",
        "fr": "Seuil de durabilité (un réglage)",
    },
    "sustainability.threshold_value_label": {"en": "Threshold value", "fr": "Valeur du seuil"},
    "sustainability.threshold_help": {
        "en": "A setting of this dashboard, not IOM’s official cut-off (which was not available to us). Default {default}.",
        "fr": "Un réglage de ce tableau de bord, pas le seuil officiel de l’OIM (qui ne nous était pas disponible). Valeur par défaut : {default}.",
    },
    "sustainability.heading.means": {
        "en": "Mean scores with 95% confidence intervals",
        "fr": "Scores moyens avec intervalles de confiance à 95 %",
    },
    "sustainability.heading.box": {"en": "Spread of scores", "fr": "Dispersion des scores"},
    "sustainability.heading.share": {
        "en": "Share at or above the threshold",
        "fr": "Part au seuil ou au-dessus",
    },
    "sustainability.heading.time": {
        "en": "Scores over time since return",
        "fr": "Scores selon le temps écoulé depuis le retour",
    },
    "sustainability.methodology_link": {
        "en": "How these figures are computed",
        "fr": "Comment ces chiffres sont calculés",
    },
    # Groupings
    "sustainability.grouping.region": {"en": "Region", "fr": "Région"},
    "sustainability.grouping.action": {"en": "Action", "fr": "Action"},
    "sustainability.grouping.country": {"en": "Country", "fr": "Pays"},
    "sustainability.grouping.sex": {"en": "Sex", "fr": "Sexe"},
    "sustainability.grouping.age_group": {"en": "Age group", "fr": "Tranche d’âge"},
    "sustainability.grouping.assistance_type": {"en": "Assistance type", "fr": "Type d’aide"},
    "sustainability.grouping.assistance_level": {"en": "Assistance level", "fr": "Niveau d’aide"},
    "sustainability.grouping.referral": {
        "en": "Referral or direct assistance",
        "fr": "Orientation ou aide directe",
    },
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
    "sustainability.grouping_lower.assistance_level": {
        "en": "assistance level",
        "fr": "niveau d’aide",
    },
    "sustainability.grouping_lower.referral": {
        "en": "referral or direct assistance",
        "fr": "orientation ou aide directe",
    },
    "sustainability.grouping_lower.months": {
        "en": "months since return",
        "fr": "mois depuis le retour",
    },
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
    "sustainability.code.assistance_type.economic": {
        "en": "Economic assistance",
        "fr": "Aide économique",
    },
    "sustainability.code.assistance_type.social": {"en": "Social assistance", "fr": "Aide sociale"},
    "sustainability.code.assistance_type.psychosocial": {
        "en": "Psychosocial assistance",
        "fr": "Aide psychosociale",
    },
    "sustainability.code.assistance_type.multidimensional": {
        "en": "Multidimensional assistance",
        "fr": "Aide multidimensionnelle",
    },
    "sustainability.code.assistance_level.individual": {"en": "Individual", "fr": "Individuelle"},
    "sustainability.code.assistance_level.community": {"en": "Community", "fr": "Communautaire"},
    "sustainability.code.assistance_level.structural": {"en": "Structural", "fr": "Structurelle"},
    "sustainability.code.referral.referral": {
        "en": "Referred to a partner",
        "fr": "Orientée vers un partenaire",
    },
    "sustainability.code.referral.direct": {"en": "Direct assistance", "fr": "Aide directe"},
    "sustainability.code.months.0-5": {"en": "0–5 months", "fr": "0–5 mois"},
    "sustainability.code.months.6-11": {"en": "6–11 months", "fr": "6–11 mois"},
    "sustainability.code.months.12-17": {"en": "12–17 months", "fr": "12–17 mois"},
    "sustainability.code.months.18-23": {"en": "18–23 months", "fr": "18–23 mois"},
    "sustainability.code.months.24+": {"en": "24 months or more", "fr": "24 mois ou plus"},
    "sustainability.tick.months.0-5": {"en": "0–5", "fr": "0–5"},
    "sustainability.tick.months.6-11": {"en": "6–11", "fr": "6–11"},
    "sustainability.tick.months.12-17": {"en": "12–17", "fr": "12–17"},
    "sustainability.tick.months.18-23": {"en": "18–23", "fr": "18–23"},
    "sustainability.tick.months.24+": {"en": "24+", "fr": "24+"},
    "sustainability.all_returnees": {"en": "All returnees", "fr": "Tous les migrants de retour"},
    # Chart words
    "sustainability.tick": {"en": "{label} (n={n})", "fr": "{label} (n={n})"},
    "sustainability.tick_suppressed": {
        "en": "{label} (n < {min}, suppressed)",
        "fr": "{label} (n < {min}, masqué)",
    },
    "sustainability.suppressed_mark": {
        "en": "suppressed: fewer than {min} respondents",
        "fr": "masqué : moins de {min} répondants",
    },
    "sustainability.hover.mean": {
        "en": "{group}<br>{measure}: {mean}<br>95% CI {low} to {high}<br>n = {n}",
        "fr": "{group}<br>{measure} : {mean}<br>IC à 95 % de {low} à {high}<br>n = {n}",
    },
    "sustainability.hover.share": {
        "en": "{group}<br>{share} at or above {threshold} ({above} of {n})<br>95% CI {low} to {high}",
        "fr": "{group}<br>{share} au seuil {threshold} ou au-dessus ({above} sur {n})<br>IC à 95 % de {low} à {high}",
    },
    "sustainability.hover.box": {
        "en": "{group}, n = {n}<br>5th percentile {p05}<br>quartiles {q1} | {median} | {q3}<br>95th percentile {p95}<br>mean {mean}",
        "fr": "{group}, n = {n}<br>5e centile {p05}<br>quartiles {q1} | {median} | {q3}<br>95e centile {p95}<br>moyenne {mean}",
    },
    "sustainability.axis.mean_short": {
        "en": "Mean score (95% CI)",
        "fr": "Score moyen (IC à 95 %)",
    },
    "sustainability.axis.score": {"en": "{measure} score", "fr": "Score {measure_lower}"},
    "sustainability.axis.share": {
        "en": "Share (95% Wilson interval)",
        "fr": "Part (intervalle de Wilson à 95 %)",
    },
    "sustainability.axis.months": {"en": "Months since return", "fr": "Mois depuis le retour"},
    "sustainability.threshold_line": {
        "en": "threshold {value} (setting)",
        "fr": "seuil {value} (réglage)",
    },
    "sustainability.means.title": {
        "en": "Mean scores by {grouping_lower}",
        "fr": "Scores moyens par {grouping_lower}",
    },
    "sustainability.box.title": {
        "en": "Spread of {measure_lower} scores by {grouping_lower}",
        "fr": "Dispersion du score {measure_lower} par {grouping_lower}",
    },
    "sustainability.box.legend": {
        "en": "Each box spans the middle half of the scores (25th to 75th percentile); the solid line is the median, the dashed line the mean, and the whiskers reach the 5th and 95th percentiles.",
        "fr": "Chaque boîte couvre la moitié centrale des scores (du 25e au 75e centile) ; le trait plein est la médiane, le trait pointillé la moyenne, et les moustaches vont du 5e au 95e centile.",
    },
    "sustainability.share.title": {
        "en": "Share at or above {threshold}",
        "fr": "Part au seuil {threshold} ou au-dessus",
    },
    "sustainability.share.subtitle": {
        "en": "{measure} score, by {grouping_lower}",
        "fr": "Score {measure_lower}, par {grouping_lower}",
    },
    "sustainability.share.legend": {
        "en": "Share at or above the threshold",
        "fr": "Part au seuil ou au-dessus",
    },
    "sustainability.time.title": {
        "en": "Mean {measure_lower} score by months since return",
        "fr": "Score {measure_lower} moyen selon les mois depuis le retour",
    },
    "sustainability.time.all_suppressed": {
        "en": "No band of months since return holds {min} respondents or more in any group with the current filters: nothing can be shown.",
        "fr": "Aucune tranche de mois depuis le retour ne compte {min} répondants ou plus dans un groupe avec les filtres actuels : rien ne peut être affiché.",
    },
    "sustainability.time.all_suppressed_short": {
        "en": "Every point is below the minimum group size.",
        "fr": "Chaque point est sous la taille minimale de groupe.",
    },
    "sustainability.compare.title": {
        "en": "{a} and {b} side by side",
        "fr": "{a} et {b} côte à côte",
    },
    "sustainability.compare.heading": {
        "en": "Two groups side by side",
        "fr": "Deux groupes côte à côte",
    },
    "sustainability.compare.help": {
        "en": "Choose two groups of the current grouping ({grouping_lower}). Only groups with at least {min} respondents under the current filters are offered: smaller groups are suppressed and cannot be compared.",
        "fr": "Choisissez deux groupes du regroupement actuel ({grouping_lower}). Seuls les groupes d’au moins {min} répondants avec les filtres actuels sont proposés : les groupes plus petits sont masqués et ne peuvent pas être comparés.",
    },
    "sustainability.compare.none_available": {
        "en": "Fewer than two groups have at least {min} respondents with the current filters: there is nothing to compare. Widen the filters or choose another grouping.",
        "fr": "Moins de deux groupes comptent au moins {min} répondants avec les filtres actuels : il n’y a rien à comparer. Élargissez les filtres ou choisissez un autre regroupement.",
    },
    "sustainability.compare.verdict.higher": {
        "en": "{a} higher than {b}; the 95% interval of the difference excludes zero",
        "fr": "score plus élevé pour {for_a} que pour {for_b} ; l’intervalle à 95 % de l’écart exclut zéro",
    },
    "sustainability.compare.verdict.lower": {
        "en": "{a} lower than {b}; the 95% interval of the difference excludes zero",
        "fr": "score plus bas pour {for_a} que pour {for_b} ; l’intervalle à 95 % de l’écart exclut zéro",
    },
    "sustainability.compare.verdict_table.higher": {
        "en": "Group A higher than B; the 95% interval of the difference excludes zero",
        "fr": "Groupe A plus élevé que B ; l’intervalle à 95 % de l’écart exclut zéro",
    },
    "sustainability.compare.verdict_table.lower": {
        "en": "Group A lower than B; the 95% interval of the difference excludes zero",
        "fr": "Groupe A plus bas que B ; l’intervalle à 95 % de l’écart exclut zéro",
    },
    "sustainability.compare.verdict_table.none": {
        "en": "No difference distinguishable from zero at 95%",
        "fr": "Aucun écart distinguable de zéro à 95 %",
    },
    "sustainability.summary.separator": {"en": "; ", "fr": " ; "},
    "sustainability.compare.verdict.none": {
        "en": "no difference distinguishable from zero at 95%",
        "fr": "aucun écart distinguable de zéro à 95 %",
    },
    "sustainability.compare.subtitle": {
        "en": "Composite score: {verdict}",
        "fr": "Score composite : {verdict}",
    },
    "sustainability.compare.col.verdict": {"en": "At 95%", "fr": "À 95 %"},
    "sustainability.compare.group_a": {"en": "Group A", "fr": "Groupe A"},
    "sustainability.compare.group_b": {"en": "Group B", "fr": "Groupe B"},
    "sustainability.compare.status.suppressed": {
        "en": "{group}: suppressed (fewer than {min} respondents with the current filters).",
        "fr": "{group} : masqué (moins de {min} répondants avec les filtres actuels).",
    },
    "sustainability.compare.status.absent": {
        "en": "{group}: no survey responses with the current filters.",
        "fr": "{group} : aucune réponse d’enquête avec les filtres actuels.",
    },
    "sustainability.compare.same": {
        "en": "Group A and group B are the same: choose two different groups.",
        "fr": "Le groupe A et le groupe B sont identiques : choisissez deux groupes différents.",
    },
    "sustainability.compare.col.dimension": {"en": "Dimension", "fr": "Dimension"},
    "sustainability.compare.col.mean": {
        "en": "{group}: mean (95% CI)",
        "fr": "{group} : moyenne (IC à 95 %)",
    },
    "sustainability.compare.col.difference": {
        "en": "Difference A − B (95% CI, Welch)",
        "fr": "Écart A − B (IC à 95 %, Welch)",
    },
    "sustainability.compare.caption": {
        "en": "Means of {a} (n={n_a}) and {b} (n={n_b}); a difference whose interval excludes 0 is unlikely to be chance alone.",
        "fr": "Moyennes {of_a} (n={n_a}) et {of_b} (n={n_b}) ; un écart dont l’intervalle exclut 0 a peu de chances d’être dû au seul hasard.",
    },
    "sustainability.interval": {
        "en": "{value} ({low} to {high})",
        "fr": "{value} ({low} à {high})",
    },
    # Summaries next to charts (read by screen readers)
    "sustainability.summary.groups": {
        "en": "{shown} groups shown, {suppressed} suppressed (fewer than {min} respondents).",
        "fr": "{shown} groupes affichés, {suppressed} masqués (moins de {min} répondants).",
    },
    "sustainability.summary.means": {
        "en": "Highest mean composite score: {best} ({value}); lowest: {worst} ({low_value}).",
        "fr": "Score composite moyen le plus élevé : {best} ({value}) ; le plus bas : {worst} ({low_value}).",
    },
    "sustainability.summary.computed": {
        "en": "For {share} of the respondents shown, the composite was computed by this dashboard from the three dimensions.",
        "fr": "Pour {share} des répondants affichés, le score composite a été calculé par ce tableau de bord à partir des trois dimensions.",
    },
    "sustainability.summary.share": {
        "en": "Overall, {share} of the {n} respondents shown are at or above the threshold {threshold}.",
        "fr": "Au total, {share} des {n} répondants affichés sont au seuil {threshold} ou au-dessus.",
    },
    "sustainability.summary.time": {
        "en": "Series shown: {series}. Up to {max} largest groups; points with fewer than {min} respondents are left out.",
        "fr": "Séries affichées : {series}. Au plus les {max} groupes les plus grands ; les points de moins de {min} répondants sont omis.",
    },
    "sustainability.summary.empty": {
        "en": "Too few respondents to show with the current filters (none or only a few: the two are not told apart).",
        "fr": "Trop peu de répondants à afficher avec les filtres actuels (aucun ou quelques-uns : les deux ne sont pas distingués).",
    },
    "sustainability.all_suppressed": {
        "en": "Every group has fewer than {min} respondents with the current filters: nothing can be shown.",
        "fr": "Chaque groupe compte moins de {min} répondants avec les filtres actuels : rien ne peut être affiché.",
    },
    "sustainability.summary.compare": {
        "en": "Mean composite score: {a} {value_a}, {b} {value_b}; difference A − B and its 95% CI: {difference}. {verdict}.",
        "fr": "Score composite moyen : {a} {value_a}, {b} {value_b} ; écart A − B et son IC à 95 % : {difference}. {verdict}.",
    },
    "sustainability.summary.compare_dimensions": {
        "en": "By dimension (A − B and its 95% CI): {items}.",
        "fr": "Par dimension (A − B et son IC à 95 %) : {items}.",
    },
    "sustainability.compare.verdict_short.higher": {
        "en": "A higher than B",
        "fr": "A plus élevé que B",
    },
    "sustainability.compare.verdict_short.lower": {
        "en": "A lower than B",
        "fr": "A plus bas que B",
    },
    "sustainability.compare.verdict_short.none": {
        "en": "no difference distinguishable from zero",
        "fr": "aucun écart distinguable de zéro",
    },
    "sustainability.summary.compare_item": {
        "en": "{measure} {difference}, {verdict}",
        "fr": "{measure} {difference}, {verdict}",
    },
    "sustainability.heading.compare_chart": {
        "en": "Mean scores of groups A and B",
        "fr": "Scores moyens des groupes A et B",
    },
    "sustainability.compare.col.difference_short": {"en": "Difference A − B", "fr": "Écart A − B"},
    # Ignored chart options of a link
    "sustainability.notice.dropped": {
        "en": "Some chart options in the link were not recognised and were ignored: {items}.",
        "fr": "Certaines options des graphiques du lien n’ont pas été reconnues et ont été ignorées : {items}.",
    },
    "sustainability.notice.groups_unavailable": {
        "en": "Groups in the link have fewer than {min} respondents with the current filters, so they cannot be compared; other groups are shown instead: {items}.",
        "fr": "Des groupes du lien comptent moins de {min} répondants avec les filtres actuels et ne peuvent donc pas être comparés ; d’autres groupes sont affichés à la place : {items}.",
    },
    "sustainability.notice.item": {
        "en": "“{value}” for “{option}”",
        "fr": "«\u00a0{value}\u00a0» pour «\u00a0{option}\u00a0»",
    },
    # Column names and values of the data behind the charts (downloads and table views)
    "sustainability.data.of": {"en": "{what}: {stat}", "fr": "{what} : {stat}"},
    "sustainability.data.stat.code": {"en": "code", "fr": "code"},
    "sustainability.data.stat.status": {"en": "status", "fr": "statut"},
    "sustainability.data.stat.n": {"en": "respondents (n)", "fr": "répondants (n)"},
    "sustainability.data.stat.mean": {"en": "mean", "fr": "moyenne"},
    "sustainability.data.stat.ci_low": {"en": "95% CI low", "fr": "borne basse de l’IC à 95 %"},
    "sustainability.data.stat.ci_high": {"en": "95% CI high", "fr": "borne haute de l’IC à 95 %"},
    "sustainability.data.stat.ci_low_wilson": {
        "en": "95% Wilson interval low",
        "fr": "borne basse de l’intervalle de Wilson à 95 %",
    },
    "sustainability.data.stat.ci_high_wilson": {
        "en": "95% Wilson interval high",
        "fr": "borne haute de l’intervalle de Wilson à 95 %",
    },
    "sustainability.data.stat.ci_low_welch": {
        "en": "95% Welch interval low",
        "fr": "borne basse de l’intervalle de Welch à 95 %",
    },
    "sustainability.data.stat.ci_high_welch": {
        "en": "95% Welch interval high",
        "fr": "borne haute de l’intervalle de Welch à 95 %",
    },
    "sustainability.data.stat.p05": {"en": "5th percentile", "fr": "5e centile"},
    "sustainability.data.stat.q1": {"en": "25th percentile (Q1)", "fr": "25e centile (Q1)"},
    "sustainability.data.stat.median": {"en": "median", "fr": "médiane"},
    "sustainability.data.stat.q3": {"en": "75th percentile (Q3)", "fr": "75e centile (Q3)"},
    "sustainability.data.stat.p95": {"en": "95th percentile", "fr": "95e centile"},
    "sustainability.data.status": {"en": "Status", "fr": "Statut"},
    "sustainability.data.status.shown": {"en": "shown", "fr": "affiché"},
    "sustainability.data.status.suppressed": {
        "en": "suppressed (fewer than {min} respondents)",
        "fr": "masqué (moins de {min} répondants)",
    },
    "sustainability.data.status.absent": {"en": "no responses", "fr": "aucune réponse"},
    "sustainability.data.n": {"en": "Respondents (n)", "fr": "Répondants (n)"},
    "sustainability.data.computed": {
        "en": "Composites computed by this dashboard",
        "fr": "Scores composites calculés par ce tableau de bord",
    },
    "sustainability.data.score": {"en": "Score", "fr": "Score"},
    "sustainability.data.threshold": {"en": "Threshold (setting)", "fr": "Seuil (réglage)"},
    "sustainability.data.at_or_above": {
        "en": "Respondents at or above the threshold",
        "fr": "Répondants au seuil ou au-dessus",
    },
    "sustainability.data.share": {
        "en": "Share at or above the threshold",
        "fr": "Part au seuil ou au-dessus",
    },
    "sustainability.data.series": {"en": "Series", "fr": "Série"},
    # Change between rounds (paired)
    "sustainability.heading.changes": {
        "en": "Change between survey rounds (same returnees)",
        "fr": "Évolution entre deux vagues d’enquête (mêmes personnes)",
    },
    "sustainability.heading.change_shares": {
        "en": "Whose composite rose, stayed or fell",
        "fr": "Score composite en hausse, stable ou en baisse",
    },
    "sustainability.changes.title": {
        "en": "Mean change from the previous round, by {grouping_lower}",
        "fr": "Évolution moyenne depuis la vague précédente, par {grouping_lower}",
    },
    "sustainability.change_shares.title": {
        "en": "Composite between two rounds, by {grouping_lower}",
        "fr": "Score composite entre deux vagues, par {grouping_lower}",
    },
    "sustainability.changes.none": {
        "en": "No returnee answered two rounds within the current filters and period.",
        "fr": "Aucune personne n’a répondu à deux vagues avec les filtres et la période actuels.",
    },
    "sustainability.changes.rose": {
        "en": "Rose (by more than {band})",
        "fr": "En hausse (de plus de {band})",
    },
    "sustainability.changes.stayed": {
        "en": "Stayed (within ±{band})",
        "fr": "Stable (à ±{band} près)",
    },
    "sustainability.changes.fell": {
        "en": "Fell (by more than {band})",
        "fr": "En baisse (de plus de {band})",
    },
    "sustainability.changes.help": {
        "en": "Returnees who answered at least two rounds in the period: their latest answer minus their previous one.",
        "fr": "Personnes ayant répondu à au moins deux vagues dans la période : leur dernière réponse moins la précédente.",
    },
    "sustainability.hover.change": {
        "en": "{group}<br>{measure}: {change}<br>95% CI {low} to {high}<br>returnees = {n}",
        "fr": "{group}<br>{measure} : {change}<br>IC à 95 % de {low} à {high}<br>personnes = {n}",
    },
    "sustainability.hover.direction": {
        "en": "{group}<br>{direction}: {share}<br>95% CI {low} to {high}<br>returnees = {n}",
        "fr": "{group}<br>{direction} : {share}<br>IC à 95 % de {low} à {high}<br>personnes = {n}",
    },
    "sustainability.axis.change": {
        "en": "Mean change of the score (95% CI)",
        "fr": "Évolution moyenne du score (IC à 95 %)",
    },
    "sustainability.axis.change_share": {"en": "Share of returnees", "fr": "Part des personnes"},
    "sustainability.summary.changes": {
        "en": "{n} returnees answered two rounds; their composite changed by {change} on average: it rose for {rose} and fell for {fell}.",
        "fr": "{n} personnes ont répondu à deux vagues ; leur score composite a évolué de {change} en moyenne : en hausse pour {rose}, en baisse pour {fell}.",
    },
    "sustainability.data.pairs": {
        "en": "Returnees with two rounds (n)",
        "fr": "Personnes ayant répondu à deux vagues (n)",
    },
    "sustainability.data.change_of": {
        "en": "change of the {measure} score",
        "fr": "évolution du score {measure}",
    },
    # Disclosure control
    "sustainability.exact_banner": {
        "en": "Exact mode: these survey figures are computed from the survey records themselves, NOT from the protected release (EUIOM_DISCLOSURE=exact, for signed-in analysts). Do not share these views or files outside the team: differences between them can reveal individual returnees.",
        "fr": "Mode exact : ces chiffres d’enquête sont calculés à partir des réponses elles-mêmes, PAS à partir de la diffusion protégée (EUIOM_DISCLOSURE=exact, pour analystes connectés). Ne partagez pas ces vues ni ces fichiers hors de l’équipe : leurs différences peuvent révéler des personnes.",
    },
    "sustainability.disclosure.header": {
        "en": "Disclosure control",
        "fr": "Contrôle de la divulgation",
    },
    "sustainability.disclosure.protected": {
        "en": "protected: computed from the protected release (differential privacy, ρ = {rho}); 95% intervals show survey sampling only, not the release’s noise",
        "fr": "protégé : calculé à partir de la diffusion protégée (confidentialité différentielle, ρ = {rho}) ; les intervalles à 95 % ne montrent que l’échantillonnage de l’enquête, pas le bruit de la diffusion",
    },
    "sustainability.disclosure.protected_mark": {
        "en": "Protected figures; intervals leave out the release’s noise",
        "fr": "Chiffres protégés ; intervalles hors bruit de la diffusion",
    },
    "sustainability.disclosure.exact_mark": {
        "en": "EXACT figures, not protected",
        "fr": "Chiffres EXACTS, non protégés",
    },
    "sustainability.disclosure.exact": {
        "en": "EXACT: computed from the survey records, not protected (EUIOM_DISCLOSURE=exact); do not share outside the team",
        "fr": "EXACT : calculé à partir des réponses, non protégé (EUIOM_DISCLOSURE=exact) ; ne pas diffuser hors de l’équipe",
    },
    "sustainability.intro.exact": {
        "en": "Reintegration Sustainability Survey (RSS) scores compared across groups of returnees. Each score runs from 0 to 1; higher means more sustainable reintegration. Every mean carries its sample size and a 95% confidence interval; groups with fewer than {min} respondents are suppressed. Each returnee counts once, with their latest answer in the period. These figures are EXACT: computed from the survey records themselves, not from the protected release, for signed-in analysts only (see the warning above).",
        "fr": "Scores de l’enquête sur la durabilité de la réintégration (RSS) comparés entre groupes de migrants de retour. Chaque score va de 0 à 1 ; plus il est élevé, plus la réintégration est durable. Chaque moyenne est accompagnée de la taille de l’échantillon et d’un intervalle de confiance à 95 % ; les groupes de moins de {min} répondants sont masqués. Chaque personne compte une fois, avec sa dernière réponse de la période. Ces chiffres sont EXACTS : calculés à partir des réponses elles-mêmes, pas à partir de la diffusion protégée, réservés aux analystes connectés (voir l’avertissement ci-dessus).",
    },
    "sustainability.intervals_note": {
        "en": "Survey figures come from the protected release. Their 95% intervals are computed from it as if it were the survey: they show sampling uncertainty, not the release’s noise or model error. On the demo data they held the survey’s own mean in {coverage} of groups, by group size; that is an average over groups, not a promise for any one.",
        "fr": "Les chiffres d’enquête viennent de la diffusion protégée. Leurs intervalles à 95 % sont calculés à partir d’elle comme s’il s’agissait de l’enquête : ils montrent l’incertitude d’échantillonnage, pas le bruit ni l’erreur de modèle de la diffusion. Sur les données de démonstration, ils contenaient la moyenne de l’enquête pour {coverage} des groupes, selon leur taille ; c’est une moyenne sur les groupes, pas une promesse pour chacun.",
    },
}
