"""Text of the sustainability page, including the methodology paragraphs the About page shows."""

TEXT: dict[str, dict[str, str]] = {
    # Page and controls
    "sustainability.title": {"en": "Reintegration sustainability", "fr": "Durabilité de la réintégration"},
    "sustainability.intro": {
        "en": "Reintegration Sustainability Survey (RSS) scores compared across groups of returnees. Each score runs from 0 to 1; higher means more sustainable reintegration. Every mean carries its sample size and a 95% confidence interval; groups with fewer than {min} respondents are suppressed. Each returnee counts once, with their latest answer in the period. To protect returnees, every figure is computed from a protected release of the survey (differential privacy), so figures differ slightly from the survey’s own, and the intervals show the survey’s sampling uncertainty, not that difference (see how these figures are computed).",
        "fr": "Scores de l’enquête sur la durabilité de la réintégration (RSS) comparés entre groupes de migrants de retour. Chaque score va de 0 à 1 ; plus il est élevé, plus la réintégration est durable. Chaque moyenne est accompagnée de la taille de l’échantillon et d’un intervalle de confiance à 95 % ; les groupes de moins de {min} répondants sont masqués. Chaque personne compte une fois, avec sa dernière réponse de la période. Pour protéger les personnes, chaque chiffre est calculé à partir d’une diffusion protégée de l’enquête (confidentialité différentielle) : les chiffres diffèrent donc légèrement de ceux de l’enquête, et les intervalles montrent l’incertitude d’échantillonnage de l’enquête, pas cet écart (voir le mode de calcul)."},
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
                                     "fr": "Scores moyens avec intervalles de confiance à 95 %"},
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
    "sustainability.suppressed_mark": {"en": "suppressed: fewer than {min} respondents",
                                       "fr": "masqué : moins de {min} répondants"},
    "sustainability.hover.mean": {
        "en": "{group}<br>{measure}: {mean}<br>95% CI {low} to {high}<br>n = {n}",
        "fr": "{group}<br>{measure} : {mean}<br>IC à 95 % de {low} à {high}<br>n = {n}"},
    "sustainability.hover.share": {
        "en": "{group}<br>{share} at or above {threshold} ({above} of {n})<br>95% CI {low} to {high}",
        "fr": "{group}<br>{share} au seuil {threshold} ou au-dessus ({above} sur {n})<br>IC à 95 % de {low} à {high}"},
    "sustainability.hover.box": {
        "en": "{group}, n = {n}<br>5th percentile {p05}<br>quartiles {q1} | {median} | {q3}<br>95th percentile {p95}<br>mean {mean}",
        "fr": "{group}, n = {n}<br>5e centile {p05}<br>quartiles {q1} | {median} | {q3}<br>95e centile {p95}<br>moyenne {mean}"},
    "sustainability.axis.mean_short": {"en": "Mean score (95% CI)", "fr": "Score moyen (IC à 95 %)"},
    "sustainability.axis.score": {"en": "{measure} score", "fr": "Score {measure_lower}"},
    "sustainability.axis.share": {"en": "Share (95% Wilson interval)", "fr": "Part (intervalle de Wilson à 95 %)"},
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
        "en": "No band of months since return holds {min} respondents or more in any group with the current filters: nothing can be shown.",
        "fr": "Aucune tranche de mois depuis le retour ne compte {min} répondants ou plus dans un groupe avec les filtres actuels : rien ne peut être affiché."},
    "sustainability.time.all_suppressed_short": {"en": "Every point is below the minimum group size.",
                                                 "fr": "Chaque point est sous la taille minimale de groupe."},
    "sustainability.compare.title": {"en": "{a} and {b} side by side", "fr": "{a} et {b} côte à côte"},
    "sustainability.compare.heading": {"en": "Two groups side by side", "fr": "Deux groupes côte à côte"},
    "sustainability.compare.help": {
        "en": "Choose two groups of the current grouping ({grouping_lower}). Only groups with at least {min} respondents under the current filters are offered: smaller groups are suppressed and cannot be compared.",
        "fr": "Choisissez deux groupes du regroupement actuel ({grouping_lower}). Seuls les groupes d’au moins {min} répondants avec les filtres actuels sont proposés : les groupes plus petits sont masqués et ne peuvent pas être comparés."},
    "sustainability.compare.none_available": {
        "en": "Fewer than two groups have at least {min} respondents with the current filters: there is nothing to compare. Widen the filters or choose another grouping.",
        "fr": "Moins de deux groupes comptent au moins {min} répondants avec les filtres actuels : il n’y a rien à comparer. Élargissez les filtres ou choisissez un autre regroupement."},
    "sustainability.compare.verdict.higher": {
        "en": "{a} higher than {b}; the 95% interval of the difference excludes zero",
        "fr": "score plus élevé pour {a} que pour {b} ; l’intervalle à 95 % de l’écart exclut zéro"},
    "sustainability.compare.verdict.lower": {
        "en": "{a} lower than {b}; the 95% interval of the difference excludes zero",
        "fr": "score plus bas pour {a} que pour {b} ; l’intervalle à 95 % de l’écart exclut zéro"},
    "sustainability.compare.verdict_table.higher": {
        "en": "Group A higher than B; the 95% interval of the difference excludes zero",
        "fr": "Groupe A plus élevé que B ; l’intervalle à 95 % de l’écart exclut zéro"},
    "sustainability.compare.verdict_table.lower": {
        "en": "Group A lower than B; the 95% interval of the difference excludes zero",
        "fr": "Groupe A plus bas que B ; l’intervalle à 95 % de l’écart exclut zéro"},
    "sustainability.compare.verdict_table.none": {
        "en": "No difference distinguishable from zero at 95%",
        "fr": "Aucun écart distinguable de zéro à 95 %"},
    "sustainability.summary.separator": {"en": "; ", "fr": " ; "},
    "sustainability.compare.verdict.none": {
        "en": "no difference distinguishable from zero at 95%",
        "fr": "aucun écart distinguable de zéro à 95 %"},
    "sustainability.compare.subtitle": {"en": "Composite score: {verdict}", "fr": "Score composite : {verdict}"},
    "sustainability.compare.col.verdict": {"en": "At 95%", "fr": "À 95 %"},
    "sustainability.compare.group_a": {"en": "Group A", "fr": "Groupe A"},
    "sustainability.compare.group_b": {"en": "Group B", "fr": "Groupe B"},
    "sustainability.compare.status.suppressed": {
        "en": "{group}: suppressed (fewer than {min} respondents with the current filters).",
        "fr": "{group} : masqué (moins de {min} répondants avec les filtres actuels)."},
    "sustainability.compare.status.absent": {
        "en": "{group}: no survey responses with the current filters.",
        "fr": "{group} : aucune réponse d’enquête avec les filtres actuels."},
    "sustainability.compare.same": {"en": "Group A and group B are the same: choose two different groups.",
                                    "fr": "Le groupe A et le groupe B sont identiques : choisissez deux groupes différents."},
    "sustainability.compare.col.dimension": {"en": "Dimension", "fr": "Dimension"},
    "sustainability.compare.col.mean": {"en": "{group}: mean (95% CI)", "fr": "{group} : moyenne (IC à 95 %)"},
    "sustainability.compare.col.difference": {"en": "Difference A − B (95% CI, Welch)",
                                              "fr": "Écart A − B (IC à 95 %, Welch)"},
    "sustainability.compare.caption": {
        "en": "Means of {a} (n={n_a}) and {b} (n={n_b}); a difference whose interval excludes 0 is unlikely to be chance alone.",
        "fr": "Moyennes de {a} (n={n_a}) et de {b} (n={n_b}) ; un écart dont l’intervalle exclut 0 a peu de chances d’être dû au seul hasard."},
    "sustainability.interval": {"en": "{value} ({low} to {high})", "fr": "{value} ({low} à {high})"},
    # Summaries next to charts (read by screen readers)
    "sustainability.summary.groups": {
        "en": "{shown} groups shown, {suppressed} suppressed (fewer than {min} respondents).",
        "fr": "{shown} groupes affichés, {suppressed} masqués (moins de {min} répondants)."},
    "sustainability.summary.means": {
        "en": "Highest mean composite score: {best} ({value}); lowest: {worst} ({low_value}).",
        "fr": "Score composite moyen le plus élevé : {best} ({value}) ; le plus bas : {worst} ({low_value})."},
    "sustainability.summary.computed": {
        "en": "For {share} of the respondents shown, the composite was computed by this dashboard from the three dimensions.",
        "fr": "Pour {share} des répondants affichés, le score composite a été calculé par ce tableau de bord à partir des trois dimensions."},
    "sustainability.summary.share": {
        "en": "Overall, {share} of the {n} respondents shown are at or above the threshold {threshold}.",
        "fr": "Au total, {share} des {n} répondants affichés sont au seuil {threshold} ou au-dessus."},
    "sustainability.summary.time": {
        "en": "Series shown: {series}. Up to {max} largest groups; points with fewer than {min} respondents are left out.",
        "fr": "Séries affichées : {series}. Au plus les {max} groupes les plus grands ; les points de moins de {min} répondants sont omis."},
    "sustainability.summary.empty": {"en": "Too few respondents to show with the current filters (none or only a few: the two are not told apart).",
                                     "fr": "Trop peu de répondants à afficher avec les filtres actuels (aucun ou quelques-uns : les deux ne sont pas distingués)."},
    "sustainability.all_suppressed": {
        "en": "Every group has fewer than {min} respondents with the current filters: nothing can be shown.",
        "fr": "Chaque groupe compte moins de {min} répondants avec les filtres actuels : rien ne peut être affiché."},
    "sustainability.summary.compare": {
        "en": "Mean composite score: {a} {value_a}, {b} {value_b}; difference A − B and its 95% CI: {difference}. {verdict}.",
        "fr": "Score composite moyen : {a} {value_a}, {b} {value_b} ; écart A − B et son IC à 95 % : {difference}. {verdict}."},
    "sustainability.summary.compare_dimensions": {"en": "By dimension (A − B and its 95% CI): {items}.",
                                                  "fr": "Par dimension (A − B et son IC à 95 %) : {items}."},
    "sustainability.compare.verdict_short.higher": {"en": "A higher than B", "fr": "A plus élevé que B"},
    "sustainability.compare.verdict_short.lower": {"en": "A lower than B", "fr": "A plus bas que B"},
    "sustainability.compare.verdict_short.none": {"en": "no difference distinguishable from zero",
                                                  "fr": "aucun écart distinguable de zéro"},
    "sustainability.summary.compare_item": {"en": "{measure} {difference}, {verdict}",
                                            "fr": "{measure} {difference}, {verdict}"},
    "sustainability.heading.compare_chart": {"en": "Mean scores of groups A and B",
                                             "fr": "Scores moyens des groupes A et B"},
    "sustainability.compare.col.difference_short": {"en": "Difference A − B", "fr": "Écart A − B"},
    # Ignored chart options of a link
    "sustainability.notice.dropped": {
        "en": "Some chart options in the link were not recognised and were ignored: {items}.",
        "fr": "Certaines options des graphiques du lien n’ont pas été reconnues et ont été ignorées : {items}."},
    "sustainability.notice.groups_unavailable": {
        "en": "Groups in the link have fewer than {min} respondents with the current filters, so they cannot be compared; other groups are shown instead: {items}.",
        "fr": "Des groupes du lien comptent moins de {min} répondants avec les filtres actuels et ne peuvent donc pas être comparés ; d’autres groupes sont affichés à la place : {items}."},
    "sustainability.notice.item": {"en": "“{value}” for “{option}”",
                                   "fr": "«\u00a0{value}\u00a0» pour «\u00a0{option}\u00a0»"},
    # Column names and values of the data behind the charts (downloads and table views)
    "sustainability.data.of": {"en": "{what}: {stat}", "fr": "{what} : {stat}"},
    "sustainability.data.stat.code": {"en": "code", "fr": "code"},
    "sustainability.data.stat.status": {"en": "status", "fr": "statut"},
    "sustainability.data.stat.n": {"en": "respondents (n)", "fr": "répondants (n)"},
    "sustainability.data.stat.mean": {"en": "mean", "fr": "moyenne"},
    "sustainability.data.stat.ci_low": {"en": "95% CI low", "fr": "borne basse de l’IC à 95 %"},
    "sustainability.data.stat.ci_high": {"en": "95% CI high", "fr": "borne haute de l’IC à 95 %"},
    "sustainability.data.stat.ci_low_wilson": {"en": "95% Wilson interval low",
                                               "fr": "borne basse de l’intervalle de Wilson à 95 %"},
    "sustainability.data.stat.ci_high_wilson": {"en": "95% Wilson interval high",
                                                "fr": "borne haute de l’intervalle de Wilson à 95 %"},
    "sustainability.data.stat.ci_low_welch": {"en": "95% Welch interval low",
                                              "fr": "borne basse de l’intervalle de Welch à 95 %"},
    "sustainability.data.stat.ci_high_welch": {"en": "95% Welch interval high",
                                               "fr": "borne haute de l’intervalle de Welch à 95 %"},
    "sustainability.data.stat.p05": {"en": "5th percentile", "fr": "5e centile"},
    "sustainability.data.stat.q1": {"en": "25th percentile (Q1)", "fr": "25e centile (Q1)"},
    "sustainability.data.stat.median": {"en": "median", "fr": "médiane"},
    "sustainability.data.stat.q3": {"en": "75th percentile (Q3)", "fr": "75e centile (Q3)"},
    "sustainability.data.stat.p95": {"en": "95th percentile", "fr": "95e centile"},
    "sustainability.data.status": {"en": "Status", "fr": "Statut"},
    "sustainability.data.status.shown": {"en": "shown", "fr": "affiché"},
    "sustainability.data.status.suppressed": {"en": "suppressed (fewer than {min} respondents)",
                                              "fr": "masqué (moins de {min} répondants)"},
    "sustainability.data.status.absent": {"en": "no responses", "fr": "aucune réponse"},
    "sustainability.data.n": {"en": "Respondents (n)", "fr": "Répondants (n)"},
    "sustainability.data.computed": {"en": "Composites computed by this dashboard",
                                     "fr": "Scores composites calculés par ce tableau de bord"},
    "sustainability.data.score": {"en": "Score", "fr": "Score"},
    "sustainability.data.threshold": {"en": "Threshold (setting)", "fr": "Seuil (réglage)"},
    "sustainability.data.at_or_above": {"en": "Respondents at or above the threshold",
                                        "fr": "Répondants au seuil ou au-dessus"},
    "sustainability.data.share": {"en": "Share at or above the threshold", "fr": "Part au seuil ou au-dessus"},
    "sustainability.data.series": {"en": "Series", "fr": "Série"},
    # Change between rounds (paired)
    "sustainability.heading.changes": {"en": "Change between survey rounds (same returnees)",
                                       "fr": "Évolution entre deux vagues d’enquête (mêmes personnes)"},
    "sustainability.heading.change_shares": {"en": "Whose composite rose, stayed or fell",
                                             "fr": "Score composite en hausse, stable ou en baisse"},
    "sustainability.changes.title": {"en": "Mean change from the previous round, by {grouping_lower}",
                                     "fr": "Évolution moyenne depuis la vague précédente, par {grouping_lower}"},
    "sustainability.change_shares.title": {"en": "Composite between two rounds, by {grouping_lower}",
                                           "fr": "Score composite entre deux vagues, par {grouping_lower}"},
    "sustainability.changes.none": {
        "en": "No returnee answered two rounds within the current filters and period.",
        "fr": "Aucune personne n’a répondu à deux vagues avec les filtres et la période actuels."},
    "sustainability.changes.rose": {"en": "Rose (by more than {band})", "fr": "En hausse (de plus de {band})"},
    "sustainability.changes.stayed": {"en": "Stayed (within ±{band})", "fr": "Stable (à ±{band} près)"},
    "sustainability.changes.fell": {"en": "Fell (by more than {band})", "fr": "En baisse (de plus de {band})"},
    "sustainability.changes.help": {
        "en": "Returnees who answered at least two rounds in the period: their latest answer minus their previous one.",
        "fr": "Personnes ayant répondu à au moins deux vagues dans la période : leur dernière réponse moins la précédente."},
    "sustainability.hover.change": {
        "en": "{group}<br>{measure}: {change}<br>95% CI {low} to {high}<br>returnees = {n}",
        "fr": "{group}<br>{measure} : {change}<br>IC à 95 % de {low} à {high}<br>personnes = {n}"},
    "sustainability.hover.direction": {
        "en": "{group}<br>{direction}: {share}<br>95% CI {low} to {high}<br>returnees = {n}",
        "fr": "{group}<br>{direction} : {share}<br>IC à 95 % de {low} à {high}<br>personnes = {n}"},
    "sustainability.axis.change": {"en": "Mean change of the score (95% CI)",
                                   "fr": "Évolution moyenne du score (IC à 95 %)"},
    "sustainability.axis.change_share": {"en": "Share of returnees", "fr": "Part des personnes"},
    "sustainability.summary.changes": {
        "en": "{n} returnees answered two rounds; their composite changed by {change} on average: it rose for {rose} and fell for {fell}.",
        "fr": "{n} personnes ont répondu à deux vagues ; leur score composite a évolué de {change} en moyenne : en hausse pour {rose}, en baisse pour {fell}."},
    "sustainability.data.pairs": {"en": "Returnees with two rounds (n)", "fr": "Personnes ayant répondu à deux vagues (n)"},
    "sustainability.data.change_of": {"en": "change of the {measure} score", "fr": "évolution du score {measure}"},
    # Disclosure control
    "sustainability.exact_banner": {
        "en": "Exact mode: these survey figures are computed from the survey records themselves, NOT from the protected release (EUIOM_DISCLOSURE=exact, for signed-in analysts). Do not share these views or files outside the team: differences between them can reveal individual returnees.",
        "fr": "Mode exact : ces chiffres d’enquête sont calculés à partir des réponses elles-mêmes, PAS à partir de la diffusion protégée (EUIOM_DISCLOSURE=exact, pour analystes connectés). Ne partagez pas ces vues ni ces fichiers hors de l’équipe : leurs différences peuvent révéler des personnes."},
    "sustainability.disclosure.header": {"en": "Disclosure control", "fr": "Contrôle de la divulgation"},
    "sustainability.disclosure.protected": {
        "en": "protected: computed from the protected release (differential privacy, ρ = {rho}); 95% intervals show survey sampling only, not the release’s noise",
        "fr": "protégé : calculé à partir de la diffusion protégée (confidentialité différentielle, ρ = {rho}) ; les intervalles à 95 % ne montrent que l’échantillonnage de l’enquête, pas le bruit de la diffusion"},
    "sustainability.disclosure.protected_mark": {
        "en": "Protected figures; intervals leave out the release’s noise",
        "fr": "Chiffres protégés ; intervalles hors bruit de la diffusion"},
    "sustainability.disclosure.exact_mark": {"en": "EXACT figures, not protected", "fr": "Chiffres EXACTS, non protégés"},
    "sustainability.disclosure.exact": {
        "en": "EXACT: computed from the survey records, not protected (EUIOM_DISCLOSURE=exact); do not share outside the team",
        "fr": "EXACT : calculé à partir des réponses, non protégé (EUIOM_DISCLOSURE=exact) ; ne pas diffuser hors de l’équipe"},
    "sustainability.method.respondents": {
        "en": "Respondents, not responses: the RSS is run in rounds, so a returnee can answer several times. Each analysis keeps one answer per returnee — their latest answer within the selected period, in each Action and country — so a group’s n is its number of distinct respondents (the minimum group size counts people, not answers) and the answers analysed together are independent, as the intervals assume. The store tags every answer with the quarter of the same returnee’s next answer, so the pre-aggregated tables find the latest answers exactly for any period. A returnee surveyed in two countries counts once in each.",
        "fr": "Des personnes, pas des réponses : la RSS est menée par vagues, une même personne peut donc répondre plusieurs fois. Chaque analyse garde une réponse par personne — sa dernière réponse dans la période choisie, pour chaque Action et pays — si bien que le n d’un groupe est son nombre de répondants distincts (la taille minimale de groupe compte des personnes, pas des réponses) et que les réponses analysées ensemble sont indépendantes, comme le supposent les intervalles. Chaque réponse porte le trimestre de la réponse suivante de la même personne, ce qui permet aux tables pré-agrégées de retrouver exactement les dernières réponses pour toute période. Une personne interrogée dans deux pays compte une fois dans chacun."},
    "sustainability.method.changes": {
        "en": "Change between rounds compares the same returnees: for everyone with at least two answers in the period, their latest answer minus their previous one, grouped by the latest answer’s group. The mean change carries a paired 95% t-interval; the composite counts as having risen or fallen when it moved by more than {band}, as stable otherwise, with a Wilson interval for each share. These figures are suppressed below {min} returnees and protected like the others.",
        "fr": "L’évolution entre vagues compare les mêmes personnes : pour chacune ayant au moins deux réponses dans la période, sa dernière réponse moins la précédente, regroupées selon le groupe de la dernière réponse. L’évolution moyenne est accompagnée d’un intervalle t apparié à 95 % ; le score composite est compté en hausse ou en baisse s’il a varié de plus de {band}, stable sinon, avec un intervalle de Wilson pour chaque part. Ces chiffres sont masqués sous {min} personnes et protégés comme les autres."},
    "sustainability.method.disclosure": {
        "en": "How returnees are protected. Anyone can filter these tables freely, so suppressing small groups is not enough: the difference of two views could otherwise give back one person’s scores. Every public survey figure — on this page, in its tables, downloads, images and printable brief, in the open-data API, the download-all zip and embedded charts — is therefore computed from a protected release, never from the answers themselves. The release is made when a version of the data is built or imported: the dashboard measures a fixed set of tables of the answers (returnees by country and quarter; their attributes by country; sums of each score by every attribute), adds random noise of a known size to every measurement, fits a statistical model to these noisy tables, and draws from it a set of weighted records ({records} records standing for about the survey’s number of returnees; how many, and their weight, follow the noisy tables, never the survey’s own count). The figures are then computed from these records as from a survey, and published to three decimals. This is differential privacy with the returnee — all of their survey rounds — as the unit, at a budget of ρ = {rho} per release (zero-concentrated DP; equivalent to ε = {epsilon} at δ = 10⁻⁶, or μ = {mu} in Gaussian DP).",
        "fr": "Comment les personnes sont protégées. Chacun peut filtrer librement ces tableaux : masquer les petits groupes ne suffit pas, la différence entre deux vues pourrait sinon redonner les scores d’une seule personne. Chaque chiffre d’enquête public — sur cette page, dans ses tableaux, téléchargements, images et synthèse imprimable, dans l’API de données ouvertes, l’archive de toutes les données et les graphiques intégrés — est donc calculé à partir d’une diffusion protégée, jamais à partir des réponses elles-mêmes. La diffusion est faite lorsqu’une version des données est construite ou importée : le tableau de bord mesure un ensemble fixe de tableaux des réponses (personnes par pays et trimestre ; leurs caractéristiques par pays ; sommes de chaque score selon chaque caractéristique), ajoute à chaque mesure un bruit aléatoire de taille connue, ajuste un modèle statistique à ces tableaux bruités et en tire un ensemble d’enregistrements pondérés ({records} enregistrements représentant environ le nombre de personnes de l’enquête ; leur nombre et leur poids découlent des tableaux bruités, jamais de l’effectif de l’enquête). Les chiffres sont ensuite calculés à partir de ces enregistrements comme à partir d’une enquête, et publiés à trois décimales. C’est la confidentialité différentielle, avec pour unité la personne — toutes ses vagues d’enquête — et un budget de ρ = {rho} par diffusion (confidentialité différentielle concentrée nulle ; équivalent à ε = {epsilon} pour δ = 10⁻⁶, ou μ = {mu} en confidentialité différentielle gaussienne)."},
    "sustainability.method.guarantee": {
        "en": "What this means for one returnee. The guarantee is about one person at a time. Whatever anyone does with the published figures — any number of views, differences between them, downloads, repeated queries — and whatever else they know, including every other returnee’s answers and this dashboard’s code, what they can infer about one returnee is bounded, and the bound does not erode with the number of queries: nothing published after a release touches the answers again. Each import makes a new release of every returnee and spends the budget again; a rollback spends nothing but takes nothing back. {ledger}, that is μ = {mu_total} in Gaussian DP, or ε = {epsilon_total} at δ = 10⁻⁶: {strength}. For all these releases together: someone trying to tell whether a given person is in the survey, with in and out equally likely beforehand, is right at most {membership} of the time (a coin toss: 50%); scored by any test, a member ranks above a non-member at most {ranking} of the time; and a guess of a person’s answers that would be right with chance p without their data is right with chance at most Φ(Φ⁻¹(p) + {mu_total}) with it. So an attacker learns something about a person, but little, and never their answers with certainty.",
        "fr": "Ce que cela signifie pour une personne. La garantie porte sur une personne à la fois. Quoi que l’on fasse des chiffres publiés — autant de vues que l’on veut, leurs différences, des téléchargements, des requêtes répétées — et quoi que l’on sache par ailleurs, y compris les réponses de toutes les autres personnes et le code de ce tableau de bord, ce que l’on peut déduire sur une personne est borné, et la borne ne s’use pas avec le nombre de requêtes : rien de ce qui est publié après une diffusion ne touche de nouveau aux réponses. Chaque import fait une nouvelle diffusion de toutes les personnes et dépense de nouveau le budget ; un retour en arrière ne dépense rien mais ne reprend rien non plus. {ledger}, soit μ = {mu_total} en confidentialité différentielle gaussienne, ou ε = {epsilon_total} pour δ = 10⁻⁶ : {strength}. Pour toutes ces diffusions ensemble : qui cherche à savoir si une personne donnée fait partie de l’enquête, présence et absence étant également probables au départ, a raison au plus {membership} du temps (pile ou face : 50 %) ; quel que soit le test, une personne présente est classée au-dessus d’une personne absente au plus {ranking} du temps ; et une supposition de ses réponses qui réussirait avec une probabilité p sans ses données réussit au plus avec une probabilité Φ(Φ⁻¹(p) + {mu_total}) avec elles. Un attaquant apprend donc quelque chose sur une personne, mais peu, et jamais ses réponses avec certitude."},
    "sustainability.method.cost": {
        "en": "What it costs an analyst: the figures are close to the survey’s own but not equal to them, and small groups are pulled towards what their attributes predict. Measured on the demo data at ρ = 0.5 (benchmarks/README.md): for groups of 1,000 or more returnees half of the means are within {large_median} of the survey’s own and 95% within {large_p95}; for groups of 100 to 999, {mid_within} within 0.02; for groups under 100, half are within 0.014 to 0.023 and one in twenty is off by 0.05 to 0.08, as much as the interval itself. Shares at a threshold and changes between rounds are about twice as far off as means. Comparisons of two groups reach the survey’s own verdict in {verdicts} of clear-cut cases, and a significant difference is reversed in {reversed} of comparisons. The 95% figure for large groups and the share of clear-cut verdicts fall short of the project’s targets (0.005 and 95%): that is the price of the guarantee at ρ = 0.5, since the same model measured with four times the budget met both in a trial. The release keeps: returnees by country and quarter; every attribute by country; each score’s mean by every attribute and by country × sex; the shape and correlation of the scores’ spread; the change between a returnee’s last two rounds. It changes: other interactions (for example assistance type within one country) are smoothed away; every group has the overall spread; only each returnee’s last two rounds are kept, so period filters work on the release’s own records (a returnee’s latest record in the period, else the one before it); the months since return of the earlier round is estimated; the composite is always the weighted mean of the three released scores.",
        "fr": "Ce que cela coûte à un analyste : les chiffres sont proches de ceux de l’enquête sans leur être égaux, et les petits groupes sont tirés vers ce que prédisent leurs caractéristiques. Mesuré sur les données de démonstration à ρ = 0,5 (benchmarks/README.md) : pour les groupes de 1 000 personnes ou plus, la moitié des moyennes sont à moins de {large_median} de celles de l’enquête et 95 % à moins de {large_p95} ; pour les groupes de 100 à 999, {mid_within} à moins de 0,02 ; pour les groupes de moins de 100, la moitié sont à moins de 0,014 à 0,023 et une sur vingt s’écarte de 0,05 à 0,08, autant que l’intervalle lui-même. Les parts au seuil et les évolutions entre vagues s’écartent environ deux fois plus que les moyennes. Les comparaisons de deux groupes rendent le même verdict que l’enquête dans {verdicts} des cas nets, et une différence significative est inversée dans {reversed} des comparaisons. Le chiffre à 95 % des grands groupes et la part de verdicts nets manquent les objectifs du projet (0,005 et 95 %) : c’est le prix de la garantie à ρ = 0,5, car le même modèle mesuré avec un budget quatre fois plus grand les a atteints lors d’un essai. La diffusion conserve : les personnes par pays et trimestre ; chaque caractéristique par pays ; la moyenne de chaque score selon chaque caractéristique et selon pays × sexe ; la forme et la corrélation de la dispersion des scores ; l’évolution entre les deux dernières vagues d’une personne. Elle modifie : les autres interactions (par exemple le type d’aide dans un seul pays) sont lissées ; chaque groupe a la dispersion d’ensemble ; seules les deux dernières vagues de chaque personne sont gardées, les filtres de période portent donc sur les enregistrements de la diffusion (le dernier enregistrement de la personne dans la période, sinon le précédent) ; l’ancienneté du retour de la vague précédente est estimée ; le score composite est toujours la moyenne pondérée des trois scores diffusés."},
    "sustainability.method.mode": {"en": "Figures on this page: {mode}.", "fr": "Chiffres de cette page : {mode}."},
    "sustainability.method.mode.protected": {"en": "protected (computed from the protected release)",
                                             "fr": "protégés (calculés à partir de la diffusion protégée)"},
    "sustainability.method.mode.exact": {
        "en": "EXACT (EUIOM_DISCLOSURE=exact): figures computed from the survey records, for signed-in analysts only",
        "fr": "EXACT (EUIOM_DISCLOSURE=exact) : chiffres calculés à partir des réponses, réservés aux analystes connectés"},
    # Methodology (shown on this page and on the About page)
    "sustainability.method.heading": {"en": "Reintegration sustainability: how the figures are computed",
                                      "fr": "Durabilité de la réintégration : mode de calcul des chiffres"},
    "sustainability.method.scores": {
        "en": "The Reintegration Sustainability Survey (RSS) gives each returnee surveyed three scores between 0 and 1 — economic, social and psychosocial — and a composite score that combines them; higher means more sustainable reintegration. A returnee may be surveyed several times (for example 6, 12 and 18 months after return): each analysis counts every returnee once, with their latest answer in the period (see “Respondents, not responses” below), so a mean is a mean over people, not over answers.",
        "fr": "L’enquête sur la durabilité de la réintégration (RSS) attribue à chaque migrant de retour interrogé trois scores compris entre 0 et 1 — économique, social et psychosocial — et un score composite qui les combine ; plus le score est élevé, plus la réintégration est durable. Un migrant de retour peut être interrogé plusieurs fois (par exemple 6, 12 et 18 mois après son retour) : chaque analyse compte chaque personne une fois, avec sa dernière réponse de la période (voir « Des personnes, pas des réponses » plus bas) ; une moyenne porte donc sur les personnes, pas sur les réponses."},
    "sustainability.method.composite": {
        "en": "When an imported record has the three dimension scores but no composite, the dashboard computes the composite as a weighted mean with weights economic {economic}, social {social} and psychosocial {psychosocial} (setting EUIOM_WEIGHTS, normalised to sum to 1), and flags the record. IOM’s official indicator weights were not available to us: these weights are a setting of this dashboard, not IOM’s.",
        "fr": "Lorsqu’un enregistrement importé comporte les trois scores par dimension mais pas de score composite, le tableau de bord calcule ce dernier comme une moyenne pondérée avec les poids économique {economic}, social {social} et psychosocial {psychosocial} (réglage EUIOM_WEIGHTS, ramenés à une somme de 1), et signale l’enregistrement. Les pondérations officielles de l’OIM ne nous étaient pas disponibles : ces poids sont un réglage de ce tableau de bord, pas ceux de l’OIM."},
    "sustainability.method.intervals": {
        "en": "Every mean is shown with its 95% confidence interval: mean ± t × s / √n, where n is the number of respondents, s their sample standard deviation and t the 97.5th percentile of Student’s t distribution with n − 1 degrees of freedom (computed exactly, rather than approximated by 1.96, which would be too narrow for small groups). Charts clip intervals to the 0–1 range of the scores. Shares at or above the threshold carry a 95% Wilson score interval. The difference between two groups carries Welch’s 95% interval, which does not assume equal spreads; its degrees of freedom are rounded down. When that interval excludes zero, the comparison says which group is higher; otherwise it says that no difference is distinguishable from zero at 95%. Estimates and their bounds are written with as many decimals as the interval needs for them to read differently (two at least, three at most for public figures). n counts respondents: each returnee contributes one answer per analysis (see below), so the answers are independent. Public figures come from the protected release (see below): their intervals are computed from it as if it were the survey, so they show the survey’s sampling uncertainty and leave out the release’s noise and model error; every chart, table, file and API answer says so. Measured on the demo data, the public 95% intervals held the survey’s own mean in {coverage} of groups; that is an average over groups: a small group that differs from what its attributes predict is pulled towards the prediction, and its interval can miss.",
        "fr": "Chaque moyenne est accompagnée de son intervalle de confiance à 95 % : moyenne ± t × s / √n, où n est le nombre de répondants, s leur écart-type d’échantillon et t le 97,5e centile de la loi de Student à n − 1 degrés de liberté (calculé exactement plutôt qu’approché par 1,96, trop étroit pour les petits groupes). Les graphiques limitent les intervalles à l’étendue 0–1 des scores. Les parts au seuil ou au-dessus sont accompagnées d’un intervalle de Wilson à 95 %. L’écart entre deux groupes est accompagné de l’intervalle de Welch à 95 %, qui ne suppose pas des dispersions égales ; ses degrés de liberté sont arrondis à l’entier inférieur. Quand cet intervalle exclut zéro, la comparaison dit quel groupe est au-dessus ; sinon, elle dit qu’aucun écart n’est distinguable de zéro à 95 %. Les estimations et leurs bornes sont écrites avec autant de décimales qu’il en faut pour qu’elles se lisent différemment (deux au moins, trois au plus pour les chiffres publics). n compte des répondants : chaque personne contribue une seule réponse par analyse (voir plus bas), les réponses sont donc indépendantes. Les chiffres publics viennent de la diffusion protégée (voir plus bas) : leurs intervalles sont calculés à partir d’elle comme s’il s’agissait de l’enquête ; ils montrent donc l’incertitude d’échantillonnage de l’enquête et laissent de côté le bruit et l’erreur de modèle de la diffusion ; chaque graphique, tableau, fichier et réponse de l’API le dit. Mesuré sur les données de démonstration, les intervalles publics à 95 % contenaient la moyenne de l’enquête pour {coverage} des groupes ; c’est une moyenne sur les groupes : un petit groupe qui s’écarte de ce que prédisent ses caractéristiques est tiré vers cette prédiction, et son intervalle peut la manquer."},
    "sustainability.method.suppression": {
        "en": "Groups with fewer than {min} respondents (setting EUIOM_MIN_GROUP) are suppressed: they are listed and marked as suppressed, but no mean, share, spread or exact count is shown for them. This protects respondents and avoids comparisons built on too few answers. Suppression is done in the database query, so the values never reach the browser; it applies to every chart, to each point of the chart over time and to both groups of a side-by-side comparison.",
        "fr": "Les groupes de moins de {min} répondants (réglage EUIOM_MIN_GROUP) sont masqués : ils sont listés et signalés comme masqués, mais aucune moyenne, part, dispersion ni effectif exact n’est affiché. Cela protège les personnes interrogées et évite des comparaisons fondées sur trop peu de réponses. Le masquage a lieu dans la requête à la base de données : les valeurs n’atteignent jamais le navigateur. Il s’applique à chaque graphique, à chaque point du graphique d’évolution et aux deux groupes d’une comparaison."},
    "sustainability.method.threshold": {
        "en": "The threshold chart shows the share of respondents whose score is at or above a threshold; a score exactly equal to the threshold counts as at or above. IOM’s official sustainability cut-off was not available to us: the default threshold, {threshold}, is a setting of this dashboard (EUIOM_THRESHOLD), not IOM’s official value, and can be moved on the page.",
        "fr": "Le graphique de seuil montre la part des répondants dont le score est égal ou supérieur à un seuil ; un score exactement égal au seuil est compté. Le seuil officiel de durabilité de l’OIM ne nous était pas disponible : le seuil par défaut, {threshold}, est un réglage de ce tableau de bord (EUIOM_THRESHOLD), pas la valeur officielle de l’OIM, et peut être déplacé sur la page."},
    "sustainability.method.distribution": {
        "en": "Distributions are drawn as boxes computed in the database: the box spans the 25th to 75th percentile, the line inside it is the median and the whiskers reach the 5th and 95th percentiles (not 1.5 times the interquartile range). For speed at scale, scores are pre-aggregated into bins 0.01 wide when the data is loaded, so percentiles are accurate to ±0.01 (linear interpolation between order statistics, each placed within its bin); means, intervals and threshold shares are exact for the records they are computed from (the protected release for public figures). No individual response is sent to the browser.",
        "fr": "Les distributions sont représentées par des boîtes calculées dans la base de données : la boîte va du 25e au 75e centile, le trait intérieur est la médiane et les moustaches vont du 5e au 95e centile (et non à 1,5 fois l’écart interquartile). Pour rester rapides à grande échelle, les scores sont pré-agrégés en classes de 0,01 au chargement des données : les centiles sont donc exacts à ±0,01 près (interpolation linéaire entre statistiques d’ordre, chacune placée dans sa classe) ; les moyennes, intervalles et parts au-dessus du seuil sont exacts pour les enregistrements dont ils sont calculés (la diffusion protégée pour les chiffres publics). Aucune réponse individuelle n’est envoyée au navigateur."},
    "sustainability.method.time": {
        "en": "Months since return are grouped in bands: 0–5, 6–11, 12–17, 18–23 and 24 months or more. The chart over time follows the mean score of the largest groups (at most {max}) band by band.",
        "fr": "Les mois depuis le retour sont regroupés en tranches : 0–5, 6–11, 12–17, 18–23 et 24 mois ou plus. Le graphique d’évolution suit, tranche par tranche, le score moyen des groupes les plus grands (au plus {max})."},
    "sustainability.method.filters": {
        "en": "Every filter applies to the survey scores except the pillar filter (every RSS response concerns reintegration: the page disables it, and the API, the download-all zip and embeds say that it does not apply); the period filter applies to the survey date (for public figures, to the quarter of the release’s records).",
        "fr": "Tous les filtres s’appliquent aux scores d’enquête, sauf le filtre par pilier (chaque réponse RSS porte sur la réintégration : la page le désactive, et l’API, l’archive de toutes les données et les graphiques intégrés disent qu’il ne s’applique pas) ; le filtre de période s’applique à la date de l’enquête (pour les chiffres publics, au trimestre des enregistrements de la diffusion)."},
    "sustainability.intro.exact": {
        "en": "Reintegration Sustainability Survey (RSS) scores compared across groups of returnees. Each score runs from 0 to 1; higher means more sustainable reintegration. Every mean carries its sample size and a 95% confidence interval; groups with fewer than {min} respondents are suppressed. Each returnee counts once, with their latest answer in the period. These figures are EXACT: computed from the survey records themselves, not from the protected release, for signed-in analysts only (see the warning above).",
        "fr": "Scores de l’enquête sur la durabilité de la réintégration (RSS) comparés entre groupes de migrants de retour. Chaque score va de 0 à 1 ; plus il est élevé, plus la réintégration est durable. Chaque moyenne est accompagnée de la taille de l’échantillon et d’un intervalle de confiance à 95 % ; les groupes de moins de {min} répondants sont masqués. Chaque personne compte une fois, avec sa dernière réponse de la période. Ces chiffres sont EXACTS : calculés à partir des réponses elles-mêmes, pas à partir de la diffusion protégée, réservés aux analystes connectés (voir l’avertissement ci-dessus)."},
    "sustainability.intervals_note": {
        "en": "Survey figures come from the protected release. Their 95% intervals are computed from it as if it were the survey: they show sampling uncertainty, not the release’s noise or model error. On the demo data they held the survey’s own mean in {coverage} of groups, by group size; that is an average over groups, not a promise for any one.",
        "fr": "Les chiffres d’enquête viennent de la diffusion protégée. Leurs intervalles à 95 % sont calculés à partir d’elle comme s’il s’agissait de l’enquête : ils montrent l’incertitude d’échantillonnage, pas le bruit ni l’erreur de modèle de la diffusion. Sur les données de démonstration, ils contenaient la moyenne de l’enquête pour {coverage} des groupes, selon leur taille ; c’est une moyenne sur les groupes, pas une promesse pour chacun."},
    "sustainability.method.groups": {
        "en": "What it does not hide: small groups. The protection of k returnees taken together is that of μ = k × {mu_total}: a group of 2 can be told apart up to {group2} of the time, a group of 5 up to {group5}. So whether a small group exists (say a few women aged 45 or more from one country in one quarter) and roughly what its members answered can show through. “Too few to show” is decided on the release’s counts and reads the same whether a group holds nobody or a few, but the counts of the view’s other groups, and of the whole, still add up and can tell roughly how many it holds.",
        "fr": "Ce qu’elle ne cache pas : les petits groupes. La protection de k personnes prises ensemble est celle de μ = k × {mu_total} : un groupe de 2 peut être distingué jusqu’à {group2} du temps, un groupe de 5 jusqu’à {group5}. L’existence d’un petit groupe (par exemple quelques femmes de 45 ans ou plus d’un pays au cours d’un trimestre) et, à peu près, ce que ses membres ont répondu peuvent donc transparaître. « Trop peu pour afficher » est décidé sur les effectifs de la diffusion et s’écrit de la même façon qu’un groupe ne compte personne ou quelques personnes, mais les effectifs des autres groupes de la vue, et du total, s’additionnent toujours et peuvent dire à peu près combien il en compte."},
    "sustainability.method.ledger.one": {
        "en": "So far this data has been in 1 release, ρ = {spent} (the limit of this store is ρ = {cap}, setting EUIOM_RELEASE_RHO_TOTAL)",
        "fr": "Jusqu’ici ces données ont fait l’objet d’une diffusion, ρ = {spent} (la limite de cette base est ρ = {cap}, réglage EUIOM_RELEASE_RHO_TOTAL)"},
    "sustainability.method.ledger.many": {
        "en": "So far this data has been in {releases} releases, ρ = {spent} in total (zCDP adds up; the limit of this store is ρ = {cap}, setting EUIOM_RELEASE_RHO_TOTAL)",
        "fr": "Jusqu’ici ces données ont fait l’objet de {releases} diffusions, ρ = {spent} au total (les ρ s’additionnent ; la limite de cette base est ρ = {cap}, réglage EUIOM_RELEASE_RHO_TOTAL)"},
    "sustainability.method.ledger.none": {
        "en": "No survey data has been released yet: the first release will spend ρ = {rho} of this store’s limit ρ = {cap} (setting EUIOM_RELEASE_RHO_TOTAL), and what follows is said of it",
        "fr": "Aucune donnée d’enquête n’a encore été diffusée : la première diffusion dépensera ρ = {rho} sur la limite de cette base, ρ = {cap} (réglage EUIOM_RELEASE_RHO_TOTAL), et ce qui suit porte sur elle"},
    "sustainability.method.over_99": {
        "en": "over 99%",
        "fr": "plus de 99 %"},
    "sustainability.method.strength.strong": {
        "en": "a strong guarantee",
        "fr": "une garantie forte"},
    "sustainability.method.strength.moderate": {
        "en": "a moderate guarantee, not a strong one (strong would be ε around 1)",
        "fr": "une garantie modérée, pas forte (forte serait un ε proche de 1)"},
    "sustainability.method.strength.weak": {
        "en": "a weak guarantee (strong would be ε around 1; each new release weakens it further)",
        "fr": "une garantie faible (forte serait un ε proche de 1 ; chaque nouvelle diffusion l’affaiblit encore)"},
}
