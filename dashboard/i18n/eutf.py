"""Text of the EUTF figures the map and the pillars page share (measures, values, levels, indicator
names, the target-vs-actual chart) and of the kinds of data; each page's own EUTF words are in its
text.py."""

TEXT: dict[str, dict[str, str]] = {
    # Kinds of data
    "kind.eutf": {
        "en": "REAL DATA: EUTF results and budgets, reported by 17 Dec 2021 (EUTF Akvo RSR monitoring platform export of 2021-12-17; EUTF projects database, January 2022; © European Union, reuse under Commission Decision 2011/833/EU)",
        "fr": "DONNÉES RÉELLES\u202f: résultats et budgets du FFUE, déclarés au 17 déc. 2021 (export de la plateforme de suivi Akvo RSR du FFUE du 2021-12-17\u202f; base des projets du FFUE, janvier 2022\u202f; © Union européenne, réutilisation selon la décision 2011/833/UE de la Commission)",
    },
    "kind.published": {
        "en": "REAL DATA: published headline figures, each with its date, qualifier and source URL",
        "fr": "DONNÉES RÉELLES\u202f: chiffres clés publiés, chacun avec sa date, sa précision et l’adresse de sa source",
    },
    "kind.reference": {
        "en": "REFERENCE FACTS from the source documents (EU-IOM Actions page, KMH brochure)",
        "fr": "FAITS DE RÉFÉRENCE tirés des documents sources (page des Actions UE-OIM, brochure du KMH)",
    },
    "kind.mapping": {
        "en": "REFERENCE FACTS from the source documents, with THE DASHBOARD’S OWN PILLAR MAPPING for the Pilot Action, Prottasha and RADA (their objectives mapped to pillars by this dashboard)",
        "fr": "FAITS DE RÉFÉRENCE tirés des documents sources, avec la CORRESPONDANCE DES PILIERS ÉTABLIE PAR CE TABLEAU DE BORD pour l’Action pilote, Prottasha et RADA (leurs objectifs rapprochés des piliers par ce tableau de bord)",
    },
    "kind.survey_release": {
        "en": "{source} — PROTECTED survey figures: computed from the protected release (differential privacy, ρ = {rho} per store version), so they differ slightly from the survey’s own figures",
        "fr": "{source} — Chiffres d’enquête PROTÉGÉS : calculés à partir de la diffusion protégée (confidentialité différentielle, ρ = {rho} par version des données), ils diffèrent donc légèrement des chiffres propres de l’enquête",
    },
    "kind.survey_exact": {
        "en": "{source} — EXACT survey figures computed from the survey records, not protected: for the team only",
        "fr": "{source} — Chiffres d’enquête EXACTS calculés à partir des réponses elles-mêmes, non protégés : réservés à l’équipe",
    },
    # Where each kind of data comes from (the API's ``source``, the zip's sources by kind)
    "kind.source.eutf": {
        "en": "EUTF Akvo RSR monitoring platform export of 2021-12-17 and EUTF projects database of January 2022 (© European Union, reuse under Commission Decision 2011/833/EU)",
        "fr": "export de la plateforme de suivi Akvo RSR du FFUE du 2021-12-17 et base des projets du FFUE de janvier 2022 (© Union européenne, réutilisation selon la décision 2011/833/UE de la Commission)",
    },
    "kind.source.published": {
        "en": "published headline figures (data/reference/published_figures.csv), each with its date, qualifier and source URL",
        "fr": "chiffres clés publiés (data/reference/published_figures.csv), chacun avec sa date, sa précision et l’adresse de sa source",
    },
    "kind.source.reference": {
        "en": "source documents: EU-IOM Actions page and KMH brochure",
        "fr": "documents sources : page des Actions UE-OIM et brochure du KMH",
    },
    "kind.source.mapping": {
        "en": "source documents (EU-IOM Actions page, KMH brochure); pillars of the Pilot Action, Prottasha and RADA mapped by this dashboard from their objectives",
        "fr": "documents sources (page des Actions UE-OIM, brochure du KMH) ; piliers de l’Action pilote, de Prottasha et de RADA rapprochés par ce tableau de bord à partir de leurs objectifs",
    },
    "export.header.kind": {"en": "Kind of data", "fr": "Nature des données"},
    "export.table_kind": {"en": "Kind of data: {kind}", "fr": "Nature des données\u202f: {kind}"},
    "pillars.mapped_note": {
        "en": "Pilot Action, Prottasha and RADA: pillars mapped by the dashboard from their objectives",
        "fr": "Action pilote, Prottasha et RADA : piliers rapprochés par le tableau de bord à partir de leurs objectifs",
    },
    "pillars.mapped_mark": {
        "en": "mapped by the dashboard",
        "fr": "correspondance établie par le tableau de bord",
    },
    # Measures, values, levels
    "eutf.measure.budget": {
        "en": "EUTF budget of IOM contracts",
        "fr": "Budget FFUE des contrats de l’OIM",
    },
    "eutf.measure.returns": {
        "en": "Voluntary returns supported (counted where organised)",
        "fr": "Retours volontaires soutenus (comptés là où ils sont organisés)",
    },
    "eutf.measure.post_arrival": {
        "en": "Returning migrants given post-arrival assistance",
        "fr": "Migrants de retour bénéficiant d’une aide à l’arrivée",
    },
    "eutf.measure.reintegration": {
        "en": "Returning migrants given reintegration assistance",
        "fr": "Migrants de retour bénéficiant d’une aide à la réintégration",
    },
    "eutf.measure.information": {
        "en": "People reached by information campaigns",
        "fr": "Personnes touchées par les campagnes d’information",
    },
    "eutf.measure.institutions": {
        "en": "Institutions and non-state actors strengthened",
        "fr": "Institutions et acteurs non étatiques renforcés",
    },
    "eutf.measure.trained": {
        "en": "People trained on migration management",
        "fr": "Personnes formées à la gestion des migrations",
    },
    "eutf.value.actual": {"en": "actual", "fr": "réalisé"},
    "eutf.value.target": {"en": "target", "fr": "cible"},
    "eutf.value.pct": {"en": "% of target", "fr": "% de la cible"},
    "eutf.value.budget": {"en": "budget in EUR", "fr": "budget en EUR"},
    "eutf.value.sum": {"en": "sum over {period}", "fr": "somme sur {period}"},
    "eutf.level.contract": {"en": "contract", "fr": "contrat"},
    "eutf.level.project": {"en": "project", "fr": "projet"},
    "eutf.framework.coi": {
        "en": "EUTF Common Output Indicators, {number}",
        "fr": "indicateurs communs de produits du FFUE, {number}",
    },
    "eutf.framework.contracts": {
        "en": "EUTF contracts implemented by IOM",
        "fr": "contrats du FFUE mis en œuvre par l’OIM",
    },
    "eutf.source_line": {
        "en": "EUTF, reported by 17 Dec 2021 · {framework}",
        "fr": "FFUE, déclaré au 17 déc. 2021 · {framework}",
    },
    "eutf.missing": {"en": "no EUTF figure", "fr": "aucun chiffre du FFUE"},
    "eutf.hover.level": {"en": "Level and projects", "fr": "Niveau et projets"},
    "eutf.hover.level_value": {"en": "{level}: {ids}", "fr": "{level} : {ids}"},
    "eutf.hover.contract_level": {
        "en": "Contracts counted: {ids}",
        "fr": "Contrats comptés : {ids}",
    },
    "eutf.hover.project_level": {
        "en": "Figure of the parent project (no contract figure): {ids}",
        "fr": "Chiffre du projet parent (aucun chiffre de contrat) : {ids}",
    },
    "eutf.legend.project_level": {
        "en": "dark outline: figure of the parent project (no contract figure)",
        "fr": "contour foncé : chiffre du projet parent (aucun chiffre de contrat)",
    },
    "eutf.hover.regional": {
        "en": "Regional projects also covering it (not included)",
        "fr": "Projets régionaux le couvrant aussi (non inclus)",
    },
    "eutf.regional.item": {
        "en": "{id} ({level}, {count} countries): {value}",
        "fr": "{id} ({level}, {count} pays) : {value}",
    },
    "eutf.regional.more": {"en": "{count} more", "fr": "{count} de plus"},
    # Map: amount colouring
    "map.colour.eutf": {"en": "EUTF amount (real)", "fr": "Montant FFUE (réel)"},
    "map.colour.indicator": {
        "en": "Programme indicator ({origin})",
        "fr": "Indicateur des programmes ({origin})",
    },
    "kind.short.mapping": {
        "en": "Reference facts; pillars of the Pilot Action, Prottasha<br>and RADA mapped by the dashboard",
        "fr": "Faits de référence ; piliers de l’Action pilote, de Prottasha<br>et de RADA rapprochés par le tableau de bord",
    },
    "kind.short.demo": {"en": "demo data", "fr": "données de démonstration"},
    "kind.short.imported": {"en": "imported data", "fr": "données importées"},
    "kind.short.empty": {"en": "no data yet", "fr": "aucune donnée"},
    "map.amount.measure": {"en": "EUTF measure", "fr": "Mesure du FFUE"},
    "map.amount.value": {"en": "Value", "fr": "Valeur"},
    "map.amount.indicator": {"en": "Indicator of the store", "fr": "Indicateur du magasin"},
    "map.amount.title": {"en": "{measure} ({value})", "fr": "{measure} ({value})"},
    "map.amount.missing_store": {
        "en": "no value in the store for these filters",
        "fr": "aucune valeur dans le magasin pour ces filtres",
    },
    "map.amount.note": {
        "en": "EUTF figures are cumulative, as reported by 17 December 2021, for the whole programme period: the shared filters do not apply to them. A country’s figure counts only projects and contracts of that country, at one level (contracts where there are any); regional projects are listed for the countries they cover, never split or added.",
        "fr": "Les chiffres du FFUE sont cumulés, tels que déclarés au 17 décembre 2021, pour toute la durée des programmes : les filtres communs ne s’y appliquent pas. Le chiffre d’un pays ne compte que les projets et contrats de ce pays, à un seul niveau (les contrats s’il y en a) ; les projets régionaux sont indiqués pour les pays qu’ils couvrent, jamais répartis ni ajoutés.",
    },
    "map.amount.col.measure": {"en": "Measure", "fr": "Mesure"},
    "map.amount.col.value": {"en": "Value shown", "fr": "Valeur affichée"},
    "map.amount.col.status": {"en": "Status of the value", "fr": "Statut de la valeur"},
    "map.amount.has_figure": {"en": "figure shown", "fr": "chiffre affiché"},
    "map.amount.col.budget": {"en": "Budget (EUR)", "fr": "Budget (EUR)"},
    "map.amount.col.ids": {
        "en": "Projects or contracts counted",
        "fr": "Projets ou contrats comptés",
    },
    "map.amount.col.source": {"en": "Source and date", "fr": "Source et date"},
    "map.amount.col.drawn": {"en": "Drawn on the map", "fr": "Dessiné sur la carte"},
    "map.amount.no_outline": {
        "en": "No (no outline on this map)",
        "fr": "Non (pas de contour sur cette carte)",
    },
    "map.amount.summary": {
        "en": "{measure} ({value}): {count} countries on the map have a figure; the largest: {top} ({top_value}). Other countries read “{missing}”. {source}.",
        "fr": "{measure} ({value}) : {count} pays de la carte ont un chiffre ; le plus élevé : {top} ({top_value}). Les autres pays portent « {missing} ». {source}.",
    },
    "map.amount.summary.listed_only": {
        "en": "With a figure but no outline on this map, listed in the table only: {countries}.",
        "fr": "Avec un chiffre mais sans contour sur cette carte, dans le tableau seulement : {countries}.",
    },
    "map.amount.summary.none": {
        "en": "{measure}: every country reads “{missing}”. {source}.",
        "fr": "{measure} : tous les pays portent « {missing} ». {source}.",
    },
    "eutf.action_link.related": {"en": "related", "fr": "apparenté"},
    "eutf.action_link.other": {"en": "other", "fr": "autre"},
    # The numbered EUTF Common Output Indicators. French: the dashboard's own translation (no
    # official French wording was found). English: the EUTF's wording as reported, without
    # "Number of". Charts show these; tables also keep the wording as reported.
    "eutf.coi.1.1": {
        "en": "Direct jobs created or supported through EUTF-funded projects",
        "fr": "Emplois directs créés ou soutenus par les projets financés par le FFUE",
    },
    "eutf.coi.1.2": {
        "en": "MSMEs created or supported",
        "fr": "Micro, petites et moyennes entreprises (MPME) créées ou soutenues",
    },
    "eutf.coi.1.3": {
        "en": "People assisted to develop income generating activities (IGAs)",
        "fr": "Personnes aidées à développer des activités génératrices de revenus (AGR)",
    },
    "eutf.coi.1.4": {
        "en": "People benefitting from professional trainings (TVET) and/or skills development",
        "fr": "Personnes bénéficiant de formations professionnelles (EFTP) et/ou d’un développement des compétences",
    },
    "eutf.coi.2.1 bis": {
        "en": "Social infrastructures built and/or rehabilitated",
        "fr": "Infrastructures sociales construites et/ou réhabilitées",
    },
    "eutf.coi.2.2": {
        "en": "Basic social services delivered",
        "fr": "Services sociaux de base fournis",
    },
    "eutf.coi.2.4": {
        "en": "People receiving food security-related assistance",
        "fr": "Personnes recevant une aide liée à la sécurité alimentaire",
    },
    "eutf.coi.2.7": {
        "en": "People reached by sensitisation campaigns on resilience-building practices and basic rights",
        "fr": "Personnes touchées par des campagnes de sensibilisation aux pratiques de résilience et aux droits fondamentaux",
    },
    "eutf.coi.2.8": {
        "en": "Staff from local authorities and basic service providers benefitting from capacity building to strengthen service delivery",
        "fr": "Agents des autorités locales et des prestataires de services de base formés pour améliorer les services",
    },
    "eutf.coi.2.9": {
        "en": "People having improved access to basic social benefits (services and transfers)",
        "fr": "Personnes ayant un meilleur accès aux prestations sociales de base (services et transferts)",
    },
    "eutf.coi.3.1": {
        "en": "Projects and initiatives supported by diaspora members",
        "fr": "Projets et initiatives soutenus par des membres de la diaspora",
    },
    "eutf.coi.3.2": {
        "en": "Migrants in transit, refugees/asylum seekers and IDPs protected and/or assisted",
        "fr": "Migrants en transit, réfugiés et demandeurs d’asile et personnes déplacées protégés et/ou assistés",
    },
    "eutf.coi.3.3": {
        "en": "(potential) migrants, reached by information campaigns on migration",
        "fr": "Migrants (potentiels) touchés par des campagnes d’information sur la migration",
    },
    "eutf.coi.3.4": {"en": "Voluntary returns supported", "fr": "Retours volontaires soutenus"},
    "eutf.coi.3.5": {
        "en": "Returning migrants benefitting from post-arrival assistance",
        "fr": "Migrants de retour bénéficiant d’une aide après l’arrivée",
    },
    "eutf.coi.3.5 bis": {
        "en": "Returning migrants benefitting from reintegration assistance",
        "fr": "Migrants de retour bénéficiant d’une aide à la réintégration",
    },
    "eutf.coi.3.6": {
        "en": "Institutions and non-state actors strengthened through capacity building or operational support on protection and migration management",
        "fr": "Institutions et acteurs non étatiques renforcés (renforcement des capacités ou appui opérationnel) en matière de protection et de gestion des migrations",
    },
    "eutf.coi.3.7": {
        "en": "Individuals trained on migration management and protection",
        "fr": "Personnes formées à la gestion des migrations et à la protection",
    },
    "eutf.coi.3.8": {
        "en": "Persons of concern benefitting from evacuation and resettlement assistance or other durable solutions for evacuees",
        "fr": "Personnes relevant de la compétence bénéficiant d’une aide à l’évacuation, à la réinstallation ou d’autres solutions durables",
    },
    "eutf.coi.3.11": {
        "en": "Awareness raising events on migration",
        "fr": "Événements de sensibilisation à la migration",
    },
    "eutf.coi.4.1": {
        "en": "Infrastructures supported to strengthen governance",
        "fr": "Infrastructures soutenues pour renforcer la gouvernance",
    },
    "eutf.coi.4.1 bis": {
        "en": "Items of equipment provided to strengthen governance",
        "fr": "Équipements fournis pour renforcer la gouvernance",
    },
    "eutf.coi.4.2": {
        "en": "Staff from governmental institutions, internal security forces and relevant non-state actors trained on governance, conflict prevention and human rights",
        "fr": "Agents des institutions publiques, des forces de sécurité intérieure et d’acteurs non étatiques formés à la gouvernance, à la prévention des conflits et aux droits humains",
    },
    "eutf.coi.4.3": {
        "en": "People participating in conflict prevention and human rights activities",
        "fr": "Personnes participant à des activités de prévention des conflits et de droits humains",
    },
    "eutf.coi.4.6": {
        "en": "Strategies, laws, policies and plans developed and / or directly supported",
        "fr": "Stratégies, lois, politiques et plans élaborés et/ou directement soutenus",
    },
    "eutf.coi.5.1": {
        "en": "Multi-stakeholder groups and learning mechanisms formed and regularly gathering",
        "fr": "Groupes multipartites et mécanismes d’apprentissage créés et se réunissant régulièrement",
    },
    "eutf.coi.5.2": {
        "en": "Planning, monitoring, learning, data-collection and analysis systems set up, implemented and / or strengthened",
        "fr": "Systèmes de planification, de suivi, d’apprentissage, de collecte et d’analyse de données mis en place, mis en œuvre et/ou renforcés",
    },
    "eutf.coi.5.3": {
        "en": "Field studies, surveys and other research conducted",
        "fr": "Études de terrain, enquêtes et autres recherches menées",
    },
    "eutf.coi.5.4": {
        "en": "Regional cooperation initiatives created, launched or supported",
        "fr": "Initiatives de coopération régionale créées, lancées ou soutenues",
    },
    "eutf.coi.6.1": {
        "en": "COVID-19 pandemic-related supplies provided and/or distributed",
        "fr": "Fournitures liées à la pandémie de COVID-19 fournies et/ou distribuées",
    },
    "eutf.coi.6.2": {
        "en": "People directly benefitting from COVID-19 emergency response activities",
        "fr": "Personnes bénéficiant directement des activités d’intervention d’urgence contre la COVID-19",
    },
    "eutf.coi.6.3": {
        "en": "Entities benefitting from COVID-19 emergency response activities",
        "fr": "Entités bénéficiant des activités d’intervention d’urgence contre la COVID-19",
    },
    "eutf.chart.empty": {"en": "No EUTF figure", "fr": "Aucun chiffre du FFUE"},
    "eutf.legend.actual_project": {
        "en": "actual, parent project’s figure (no contract figure)",
        "fr": "réalisé, chiffre du projet parent (aucun chiffre de contrat)",
    },
    "eutf.chart.project_note": {
        "en": "Figure of the parent project: no contract reports this indicator here.",
        "fr": "Chiffre du projet parent : aucun contrat ne déclare cet indicateur ici.",
    },
    "eutf.col.label": {
        "en": "Indicator (short, as charted)",
        "fr": "Indicateur (libellé du graphique, traduit par le tableau de bord)",
    },
    "eutf.chart.axis": {
        "en": "Number reported (logarithmic scale)",
        "fr": "Nombre déclaré (échelle logarithmique)",
    },
    "eutf.col.number": {"en": "Indicator number", "fr": "Numéro d’indicateur"},
    "eutf.col.indicator": {"en": "Indicator (as reported)", "fr": "Indicateur (tel que déclaré)"},
    "eutf.col.pillar": {
        "en": "Pillar (the dashboard’s correspondence)",
        "fr": "Pilier (correspondance du tableau de bord)",
    },
    "eutf.col.scope": {"en": "Scope", "fr": "Portée"},
    "eutf.col.place": {
        "en": "Country, or regional project or contract",
        "fr": "Pays, ou projet ou contrat régional",
    },
    "eutf.scope.country": {"en": "country’s own", "fr": "propre au pays"},
    "eutf.scope.regional": {
        "en": "regional (not split or added)",
        "fr": "régional (ni réparti ni ajouté)",
    },
    # About page
    "about.eutf.title": {
        "en": "Real programme results: EU Trust Fund for Africa (EUTF)",
        "fr": "Résultats réels des programmes : Fonds fiduciaire d’urgence de l’UE pour l’Afrique (FFUE)",
    },
    "about.eutf.sources": {
        "en": "The EUTF funds the three Joint Initiative Actions. The map’s EUTF colouring, the country profiles’ EUTF projects and results, and the pillars page’s “Reported results (real)” come from two sources:\n\n- **EUTF Akvo RSR monitoring platform** (eutf.akvoapp.org, organisation 3394): full XML export of 17 December 2021, as processed by DW / European Data Journalism Network (github.com/dw-data/eutf-africa): the 51 IOM projects and contracts (budgets, dates, partners) and their 1,426 reported results (targets and actuals).\n- **EUTF projects database, January 2022** (European Commission, EUTF website), compiled in the same repository: budgets, themes, dates and links to the action documents.\n\nThe files are in `data/reference/eutf/`, unchanged.",
        "fr": "Le FFUE finance les trois Actions de l’Initiative conjointe. La coloration FFUE de la carte, les projets et résultats FFUE des profils de pays et les « Résultats déclarés (réels) » de la page des piliers proviennent de deux sources :\n\n- **Plateforme de suivi Akvo RSR du FFUE** (eutf.akvoapp.org, organisation 3394) : export XML complet du 17 décembre 2021, traité par DW / European Data Journalism Network (github.com/dw-data/eutf-africa) : les 51 projets et contrats de l’OIM (budgets, dates, partenaires) et leurs 1 426 résultats déclarés (cibles et réalisations).\n- **Base des projets du FFUE, janvier 2022** (Commission européenne, site du FFUE), compilée dans le même dépôt : budgets, thèmes, dates et liens vers les documents d’action.\n\nLes fichiers sont dans `data/reference/eutf/`, sans modification.",
    },
    "about.eutf.acknowledgement": {
        "en": "© European Union. Reuse of European Commission data is authorised provided the source is acknowledged (Commission Decision 2011/833/EU). Sources: EUTF Akvo RSR monitoring platform (export of 17 December 2021) and EUTF projects database (January 2022), as processed by DW / European Data Journalism Network.",
        "fr": "© Union européenne. La réutilisation des données de la Commission européenne est autorisée moyennant mention de la source (décision 2011/833/UE de la Commission). Sources : plateforme de suivi Akvo RSR du FFUE (export du 17 décembre 2021) et base des projets du FFUE (janvier 2022), traitées par DW / European Data Journalism Network.",
    },
    "about.eutf.meaning_title": {
        "en": "What these figures mean, and what they do not",
        "fr": "Ce que ces chiffres signifient, et ce qu’ils ne signifient pas",
    },
    "about.eutf.meaning": {
        "en": "- **Cumulative, as of a date.** An actual is what had been reported by 17 December 2021 for the whole programme period (2015–2025); a target is the value for the whole project. There is no quarterly series, so the period filter does not apply to them.\n- **Returns are counted where they are organised.** Indicator 3.4 (voluntary returns supported) is reported by the programme that organised the return: Niger reports 40,888, Nigeria, a country of origin, 7. The map labels it “counted where organised”.\n- **One framework, one level, no regional split.** The EUTF reports in three frameworks that often repeat one quantity; the dashboard uses the numbered Common Output Indicators and never adds frameworks together. A project and its contract often carry the same value: a country’s figure counts contracts where there are any, else projects, never both. Regional projects and contracts are shown for every country they cover, never split into or added to a country’s own figure.\n- **As reported.** Values are not corrected: some are fractional (1,301.02), a project and its contract can disagree (Senegal), and 16 targets are written as text (“80%”, “Baseline +30”), kept as written with no number.\n- **Our classifications.** The link of each project to an Action (`action_link`) and the correspondence of Common Output Indicators to the six pillars are the dashboard’s, not the EUTF’s, and are labelled so.\n- **A country without a figure reads “no EUTF figure”**, never 0. Every country with an EUTF figure has an outline on the map (Natural Earth 1:50m), the Gambia, Eritrea and Tanzania included; a country covered only by regional projects is drawn in grey, with those projects in its hover.",
        "fr": "- **Cumulés, à une date.** Une réalisation est ce qui avait été déclaré au 17 décembre 2021 pour toute la période des programmes (2015–2025) ; une cible vaut pour tout le projet. Il n’y a pas de série trimestrielle : le filtre de période ne s’y applique pas.\n- **Les retours sont comptés là où ils sont organisés.** L’indicateur 3.4 (retours volontaires soutenus) est déclaré par le programme qui a organisé le retour : le Niger déclare 40 888, le Nigéria, pays d’origine, 7. La carte l’indique (« comptés là où ils sont organisés »).\n- **Un cadre, un niveau, aucune répartition régionale.** Le FFUE déclare dans trois cadres qui répètent souvent la même quantité ; le tableau de bord utilise les indicateurs communs de produits numérotés et n’additionne jamais les cadres. Un projet et son contrat portent souvent la même valeur : le chiffre d’un pays compte les contrats s’il y en a, sinon les projets, jamais les deux. Les projets et contrats régionaux sont indiqués pour chaque pays qu’ils couvrent, jamais répartis ni ajoutés au chiffre propre d’un pays.\n- **Tels que déclarés.** Les valeurs ne sont pas corrigées : certaines sont fractionnaires (1 301,02), un projet et son contrat peuvent diverger (Sénégal), et 16 cibles sont écrites en texte (« 80% », « Baseline +30 »), conservées telles quelles sans nombre.\n- **Nos classements.** Le lien de chaque projet avec une Action (`action_link`) et la correspondance des indicateurs communs avec les six piliers sont ceux du tableau de bord, non du FFUE, et sont signalés comme tels.\n- **Un pays sans chiffre porte « aucun chiffre du FFUE »**, jamais 0. L’Érythrée, la Gambie et la Tanzanie ont des chiffres du FFUE mais pas de contour sur cette carte ; ils figurent dans la vue en tableau et les exports.",
    },
}
